import "server-only";
// The invoice an order would get now (all that is left, or the quantities named per line), as it
// will read: priced and taxed by priceOrderInvoice, the function invoiceOrder issues with, and laid
// out by toDocumentPreview. Nothing is written and nothing is locked; the order form shows it before
// the final click and again when quantities change.
import { assertCan } from "@/lib/auth/permissions";
import { invoiceOrderInput, type InvoiceOrderInput } from "@/lib/billing/billing.schemas";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { freezeParties } from "@/lib/billing/build-document";
import { toDocumentPreview, type DocumentPreview } from "@/lib/billing/document-preview";
import { orderShipTo, priceOrderInvoice } from "@/lib/billing/invoice-order";
import { loadTaxRates } from "@/lib/billing/tax-rates";
import { documentDate } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export async function previewOrderInvoice(ctx: Ctx, orderId: string, input: InvoiceOrderInput | unknown = {}): Promise<DocumentPreview> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(invoiceOrderInput, input ?? {});
  const issueDate = documentDate(ctx, data.issueDate);
  const order = await ctx.db.order.findFirst({
    where: { id: String(orderId), companyId },
    omit: { deliveryPhoto: true },
    include: { lines: { orderBy: { position: "asc" } }, connection: { include: { retailer: true, company: true } } },
  });
  if (!order) throw notFound("Order");
  const { connection } = order;
  const taxRates = await loadTaxRates(ctx.db, companyId, order.lines.map((l) => l.hsnCode));
  const { built } = priceOrderInvoice({ order, buyerGstin: connection.retailer.gstin, issueDate, wanted: data.lines, taxRates });
  const settings = await getBillingSettings(ctx.db, companyId);
  return toDocumentPreview(ctx.db, {
    companyId,
    type: "INVOICE",
    settings,
    issueDate,
    dueInDays: connection.paymentTermsDays,
    placeOfSupply: order.placeOfSupply,
    supplyType: "regular",
    parties: freezeParties(connection.company, connection.retailer, connection, orderShipTo(order)),
    built,
    order: { id: order.id, number: order.number },
    buyerReference: order.buyerReference,
    notes: data.notes,
    now: ctx.now(),
  });
}
