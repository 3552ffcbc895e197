import "server-only";
// A tax invoice staff raise directly for a retailer (not from an order): catalog products priced
// from the retailer's price list on the invoice date (or an explicit price), or free-text lines
// with their own HSN, unit and rate. Stock does not move: goods invoiced this way left through
// some other document (or are services).
import { assertCan } from "@/lib/auth/permissions";
import { quantityUnitError } from "@/lib/catalog/units";
import { issueInvoiceInput, type IssueInvoiceInput } from "@/lib/billing/billing.schemas";
import { buildDocument, connectionShipTo, freezeParties, type DocumentLineInput } from "@/lib/billing/build-document";
import { readDirectInvoiceInputs, type DirectInvoiceInputs } from "@/lib/billing/direct-invoice-inputs";
import { loadInvoiceView, type InvoiceView } from "@/lib/billing/invoice-views";
import { documentDate, writeDocument } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql-tx";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import { quotePrices, wantedQuantities, type PriceQuote } from "@/lib/pricing/resolve-price";
import type { SupplyType } from "@/lib/tax/invoice-tax";
import { parseInput } from "@/lib/validation";

type ParsedInput = ReturnType<typeof issueInvoiceInput.parse>;
const D = Prisma.Decimal;

export async function issueInvoice(ctx: Ctx, input: IssueInvoiceInput | unknown): Promise<InvoiceView> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(issueInvoiceInput, input);
  const issueDate = documentDate(ctx, data.issueDate);
  // Read and priced before the transaction, with no lock held (lib/billing/direct-invoice-inputs.ts).
  const inputs = await readDirectInvoiceInputsFor(ctx.db, companyId, issueDate, data);
  const connection = approvedConnection(inputs.connection);
  const { built, placeOfSupply, supplyType } = priceDirectInvoice(inputs, { issueDate, data });
  const parties = freezeParties(inputs.company, connection.retailer, connection, connectionShipTo(connection, connection.retailer.tradeName ?? connection.retailer.legalName));

  // The transaction is writeDocument's: it locks the retailer's connection (and checks it is still
  // approved) in the statement that writes the document, four statements before the commit.
  const id = await sqlTransaction(ctx.db, async (t) => {
    const doc = await writeDocument(ctx, t, {
      companyId,
      connectionId: connection.id,
      retailerId: connection.retailerId,
      type: "INVOICE",
      settings: inputs.settings,
      issueDate,
      dueInDays: connection.paymentTermsDays,
      supplierStateCode: inputs.company.stateCode,
      placeOfSupply,
      supplyType,
      parties,
      built,
      buyerReference: data.buyerReference,
      notes: data.notes,
    });
    // Nothing after writeDocument: its last statement takes the number under the counter's lock.
    return doc.id;
  });
  return loadInvoiceView(ctx.db, ctx.actor, id, ctx.now());
}

/** What a direct invoice (or its preview) reads, for the products and free-text HSN codes on its lines. */
export function readDirectInvoiceInputsFor(db: PrismaClient, companyId: string, issueDate: Date, data: ParsedInput): Promise<DirectInvoiceInputs> {
  const productIds = [...new Set(data.lines.flatMap((l) => ("productId" in l ? [l.productId] : [])))];
  const freeTextHsnCodes = [...new Set(data.lines.flatMap((l) => ("productId" in l ? [] : [l.hsnCode])))];
  return readDirectInvoiceInputs(db, { companyId, connectionId: data.connectionId, productIds, day: issueDate.toISOString().slice(0, 10), freeTextHsnCodes });
}

/** The company's connection, approved (a pending one cannot be invoiced yet). */
export function approvedConnection<C extends { status: string }>(connection: C | null): C {
  if (!connection) throw notFound("Retailer");
  if (connection.status === "PENDING") throw new AppError("conflict", "This retailer's connection is not approved yet", { fieldErrors: { connectionId: ["Not approved yet"] } });
  return connection;
}

