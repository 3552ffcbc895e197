"use server";
// Doors for the e-invoice panel on the invoice page. Every rule lives in lib/billing.
import { revalidatePath } from "next/cache";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { getEInvoiceJson } from "@/lib/billing/einvoice/get-einvoice-json";
import { getEwayBillJson, getEwayBillNeed } from "@/lib/billing/einvoice/eway-bill";
import { requestEInvoice } from "@/lib/billing/einvoice/request-einvoice";
import { runAction, type ActionResult } from "@/lib/http/action";

function refresh(invoiceId: string) {
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath("/invoices");
}

export async function requestEInvoiceAction(invoiceId: string) {
  const res = await runAction((ctx) => requestEInvoice(ctx, String(invoiceId)));
  if (res.ok) refresh(String(invoiceId));
  return res;
}

/** `creditNote` is set when the IRN is past its 24 hours: the way forward is a credit note. */
export async function cancelInvoiceAction(invoiceId: string, input: unknown): Promise<ActionResult<{ number: string }> & { creditNote?: boolean }> {
  const res = await runAction((ctx) => cancelInvoice(ctx, String(invoiceId), input));
  if (!res.ok) return { ...res, creditNote: res.code === "conflict" && res.error.includes("credit note") };
  refresh(String(invoiceId));
  return { ok: true, data: { number: res.data.number } };
}

export async function getEInvoiceJsonAction(invoiceId: string) {
  return runAction((ctx) => getEInvoiceJson(ctx, String(invoiceId)));
}

export async function getEwayBillJsonAction(invoiceId: string, transport: unknown) {
  return runAction((ctx) => getEwayBillJson(ctx, String(invoiceId), transport));
}

export async function getEwayBillNeedAction(invoiceId: string) {
  return runAction((ctx) => getEwayBillNeed(ctx, String(invoiceId)));
}
