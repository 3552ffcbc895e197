"use server";
// Doors for the portal's Pay now: makes (or reuses) a pay link for an invoice's whole balance, or
// (on the statement) for everything owed to one vendor. The rules live
// in lib/billing/gateway/create-pay-link.ts; the receipt comes from the gateway's webhook.
import { createOutstandingPayLink } from "@/lib/billing/gateway/create-outstanding-pay-link";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { runAction } from "@/lib/http/action";

export async function payNowAction(invoiceId: string) {
  return runAction(async (ctx) => {
    const link = await createPayLink(ctx, String(invoiceId), {});
    return { shortUrl: link.shortUrl };
  });
}

/** Pay now on the statement: everything owed to the vendor of this connection. */
export async function payOutstandingNowAction(connectionId: string) {
  return runAction(async (ctx) => {
    const link = await createOutstandingPayLink(ctx, String(connectionId), {});
    return { shortUrl: link.shortUrl };
  });
}
