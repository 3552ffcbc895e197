"use server";
// Door for the invoices list's bulk bar. The rules live in lib/billing/bulk-invoices.ts (the same
// function POST /api/v1/invoices/bulk calls).
import { revalidatePath } from "next/cache";
import { bulkInvoices } from "@/lib/billing/bulk-invoices";
import { runAction } from "@/lib/http/action";

export async function bulkInvoicesAction(input: unknown) {
  const res = await runAction((ctx) => bulkInvoices(ctx, input));
  if (res.ok && res.data.summary.done > 0) revalidatePath("/invoices", "layout");
  return res;
}
