"use client";
// The sandbox pay page's form: a method, an outcome, how the webhooks are delivered. Afterwards the
// payer goes back to the shop (the callback), as after a real gateway; the shop does not rely on it.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { SandboxLinkView } from "@/lib/billing/gateway/sandbox-checkout";
import { formatINR } from "@/lib/format";
import { paySandboxAction, settleSandboxAction } from "../../actions";
import { SandboxPayFields, useSandboxPayChoices } from "../../sandbox-pay-fields";

const deliveries = [
  { value: "normal", label: "Deliver webhooks normally" },
  { value: "twice", label: "Deliver every webhook twice" },
  { value: "late", label: "Deliver webhooks 20 s late" },
  { value: "out_of_order", label: "Deliver webhooks in reverse order" },
];

export function SandboxPayForm({ link }: { link: SandboxLinkView }) {
  const choices = useSandboxPayChoices();
  const { outcome, amount } = choices;
  const [delivery, setDelivery] = useState("normal");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger" | "info"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const open = (link.status === "created" || link.status === "partially_paid") && !link.expired;

  const pay = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setMessage(null);
      const res = await paySandboxAction(link.id, { ...choices.input, delivery });
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        return setMessage({ tone: "danger", text: res.error });
      }
      if (res.data.status === "failed") return setMessage({ tone: "danger", text: "Payment failed: declined by the bank (sandbox). No money was taken." });
      setMessage({ tone: "success", text: res.data.status === "captured" ? "Payment successful. Returning to the shop…" : "Payment authorised (not captured)." });
      if (res.data.status === "captured" && res.data.callbackUrl) setTimeout(() => window.location.assign(res.data.callbackUrl!), 800);
    });
  };

  return (
    <div className="mt-5 space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {!open && <Alert tone="info">This link is {link.expired ? "expired" : link.status.replace("_", " ")}.{link.callbackUrl && <> <a className="underline" href={link.callbackUrl}>Back to the shop</a></>}</Alert>}
      {open && (
        <form onSubmit={pay} noValidate className="space-y-4">
          <SandboxPayFields choices={choices} partial={link.acceptPartial} authorizeOnly amountField={{ id: "amount", hint: `Less than ${formatINR(link.due)}`, error: errors.amount?.[0] }} />
          <Field id="delivery" label="Webhook delivery" error={errors.delivery?.[0]}>
            <Select value={delivery} onChange={(e) => setDelivery(e.target.value)} options={deliveries} />
          </Field>
          <Button type="submit" className="w-full" loading={pending}>
            Pay {outcome === "pay_part" ? (/^\d{1,12}(\.\d{1,2})?$/.test(amount.replace(/,/g, "")) ? formatINR(amount.replace(/,/g, "")) : "part") : formatINR(link.due)}
          </Button>
        </form>
      )}
      {link.payments.length > 0 && (
        <div className="border-t border-slate-100 pt-3 text-sm">
          <p className="mb-1.5 font-medium text-slate-900">Payments on this link</p>
          <ul className="space-y-1.5">
            {link.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2 text-xs">
                <span className="font-mono">{p.id}</span>
                <span>{formatINR(p.amount)}</span>
                <span className="text-slate-600">{p.method} · {p.status}</span>
                {(p.status === "failed" || p.status === "authorized") && (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() =>
                      start(async () => {
                        const res = await settleSandboxAction(link.id, p.id, p.status === "failed" ? "authorized" : "captured");
                        setMessage(res.ok ? { tone: "info", text: p.status === "failed" ? "The bank authorised it late." : "Captured." } : { tone: "danger", text: res.error });
                      })
                    }
                  >
                    {p.status === "failed" ? "Bank authorises late" : "Capture"}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
