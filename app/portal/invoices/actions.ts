"use server";
// Doors for the portal's Pay now: an invoice is paid through Razorpay Standard Checkout on an order
// (or a Stripe vendor's hosted Checkout Session); the statement's Pay now makes (or reuses) a pay link
// for everything owed to one vendor. The rules live in lib/billing/gateway/; the receipt comes from the
// gateway's webhook.
import { createOutstandingPayLink } from "@/lib/billing/gateway/create-outstanding-pay-link";
import { startInvoicePayment } from "@/lib/billing/gateway/start-invoice-payment";
import { runAction } from "@/lib/http/action";

export async function payNowAction(invoiceId: string) {
  return runAction((ctx) => startInvoicePayment(ctx, String(invoiceId)));
}

/** Pay now on the statement: everything owed to the vendor of this connection. */
export async function payOutstandingNowAction(connectionId: string) {
  return runAction(async (ctx) => {
    const link = await createOutstandingPayLink(ctx, String(connectionId), {});
    return { shortUrl: link.shortUrl };
  });
}
