"use client";
// Pay now. On an invoice of a Razorpay vendor it opens Razorpay Standard Checkout on an order (the
// local payment sandbox's stand-in for a sandbox account); checkout's handler posts the signed answer
// to our callback, which only hurries the webhook job, and the invoice page then waits for the
// payment to be recorded. A Stripe vendor's invoice, and the statement (with connectionId: all owed to
// that vendor), go to the gateway's hosted pay page. Whether the browser ever comes back does not
// matter: the gateway's webhook records the payment.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { CheckoutOrderView } from "@/lib/billing/gateway/create-checkout-order";
import { apiFetch } from "@/lib/http/api-fetch";
import { SandboxCheckoutDialog } from "@/app/sandbox-gateway/sandbox-checkout-dialog";
import { payNowAction, payOutstandingNowAction } from "../actions";
import { checkoutOptions, openRazorpayCheckout, type CheckoutOptions, type CheckoutResponse } from "./checkout-options";

export function PayNowButton({ invoiceId, connectionId, label = "Pay now", size = "md" }: ({ invoiceId: string; connectionId?: undefined } | { connectionId: string; invoiceId?: undefined }) & { label?: string; size?: "sm" | "md" }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [sandbox, setSandbox] = useState<{ options: CheckoutOptions; partial: boolean } | null>(null);

  const paid = (c: CheckoutOrderView) => async (r: CheckoutResponse) => {
    setSandbox(null);
    // Same-origin path of the callback; the page after it polls until the webhook job has booked the receipt.
    await apiFetch(new URL(c.callbackUrl).pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(r) }).catch(() => null);
    router.push(`/portal/invoices/${c.invoice.id}?paid=1`);
    router.refresh();
  };

  const open = (c: CheckoutOrderView) => {
    const o = checkoutOptions(c, paid(c), () => setSandbox(null));
    if (c.sandbox) return setSandbox({ options: o, partial: c.acceptPartial });
    openRazorpayCheckout(o, (reason) => setError(reason)).catch((e: Error) => setError(e.message));
  };

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size={size}
        loading={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            if (connectionId) {
              const res = await payOutstandingNowAction(connectionId);
              if (res.ok && res.data.shortUrl) window.location.assign(res.data.shortUrl);
              else setError(res.ok ? "The payment page is not ready; try again." : res.error);
              return;
            }
            const res = await payNowAction(invoiceId!);
            if (!res.ok) return setError(res.error);
            if (res.data.kind === "checkout") return open(res.data.checkout);
            if (res.data.url) window.location.assign(res.data.url);
            else setError("The payment page is not ready; try again.");
          })
        }
      >
        {label}
      </Button>
      {error && (
        <span role="alert" className="max-w-56 text-right text-xs text-danger-700">
          {error}
        </span>
      )}
      {sandbox && <SandboxCheckoutDialog options={sandbox.options} partial={sandbox.partial} />}
    </span>
  );
}