/**
 * Prices and taxes the lines of a direct invoice from what readDirectInvoiceInputs read, without the
 * database: issueInvoice uses it before its transaction, and the new-invoice form's live preview on its own.
 */
export function priceDirectInvoice(inputs: DirectInvoiceInputs, args: { issueDate: Date; data: ParsedInput }) {
  const { data } = args;
  const connection = inputs.connection!;
  const byId = new Map(inputs.products.map((p) => [p.id, p]));
  const needPrice = data.lines.flatMap((l) => ("productId" in l && l.unitPrice === undefined && !l.freeGoods && byId.has(l.productId) ? [{ productId: l.productId, quantity: l.quantity }] : []));
  // One quote per product (a product on two lines is priced at the first line's quantity slab).
  const unique = [...new Map(needPrice.map((i) => [i.productId, i])).values()];
  const quotes = unique.length ? quotePrices(wantedQuantities(unique), { ...inputs.prices, products: inputs.products }) : new Map<string, PriceQuote>();

  const lines: DocumentLineInput[] = data.lines.map((l, i) => {
    const freeGoods = l.freeGoods === true;
    if (!("productId" in l)) {
      return { description: l.description, hsnCode: l.hsnCode, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, freeGoods, taxInclusive: l.taxInclusive ?? false, discount: l.discount ?? "0", gstRate: l.gstRate, cessRate: l.cessRate ?? "0" };
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
      unitPrice: freeGoods ? (l.unitPrice ?? "0") : (l.unitPrice ?? quote?.unitPrice ?? p.basePrice),
      freeGoods,
      taxInclusive: quote?.taxInclusive ?? p.taxInclusive,
      discount: l.discount ?? "0",
      gstRate: p.gstRate,
      cessRate: p.cessRate,
    };
  });
  assertLinesPriced(lines, data.lines);
  const placeOfSupply = data.placeOfSupply ?? connection.placeOfSupply;
  const supplyType: SupplyType = data.supplyType ?? "regular";
  const built = buildDocument({ supplierStateCode: inputs.company.stateCode, placeOfSupply, buyerGstin: connection.retailer.gstin, supplyType, issueDate: args.issueDate, taxRates: inputs.taxRates, lines });
  return { lines, built, placeOfSupply, supplyType };
}

/**
 * Every line has a price of more than zero, or is marked free goods with no price and no discount;
 * each quantity fits its unit (the product's, or a free-text line's UQC); and at least one line is
 * paid: goods given with no consideration at all are a free sample, not a supply to invoice
 * (CBIC Circular 92/11/2019-GST) — they travel on a delivery challan.
 */
function assertLinesPriced(lines: DocumentLineInput[], given: ParsedInput["lines"]) {
  const fieldErrors: FieldErrors = {};
  lines.forEach((l, i) => {
    const g = given[i]!;
    const priceField = `lines.${i}.unitPrice`;
    if (l.freeGoods) {
      if (!new D(l.unitPrice).isZero()) fieldErrors[priceField] = ["A free-goods line has no price; leave the price out (or 0)"];
      else if (g.discount !== undefined && !new D(g.discount).isZero()) fieldErrors[`lines.${i}.discount`] = ["A free-goods line has no price to discount"];
    } else if (!new D(l.unitPrice).gt(0)) {
      fieldErrors[priceField] = [g.unitPrice !== undefined ? "Price must be more than zero; mark the line as free goods to give it free" : `${l.description} has no price for this retailer; enter a price, or mark the line as free goods`];
    }
    const unitError = quantityUnitError(l.quantity, l.unit);
    if (unitError) fieldErrors[`lines.${i}.quantity`] = [unitError];
  });
  if (lines.length && lines.every((l) => l.freeGoods)) fieldErrors.lines = ["Free goods come with at least one paid line; free samples alone go on a delivery challan"];
  const fields = Object.keys(fieldErrors);
  if (fields.length) throw new AppError("validation", `Check the invoice lines: ${fields.map((f) => fieldErrors[f]![0]).join("; ")}`, { fieldErrors });
}
