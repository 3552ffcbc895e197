"use client";
// The LOCAL PAYMENT SANDBOX's stand-in for Razorpay Standard Checkout: opened with the same options as
// checkout.js (key, order_id, amount, currency, name, description, prefill, handler), it pays the
// sandbox order and calls the handler with the same three fields Razorpay's checkout gives —
// razorpay_payment_id, razorpay_order_id and razorpay_signature, signed with the account's key secret
// as Razorpay signs them. The sandbox sends the payment.captured / order.paid webhooks meanwhile.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CheckoutOptions } from "@/app/portal/invoices/_components/checkout-options";
import { formatINR } from "@/lib/format";
import { paySandboxOrderAction } from "./actions";
import { SandboxPayFields, useSandboxPayChoices } from "./sandbox-pay-fields";

/** `partial`: the order takes part payments (Razorpay's checkout reads that from the order itself). */
export function SandboxCheckoutDialog({ options, partial = false }: { options: CheckoutOptions; partial?: boolean }) {
  const amountId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const choices = useSandboxPayChoices();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  const rupees = (options.amount / 100).toFixed(2);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const pay = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setError(null);
      setFieldErrors({});
      const res = await paySandboxOrderAction(options.key, options.order_id, choices.input);
      if (!res.ok) {
        setFieldErrors(res.fieldErrors ?? {});
        return setError(res.error);
      }
      if (!res.data.response) return setError(`Payment failed: ${res.data.errorDescription ?? "declined"}. No money was taken; try again.`);
      setDone(true);
      options.handler(res.data.response);
    });
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={() => options.modal.ondismiss()}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 text-left shadow-popover backdrop:bg-slate-900/40"
    >
      <div role="note" className="rounded-t-xl border-b-2 border-dashed border-warning-500 bg-warning-50 px-5 py-3 text-sm text-warning-900">
        <p className="font-semibold">Local payment sandbox — no real money moves</p>
        <p className="mt-0.5 text-xs">Stands in for Razorpay Checkout in demos and tests, with the same order, signature and webhooks.</p>
      </div>
      <form onSubmit={pay} noValidate className="space-y-4 px-5 py-4">
        <div>
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {options.name}
          </h2>
          <p className="text-sm text-slate-600">{options.description}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatINR(rupees)}</p>
          <p className="text-xs break-all text-slate-500">
            Order {options.order_id}
            {options.prefill.name ? ` · ${options.prefill.name}` : ""}
          </p>
        </div>
        {error && <Alert tone="danger">{error}</Alert>}
        <SandboxPayFields choices={choices} partial={partial} amountField={{ id: amountId, placeholder: "500.00", error: fieldErrors.amount?.[0] }} />
        <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-3">
          <Button variant="secondary" onClick={() => ref.current?.close()} disabled={pending || done}>
            Cancel
          </Button>
          <Button type="submit" loading={pending || done}>
            {choices.outcome === "pay_part" ? "Pay part" : `Pay ${formatINR(rupees)}`}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
