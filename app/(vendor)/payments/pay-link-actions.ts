"use server";
// Doors for the pay-links panel (an invoice's, and a retailer ledger's whole outstanding): make,
// cancel and send a link, refund a gateway payment. The rules live in lib/billing/gateway; `path`
// is the page to refresh afterwards (only an app path is taken).
import { revalidatePath } from "next/cache";
import { cancelPayLink } from "@/lib/billing/gateway/cancel-pay-link";
import { createOutstandingPayLink } from "@/lib/billing/gateway/create-outstanding-pay-link";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { refundGatewayPayment } from "@/lib/billing/gateway/refund-gateway-payment";
import { sendPayLink } from "@/lib/billing/gateway/send-pay-link";
import { runAction } from "@/lib/http/action";

export type PayLinkTarget = { invoiceId: string; connectionId?: undefined } | { connectionId: string; invoiceId?: undefined };

function refresh(path: unknown) {
  if (typeof path === "string" && /^\/[\w\-/]*$/.test(path)) revalidatePath(path);
}

/** A pay link for one invoice or debit note, or for a retailer's whole outstanding. */
export async function createPayLinkForAction(target: PayLinkTarget, input: unknown, path: string) {
  const res = await runAction(async (ctx) => (target?.invoiceId ? createPayLink(ctx, String(target.invoiceId), input) : createOutstandingPayLink(ctx, String(target?.connectionId), input)));
  if (res.ok) refresh(path);
  return res;
}

export async function cancelPayLinkAction(payLinkId: string, path: string) {
  const res = await runAction(async (ctx) => cancelPayLink(ctx, String(payLinkId), {}));
  if (res.ok) refresh(path);
  return res;
}

/** Refund a received gateway payment (lib/billing/gateway/refund-gateway-payment.ts). */
export async function refundGatewayPaymentAction(attemptId: string, input: unknown, path: string) {
  const res = await runAction(async (ctx) => refundGatewayPayment(ctx, String(attemptId), input));
  if (res.ok) refresh(path);
  return res;
}

/** E-mail and text a pay link to the retailer (lib/billing/gateway/send-pay-link.ts): once per link per day. */
export async function sendPayLinkAction(payLinkId: string, path: string) {
  const res = await runAction(async (ctx) => sendPayLink(ctx, String(payLinkId), {}));
  if (res.ok) refresh(path);
  return res;
}
