import "server-only";
// One invoice, credit note or debit note as the caller may see it: staff with billing.read see
// their company's, a retailer its own business's; anything else is not_found.
import { loadInvoiceView, type InvoiceView } from "@/lib/billing/invoice-views";
import type { Ctx } from "@/lib/ctx";

export async function getInvoiceOrThrow(ctx: Ctx, invoiceId: string): Promise<InvoiceView> {
  return loadInvoiceView(ctx.db, ctx.actor, invoiceId, ctx.now());
}
