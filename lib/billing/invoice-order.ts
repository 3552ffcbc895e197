import "server-only";
// The tax invoice of a packed (or dispatched, delivered, partly returned) order: all that is left to
// invoice, or the quantities named per line (partial invoicing; the rest can follow on another
// invoice). Prices and tax-inclusiveness come from the order lines. The GST rate is resolved on
// the invoice date: dated rate data wins over the rate the order was priced at, because the tax
// point of goods is the invoice (CGST Act s. 12, 31) — when a rate changed between order and
// invoice, the invoice charges the new one and its total differs from the order's.
import { assertCan } from "@/lib/auth/permissions";
import { quantityUnitError } from "@/lib/catalog/units";
import { invoiceOrderInput, type InvoiceOrderInput } from "@/lib/billing/billing.schemas";
import { buildDocument, freezeParties, type BuiltDocument, type DocumentLineInput } from "@/lib/billing/build-document";
import { loadInvoiceView, type InvoiceView } from "@/lib/billing/invoice-views";
import { readDirectInvoiceInputs } from "@/lib/billing/direct-invoice-inputs";
import { documentDate, writeDocument } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { runnerFor, type SqlRunner } from "@/lib/db/sql-runner";
import { sqlTransaction } from "@/lib/db/sql-tx";
import { Prisma, type Order, type OrderLine } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { orderWithLinesOrThrow } from "@/lib/orders/order-access";
import { recordOrderEventIn } from "@/lib/orders/record-order-event";
import { parseInput } from "@/lib/validation";
import { settleInvoicedTotal } from "@/lib/orders/invoiced-total";
import type { TaxRateRow } from "@/lib/tax/resolve-rate";

const D = Prisma.Decimal;

/**
 * Orders that can be invoiced: from packed on, since the tax invoice is issued at or before the
 * removal of goods (CGST Act s. 31) and a taxable supply is dispatched only once invoiced.
 */
export const INVOICEABLE_STATUSES: readonly OrderStatus[] = ["PACKED", "DISPATCHED", "DELIVERED", "RETURNED"];

/** What is left to invoice on an order line: ordered − invoiced − returned. */
export function remainingToInvoice(l: Pick<OrderLine, "quantity" | "invoicedQty" | "returnedQty">): Prisma.Decimal {
  return D.max(l.quantity.minus(l.invoicedQty).minus(l.returnedQty), 0);
}

export async function invoiceOrder(ctx: Ctx, orderId: string, input: InvoiceOrderInput | unknown = {}): Promise<InvoiceView> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(invoiceOrderInput, input ?? {});
  const issueDate = documentDate(ctx, data.issueDate);

  // Read and priced before the transaction, with no lock held: the order with its lines in one statement
  // (lib/orders/order-access.ts), then the connection, company, settings and dated GST rates in one
  // statement (lib/billing/direct-invoice-inputs.ts).
  // What may change meanwhile is checked under the locks: the connection is still approved (the write
  // statement), the order still invoiceable, and no line gets more invoiced than is left (the line update).
  const order = await orderWithLinesOrThrow(runnerFor(ctx.db), ctx.actor, String(orderId));
  const inputs = await readDirectInvoiceInputs(ctx.db, { companyId, connectionId: order.connectionId, productIds: [], day: issueDate.toISOString().slice(0, 10), freeTextHsnCodes: [...new Set(order.lines.map((l) => l.hsnCode))] });
  const connection = inputs.connection;
  if (!connection) throw notFound("Order");
  const { picked, built } = priceOrderInvoice({ order, buyerGstin: connection.retailer.gstin, issueDate, wanted: data.lines, taxRates: inputs.taxRates });
  const parties = freezeParties(inputs.company, connection.retailer, connection, orderShipTo(order));

  const id = await sqlTransaction(ctx.db, async (t) => {
    const doc = await writeDocument(ctx, t, {
      companyId,
      connectionId: connection.id,
      retailerId: order.retailerId,
      type: "INVOICE",
      settings: inputs.settings,
      issueDate,
      dueInDays: connection.paymentTermsDays,
      supplierStateCode: order.supplierStateCode,
      placeOfSupply: order.placeOfSupply,
      supplyType: "regular",
      parties,
      built,
      orderId: order.id,
      buyerReference: order.buyerReference,
      notes: data.notes,
      beforeNumber: async (doc) => {
        // Locking rule: the connection first (the write statement took it), then the order.
        const [locked] = await t.run.query<{ status: OrderStatus }>(lockOrderSql, [order.id, companyId]);
        if (!locked) throw notFound("Order");
        assertInvoiceable({ number: order.number, status: locked.status });
        await addInvoicedQuantities(t.run, companyId, picked);
        await settleInvoicedTotal(t.run, companyId, order.id);
        // Written under the provisional number; the numbering statement puts the real one in.
        const event = await recordOrderEventIn(ctx, t, {
          orderId: order.id,
          companyId,
          kind: "invoiced",
          note: `Invoice ${doc.provisionalNumber}`,
          data: { invoiceId: doc.id, number: doc.provisionalNumber, grandTotal: built.totals.grandTotal.toFixed(2), lines: picked.map((p) => ({ orderLineId: p.line.id, quantity: p.quantity.toFixed(3) })) },
        });
        return { orderEventId: event.id };
      },
    });
    return doc.id;
  });
  return loadInvoiceView(ctx.db, ctx.actor, id, ctx.now());
}

