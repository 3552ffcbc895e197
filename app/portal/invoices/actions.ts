"use server";
// Door for the portal's Pay now: makes (or reuses) a pay link for the whole balance. The rules live
// in lib/billing/gateway/create-pay-link.ts; the receipt comes from the gateway's webhook.
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { runAction } from "@/lib/http/action";

export async function payNowAction(invoiceId: string) {
  return runAction(async (ctx) => {
    const link = await createPayLink(ctx, String(invoiceId), {});
    return { shortUrl: link.shortUrl };
  });
}
