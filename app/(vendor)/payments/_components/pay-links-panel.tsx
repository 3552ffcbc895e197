"use client";
// Staff's online-payment panel, the same on an invoice and on a retailer's ledger (a link for the whole
// outstanding): make a pay link (amount, part payments), copy its URL, send it, see each gateway
// payment and its receipt, refund one, cancel a link. The receipt itself comes from the webhook.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { PayLinkBadge, PaymentAttemptBadge } from "@/components/billing/pay-link-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { PayLinkView } from "@/lib/billing/gateway/pay-link-views";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import { formatDateTime, formatINR } from "@/lib/format";
import { SendPayLinkButton } from "./send-pay-link-button";
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { cancelPayLinkAction, createPayLinkForAction, refundGatewayPaymentAction, type PayLinkTarget } from "../pay-link-actions";

type Props = {
  /** The invoice (or debit note) the links pay, or the retailer connection whose whole outstanding they pay. */
  target: PayLinkTarget;
  links: PayLinkView[];
  /** What is open now: the document's balance due, or the retailer's outstanding. */
  due: string;
  canCreate: boolean;
  canTakeMoney: boolean;
  hasGateway: boolean;
  sentAt?: Record<string, string>;
};

export function PayLinksPanel({ target, links, due, canCreate, canTakeMoney, hasGateway, sentAt = {} }: Props) {
  const outstanding = !!target.connectionId;
  const path = outstanding ? `/retailers/${target.connectionId}/ledger` : `/invoices/${target.invoiceId}`;
  const [amount, setAmount] = useState(due);
  const [acceptPartial, setAcceptPartial] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setMessage(null);
      const res = await createPayLinkForAction(target, { amount, acceptPartial }, path);
      if (res.ok) return setMessage({ tone: "success", text: `Pay link ready: ${res.data.shortUrl ?? ""}` });
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "danger", text: res.error });
    });
  };

  return (
    <Card>
      <CardHeader
        title={outstanding ? "Online payment of the outstanding" : "Online payment"}
        description={outstanding ? (links.length ? "When paid, the receipt settles the open documents oldest due first." : "No pay links for the whole outstanding yet.") : links.length ? undefined : "No pay links yet."}
      />
      {message && <Alert tone={message.tone} className="mx-5 mt-3 break-all">{message.text}</Alert>}
      {links.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm">
          {links.map((l) => (
            <li key={l.id} className="space-y-1.5 px-5 py-3">
              <div className="flex items-center justify-between gap-2">
                <span className="font-mono text-[13px]">{l.reference}</span>
                <PayLinkBadge status={l.status} />
              </div>
              <p className="text-xs text-slate-500">
                {formatINR(l.amount)}
                {l.acceptPartial ? " · part payments allowed" : ""} · paid {formatINR(l.amountPaid)}
                {l.sandbox ? " · local payment sandbox" : ` · ${l.provider.toLowerCase()}`}
                {l.kind === "CHECKOUT" ? " · paid in checkout by the retailer" : ""} · {formatDateTime(l.createdAt)}
              </p>
              {l.shortUrl && (l.status === "CREATED" || l.status === "PARTLY_PAID") && (
                <p className="font-mono text-xs break-all text-brand-700 select-all">{l.shortUrl}</p>
              )}
              {l.payments.map((p) => (
                <div key={p.id} className="flex flex-wrap items-center gap-2 text-xs">
                  <PaymentAttemptBadge status={p.status} />
                  <span className="tabular-nums">{formatINR(p.amount)}</span>
                  {p.method && <span className="text-slate-500">{p.method}</span>}
                  <span className="text-slate-500">{formatDateTime(p.createdAt)}</span>
                  {p.receiptId && (
                    <Link href={`/payments/${p.receiptId}`} className="text-brand-700 hover:underline">
                      Receipt
                    </Link>
                  )}
                  {p.errorReason && p.status === "FAILED" && <span className="text-danger-700">{p.errorReason}</span>}
                  {p.needsReview && <span className="text-warning-800">Needs review: {p.reviewReason}</span>}
                  {p.amountRefunded !== "0.00" && <span className="text-slate-500">refunded {formatINR(p.amountRefunded)}</span>}
                  {canTakeMoney && p.receiptId && (p.status === "CAPTURED" || p.status === "PARTLY_REFUNDED") && (
                    <RefundButton
                      left={fromPaise(BigInt(p.amountPaise) - (toPaise(p.amountRefunded) ?? 0n))}
                      onRefund={(amount) => refundGatewayPaymentAction(p.id, { amount }, path)}
                    />
                  )}
                </div>
              ))}
              {canTakeMoney && (l.status === "CREATED" || l.status === "PARTLY_PAID") && (
                <div className="flex flex-wrap items-center gap-2">
                  {l.shortUrl && <SendPayLinkButton payLinkId={l.id} sentAt={sentAt[l.id] ?? null} path={path} />}
                  <ConfirmButton
                    label={l.kind === "CHECKOUT" ? "Cancel checkout" : "Cancel link"}
                    variant="ghost"
                    title={`Cancel ${l.reference}?`}
                    description={
                      l.status === "PARTLY_PAID"
                        ? "Nobody can pay through it any more. The part already paid stays recorded."
                        : "Nobody can pay through it any more; it is cancelled at the gateway too."
                    }
                    confirmLabel={l.kind === "CHECKOUT" ? "Cancel checkout" : "Cancel link"}
                    dismissLabel="Keep it"
                    onConfirm={async () => {
                      const res = await cancelPayLinkAction(l.id, path);
                      if (res.ok) setMessage({ tone: "success", text: `${l.reference} cancelled.` });
                      return res.ok ? { ok: true } : { ok: false, error: res.error };
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canCreate && Number(due) > 0 && (
        hasGateway ? (
          <form onSubmit={create} noValidate className="space-y-3 border-t border-slate-100 px-5 py-3">
            <Field id={outstanding ? "outstandingPayLinkAmount" : "payLinkAmount"} label="Amount" error={errors.amount?.[0]} hint={outstanding ? `Outstanding: ${formatINR(due)}` : `Due: ${formatINR(due)}`}>
              <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} className="max-w-48" />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-brand-600" checked={acceptPartial} onChange={(e) => setAcceptPartial(e.target.checked)} />
              Allow part payments
            </label>
            <Button type="submit" size="sm" loading={pending}>
              Make pay link
            </Button>
          </form>
        ) : (
          <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
            Set up a payment gateway in <Link href="/settings/payments" className="text-brand-700 hover:underline">Settings → Payments</Link> to send pay links.
          </p>
        )
      )}
    </Card>
  );
}

/** Refund in full or in part: asks the amount, then the gateway refunds and the books follow. */
function RefundButton({ left, onRefund }: { left: string; onRefund: (amount: string) => Promise<{ ok: boolean; error?: string }> }) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(left);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Refund
      </Button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <label className="sr-only" htmlFor="refundAmount">Refund amount</label>
      <Input id="refundAmount" className="w-28" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      <Button
        size="sm"
        variant="danger"
        loading={pending}
        onClick={() =>
          start(async () => {
            const res = await onRefund(amount);
            if (res.ok) setOpen(false);
            else setError(res.error ?? "Refund failed");
          })
        }
      >
        Refund {/^\d{1,12}(\.\d{1,2})?$/.test(amount.replace(/,/g, "")) ? formatINR(amount.replace(/,/g, "")) : ""}
      </Button>
      {error && <span className="text-danger-700">{error}</span>}
    </span>
  );
}