const lockOrderSql = `SELECT status::text AS status FROM "Order" WHERE id = $1::text AND "companyId" = $2::text FOR UPDATE`;

/**
 * Adds the picked quantities to their lines' invoiced quantities in one statement. Conditional, so a
 * line's invoiced quantity never passes ordered − returned, whatever happened since the lines were read;
 * a line that has less left than picked refuses the whole invoice, naming it.
 */
async function addInvoicedQuantities(run: SqlRunner, companyId: string, picked: Picked[]) {
  const updated = await run.query<{ id: string }>(addInvoicedSql, [picked.map((p) => p.line.id), picked.map((p) => p.quantity.toFixed(3)), companyId]);
  if (updated.length === picked.length) return;
  const done = new Set(updated.map((r) => r.id));
  const { line } = picked.find((p) => !done.has(p.line.id))!;
  throw new AppError("conflict", `Line ${line.position + 1} (${line.name}) has less left to invoice than that`);
}

const addInvoicedSql = `
UPDATE "OrderLine" l SET "invoicedQty" = l."invoicedQty" + v.quantity
FROM unnest($1::text[], $2::numeric[]) AS v(id, quantity)
WHERE l.id = v.id AND l."companyId" = $3::text AND l."invoicedQty" + v.quantity + l."returnedQty" <= l.quantity
RETURNING l.id`;

function assertInvoiceable(order: Pick<Order, "number" | "status">) {
  if (!INVOICEABLE_STATUSES.includes(order.status)) {
    throw new AppError("invalid_transition", `Order ${order.number} is ${order.status.toLowerCase()}: only packed, dispatched or delivered orders can be invoiced`, { details: { currentState: order.status } });
  }
}

/** The order's delivery address as the invoice's ship-to block. */
export function orderShipTo(order: Pick<Order, "shippingName" | "shippingLine1" | "shippingLine2" | "shippingCity" | "shippingStateCode" | "shippingPincode">) {
  return { name: order.shippingName, address1: order.shippingLine1, address2: order.shippingLine2, city: order.shippingCity, stateCode: order.shippingStateCode, pincode: order.shippingPincode };
}

type Picked = { line: OrderLine; quantity: Prisma.Decimal };

/**
 * The lines to invoice (all that is left, or the quantities asked for) priced and taxed on the
 * invoice date from the dated GST rates given, without the database: invoiceOrder uses it before its
 * transaction, and the preview before issuing (preview-order-invoice.ts) on its own.
 */
export function priceOrderInvoice(args: {
  order: Pick<Order, "number" | "status" | "supplierStateCode" | "placeOfSupply"> & { lines: OrderLine[] };
  buyerGstin: string | null;
  issueDate: Date;
  wanted: { orderLineId: string; quantity: string }[] | undefined;
  taxRates: TaxRateRow[];
}): { picked: Picked[]; built: BuiltDocument } {
  const { order } = args;
  assertInvoiceable(order);
  const picked = pickLines(order.lines, args.wanted);
  if (picked.length === 0) throw new AppError("conflict", `Nothing is left to invoice on order ${order.number}`);
  const lines: DocumentLineInput[] = picked.map(({ line, quantity }) => ({
    productId: line.productId,
    orderLineId: line.id,
    sku: line.sku,
    description: line.name,
    hsnCode: line.hsnCode,
    unit: line.unit,
    quantity,
    unitPrice: line.unitPrice,
    freeGoods: line.freeGoods,
    taxInclusive: line.taxInclusive,
    gstRate: line.gstRate,
    cessRate: line.cessRate,
  }));
  const built = buildDocument({ supplierStateCode: order.supplierStateCode, placeOfSupply: order.placeOfSupply, buyerGstin: args.buyerGstin, issueDate: args.issueDate, taxRates: args.taxRates, lines });
  return { picked, built };
}

function pickLines(orderLines: OrderLine[], wanted: { orderLineId: string; quantity: string }[] | undefined): Picked[] {
  if (!wanted) return orderLines.map((line) => ({ line, quantity: remainingToInvoice(line) })).filter((p) => p.quantity.gt(0));
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  return wanted.map((w, i) => {
    const line = byId.get(w.orderLineId);
    if (!line) throw new AppError("validation", `Invalid input: lines.${i}.orderLineId — not a line of this order`, { fieldErrors: { [`lines.${i}.orderLineId`]: ["Not a line of this order"] } });
    const left = remainingToInvoice(line);
    const quantity = new D(w.quantity);
    const unitError = quantityUnitError(quantity, line.unit);
    if (unitError) throw new AppError("validation", `Invalid input: lines.${i}.quantity — ${unitError}`, { fieldErrors: { [`lines.${i}.quantity`]: [unitError] } });
    if (quantity.gt(left)) {
      const message = left.gt(0) ? `At most ${left.toFixed(3)} left to invoice` : "Nothing left to invoice on this line";
      throw new AppError(left.gt(0) ? "validation" : "conflict", `Invalid input: lines.${i}.quantity — ${message}`, { fieldErrors: { [`lines.${i}.quantity`]: [message] } });
    }
    return { line, quantity };
  });
}
