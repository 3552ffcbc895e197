"use server";
// Doors for the vendor invoice screens. Every rule lives in lib/billing.
import { revalidatePath } from "next/cache";
import { emailInvoiceAgain } from "@/lib/billing/email-invoice-again";
import { cancelPayLink } from "@/lib/billing/gateway/cancel-pay-link";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { refundGatewayPayment } from "@/lib/billing/gateway/refund-gateway-payment";
import { sendPayLink } from "@/lib/billing/gateway/send-pay-link";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { previewInvoice } from "@/lib/billing/preview-invoice";
import { runAction, type ActionResult } from "@/lib/http/action";

export async function issueInvoiceAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const res = await runAction(async (ctx) => ({ id: (await issueInvoice(ctx, input)).id }));
  if (res.ok) revalidatePath("/invoices");
  return res;
}

/** Live totals of the new-invoice form (nothing is written). */
export async function previewInvoiceAction(input: unknown) {
  return runAction((ctx) => previewInvoice(ctx, input));
}

export async function invoiceOrderAction(orderId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const res = await runAction(async (ctx) => ({ id: (await invoiceOrder(ctx, orderId, input)).id }));
  if (res.ok) {
    revalidatePath("/invoices");
    revalidatePath(`/orders/${orderId}`);
  }
  return res;
}

export async function issueNoteAction(invoiceId: string, kind: "credit" | "debit", input: unknown): Promise<ActionResult<{ id: string }>> {
  const res = await runAction(async (ctx) => ({ id: (await (kind === "credit" ? issueCreditNote : issueDebitNote)(ctx, invoiceId, input)).id }));
  if (res.ok) revalidatePath(`/invoices/${invoiceId}`);
  return res;
}

/** Mail the document's PDF to the buyer again. */
export async function emailInvoiceAgainAction(invoiceId: string): Promise<ActionResult<{ to: string }>> {
  return runAction(async (ctx) => ({ to: (await emailInvoiceAgain(ctx, invoiceId)).to }));
}

/** A pay link for this invoice (lib/billing/gateway/create-pay-link.ts). */
export async function createPayLinkAction(invoiceId: string, input: unknown) {
  const res = await runAction(async (ctx) => createPayLink(ctx, String(invoiceId), input));
  if (res.ok) revalidatePath(`/invoices/${invoiceId}`);
  return res;
}

export async function cancelPayLinkAction(invoiceId: string, payLinkId: string) {
  const res = await runAction(async (ctx) => cancelPayLink(ctx, String(payLinkId), {}));
  if (res.ok) revalidatePath(`/invoices/${invoiceId}`);
  return res;
}

/** Refund a received gateway payment (lib/billing/gateway/refund-gateway-payment.ts). */
export async function refundGatewayPaymentAction(invoiceId: string, attemptId: string, input: unknown) {
  const res = await runAction(async (ctx) => refundGatewayPayment(ctx, String(attemptId), input));
  if (res.ok) revalidatePath(`/invoices/${invoiceId}`);
  return res;
}

/** E-mail and text a pay link to the retailer (lib/billing/gateway/send-pay-link.ts): once per link per day. */
export async function sendPayLinkAction(payLinkId: string, path: string) {
  const res = await runAction(async (ctx) => sendPayLink(ctx, String(payLinkId), {}));
  if (res.ok && typeof path === "string" && path.startsWith("/")) revalidatePath(path);
  return res;
}
