import "server-only";
// A tax invoice staff raise directly for a retailer (not from an order): catalog products priced
// from the retailer's price list on the invoice date (or an explicit price), or free-text lines
// with their own HSN, unit and rate. Stock does not move: goods invoiced this way left through
// some other document (or are services).
import { assertCan } from "@/lib/auth/permissions";
import { issueInvoiceInput, type IssueInvoiceInput } from "@/lib/billing/billing.schemas";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { buildDocument, connectionShipTo, freezeParties, type DocumentLineInput } from "@/lib/billing/build-document";
import { loadInvoiceView, type InvoiceView } from "@/lib/billing/invoice-views";
import { loadTaxRates } from "@/lib/billing/tax-rates";
import { documentDate, writeDocument } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { lockConnection, type LockedConnection } from "@/lib/orders/credit";
import { resolvePrices } from "@/lib/pricing/resolve-price";
import type { SupplyType } from "@/lib/tax/invoice-tax";
import { parseInput } from "@/lib/validation";

type ParsedInput = ReturnType<typeof issueInvoiceInput.parse>;

export async function issueInvoice(ctx: Ctx, input: IssueInvoiceInput | unknown): Promise<InvoiceView> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(issueInvoiceInput, input);
  const issueDate = documentDate(ctx, data.issueDate);

  return ctx.db.$transaction(
    async (tx) => {
      const connection = await lockConnection(tx, companyId, data.connectionId);
      if (!connection) throw notFound("Retailer");
      if (connection.status === "PENDING") throw new AppError("conflict", "This retailer's connection is not approved yet", { fieldErrors: { connectionId: ["Not approved yet"] } });
      const company = await tx.company.findUniqueOrThrow({ where: { id: companyId } });
      const settings = await getBillingSettings(tx, companyId);
      const { built, placeOfSupply, supplyType } = await priceDirectInvoice(tx, { companyId, connection, supplierStateCode: company.stateCode, issueDate, data });
      const parties = freezeParties(company, connection.retailer, connection, connectionShipTo(connection, connection.retailer.tradeName ?? connection.retailer.legalName));
      const doc = await writeDocument(ctx, tx, {
        companyId,
        connectionId: connection.id,
        retailerId: connection.retailerId,
        type: "INVOICE",
        settings,
        issueDate,
        dueInDays: connection.paymentTermsDays,
        supplierStateCode: company.stateCode,
        placeOfSupply,
        supplyType,
        parties,
        built,
        buyerReference: data.buyerReference,
        notes: data.notes,
      });
      return loadInvoiceView(tx, ctx.actor, doc.id, ctx.now());
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

/**
 * Prices and taxes the lines of a direct invoice without writing anything: issueInvoice uses it
 * inside its transaction, and the new-invoice form's live preview uses it on its own.
 */
export async function priceDirectInvoice(
  db: PrismaClient | Prisma.TransactionClient,
  args: { companyId: string; connection: Pick<LockedConnection, "id" | "placeOfSupply" | "retailer">; supplierStateCode: string; issueDate: Date; data: ParsedInput },
) {
  const { companyId, connection, data } = args;
  const productIds = [...new Set(data.lines.flatMap((l) => ("productId" in l ? [l.productId] : [])))];
  const products = productIds.length ? await db.product.findMany({ where: { companyId, id: { in: productIds } } }) : [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const needPrice = data.lines.flatMap((l) => ("productId" in l && l.unitPrice === undefined && byId.has(l.productId) ? [{ productId: l.productId, quantity: l.quantity }] : []));
  // One quote per product (a product on two lines is priced at the first line's quantity slab).
  const unique = [...new Map(needPrice.map((i) => [i.productId, i])).values()];
  const quotes = unique.length ? await resolvePrices(db, { companyId, connectionId: connection.id, date: args.issueDate, items: unique }) : new Map();

  const lines: DocumentLineInput[] = data.lines.map((l, i) => {
    if (!("productId" in l)) {
      return { description: l.description, hsnCode: l.hsnCode, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, taxInclusive: l.taxInclusive ?? false, discount: l.discount ?? "0", gstRate: l.gstRate, cessRate: l.cessRate ?? "0" };
    }
    const p = byId.get(l.productId);
    if (!p) throw new AppError("validation", `Invalid input: lines.${i}.productId — product not found`, { fieldErrors: { [`lines.${i}.productId`]: ["Product not found"] } });
    const quote = quotes.get(p.id);
    return {
      productId: p.id,
      sku: p.sku,
      description: p.name,
      hsnCode: p.hsnCode,
      unit: p.unit,
      quantity: l.quantity,
      unitPrice: l.unitPrice ?? quote?.unitPrice ?? p.basePrice,
      taxInclusive: quote?.taxInclusive ?? p.taxInclusive,
      discount: l.discount ?? "0",
      gstRate: p.gstRate,
      cessRate: p.cessRate,
    };
  });
  const placeOfSupply = data.placeOfSupply ?? connection.placeOfSupply;
  const supplyType: SupplyType = data.supplyType ?? "regular";
  const taxRates = await loadTaxRates(db, companyId, lines.map((l) => l.hsnCode));
  const built = buildDocument({ supplierStateCode: args.supplierStateCode, placeOfSupply, buyerGstin: connection.retailer.gstin, supplyType, issueDate: args.issueDate, taxRates, lines });
  return { lines, built, placeOfSupply, supplyType };
}
