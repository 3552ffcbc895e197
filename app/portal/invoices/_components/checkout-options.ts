// Razorpay Standard Checkout's options, built once from our checkout order and handed either to
// checkout.js (Razorpay) or to the local sandbox's stand-in. Only the key id goes to the browser.
import type { CheckoutOrderView } from "@/lib/billing/gateway/create-checkout-order";

export type CheckoutResponse = { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string };

export type CheckoutOptions = {
  key: string;
  order_id: string;
  amount: number;
  currency: string;
  name: string;
  description: string;
  prefill: { name?: string; email?: string; contact?: string };
  notes: Record<string, string>;
  handler: (response: CheckoutResponse) => void;
  modal: { ondismiss: () => void };
};

export function checkoutOptions(c: CheckoutOrderView, handler: CheckoutOptions["handler"], ondismiss: () => void): CheckoutOptions {
  return {
    key: c.keyId,
    order_id: c.orderId,
    amount: c.amountPaise,
    currency: c.currency,
    name: c.name,
    description: c.description,
    prefill: { name: c.prefill.name, ...(c.prefill.email ? { email: c.prefill.email } : {}), ...(c.prefill.contact ? { contact: c.prefill.contact } : {}) },
    notes: c.notes,
    handler,
    modal: { ondismiss },
  };
}

const CHECKOUT_JS = "https://checkout.razorpay.com/v1/checkout.js";
type RazorpayCtor = new (o: CheckoutOptions) => { open(): void; on(event: "payment.failed", cb: (r: { error?: { description?: string } }) => void): void };

/** Loads checkout.js once (the page's CSP allows it on the portal's invoice pages) and opens it. */
export async function openRazorpayCheckout(o: CheckoutOptions, onFailed: (reason: string) => void): Promise<void> {
  const w = window as unknown as { Razorpay?: RazorpayCtor };
  if (!w.Razorpay) {
    await new Promise<void>((resolve, reject) => {
      const s = document.createElement("script");
      s.src = CHECKOUT_JS;
      s.async = true;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error("Razorpay Checkout did not load. Check your connection and try again."));
      document.head.appendChild(s);
    });
  }
  const rzp = new w.Razorpay!(o);
  rzp.on("payment.failed", (r) => onFailed(r.error?.description ?? "The payment failed."));
  rzp.open();
}
