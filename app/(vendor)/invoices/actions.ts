"use server";
// Doors for the vendor invoice screens. Every rule lives in lib/billing.
import { revalidatePath } from "next/cache";
import { emailInvoiceAgain } from "@/lib/billing/email-invoice-again";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { previewInvoice } from "@/lib/billing/preview-invoice";
import { previewNote } from "@/lib/billing/preview-note";
import { previewOrderInvoice } from "@/lib/billing/preview-order-invoice";
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

/** The order's invoice as it will read, before the final click (nothing is written). */
export async function previewOrderInvoiceAction(orderId: string, input: unknown) {
  return runAction((ctx) => previewOrderInvoice(ctx, String(orderId), input));
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

/** The credit or debit note as it will read, before the final click (nothing is written). */
export async function previewNoteAction(invoiceId: string, kind: "credit" | "debit", input: unknown) {
  return runAction((ctx) => previewNote(ctx, String(invoiceId), kind === "debit" ? "DEBIT_NOTE" : "CREDIT_NOTE", input));
}

/** Mail the document's PDF to the buyer again. */
export async function emailInvoiceAgainAction(invoiceId: string): Promise<ActionResult<{ to: string }>> {
  return runAction(async (ctx) => ({ to: (await emailInvoiceAgain(ctx, invoiceId)).to }));
}
