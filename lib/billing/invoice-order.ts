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
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { buildDocument, freezeParties, type BuiltDocument, type DocumentLineInput } from "@/lib/billing/build-document";
import { loadInvoiceView, type InvoiceView } from "@/lib/billing/invoice-views";
import { loadTaxRates } from "@/lib/billing/tax-rates";
import { documentDate, writeDocument } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import type { PrismaClient } from "@/lib/db/client";
import { Prisma, type Order, type OrderLine } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { lockConnection } from "@/lib/orders/credit";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { parseInput } from "@/lib/validation";
import { settleInvoicedTotal } from "@/lib/orders/invoiced-total";

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

  const id = await ctx.db.$transaction(
    async (tx) => {
      const head = await tx.order.findFirst({ where: { id: orderId, companyId }, select: { connectionId: true } });
      if (!head) throw notFound("Order");
      // Locking rule: the connection first, then the order (lib/billing/allocations.ts).
      const connection = await lockConnection(tx, companyId, head.connectionId);
      if (!connection) throw notFound("Order");
      await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} AND "companyId" = ${companyId} FOR UPDATE`;
      const order = await tx.order.findFirstOrThrow({ where: { id: orderId, companyId }, omit: { deliveryPhoto: true }, include: { lines: { orderBy: { position: "asc" } } } });
      const { picked, built } = await priceOrderInvoice(tx, { companyId, order, buyerGstin: connection.retailer.gstin, issueDate, wanted: data.lines });
      const company = await tx.company.findUniqueOrThrow({ where: { id: companyId } });
      const settings = await getBillingSettings(tx, companyId);
      const shipTo = orderShipTo(order);
      const doc = await writeDocument(ctx, tx, {
        companyId,
        connectionId: connection.id,
        retailerId: order.retailerId,
        type: "INVOICE",
        settings,
        issueDate,
        dueInDays: connection.paymentTermsDays,
        supplierStateCode: order.supplierStateCode,
        placeOfSupply: order.placeOfSupply,
        supplyType: "regular",
        parties: freezeParties(company, connection.retailer, connection, shipTo),
        built,
        orderId: order.id,
        buyerReference: order.buyerReference,
        notes: data.notes,
        beforeNumber: async (doc) => {
          for (const { line, quantity } of picked) {
            // Conditional, so the invoiced quantity can never pass ordered − returned whatever happened in between.
            const n = await tx.$executeRaw`UPDATE "OrderLine" SET "invoicedQty" = "invoicedQty" + ${quantity}::numeric
              WHERE id = ${line.id} AND "companyId" = ${companyId} AND "invoicedQty" + ${quantity}::numeric + "returnedQty" <= quantity`;
            if (n !== 1) throw new AppError("conflict", `Line ${line.position} (${line.name}) has less left to invoice than that`);
          }
          await settleInvoicedTotal(tx, companyId, order.id);
          // Written under the provisional number; the numbering statement puts the real one in.
          const event = await recordOrderEvent(ctx, tx, {
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
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
  return loadInvoiceView(ctx.db, ctx.actor, id, ctx.now());
}

/** The order's delivery address as the invoice's ship-to block. */
export function orderShipTo(order: Pick<Order, "shippingName" | "shippingLine1" | "shippingLine2" | "shippingCity" | "shippingStateCode" | "shippingPincode">) {
  return { name: order.shippingName, address1: order.shippingLine1, address2: order.shippingLine2, city: order.shippingCity, stateCode: order.shippingStateCode, pincode: order.shippingPincode };
}

type Picked = { line: OrderLine; quantity: Prisma.Decimal };

/**
 * The lines to invoice (all that is left, or the quantities asked for) priced and taxed on the
 * invoice date, without writing anything: invoiceOrder uses it inside its transaction, and the
 * preview before issuing (preview-order-invoice.ts) on its own.
 */
export async function priceOrderInvoice(
  db: PrismaClient | Prisma.TransactionClient,
  args: { companyId: string; order: Pick<Order, "number" | "status" | "supplierStateCode" | "placeOfSupply"> & { lines: OrderLine[] }; buyerGstin: string | null; issueDate: Date; wanted: { orderLineId: string; quantity: string }[] | undefined },
): Promise<{ picked: Picked[]; built: BuiltDocument }> {
  const { order } = args;
  if (!INVOICEABLE_STATUSES.includes(order.status)) {
    throw new AppError("invalid_transition", `Order ${order.number} is ${order.status.toLowerCase()}: only packed, dispatched or delivered orders can be invoiced`, { details: { currentState: order.status } });
  }
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
  const taxRates = await loadTaxRates(db, args.companyId, lines.map((l) => l.hsnCode));
  const built = buildDocument({ supplierStateCode: order.supplierStateCode, placeOfSupply: order.placeOfSupply, buyerGstin: args.buyerGstin, issueDate: args.issueDate, taxRates, lines });
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
