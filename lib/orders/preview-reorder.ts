import "server-only";
// One-tap reorder, the look before the tap: the lines of a past order at today's prices, with
// quantities raised to today's minimum order and whole packs, and each line flagged when the
// product is no longer sold, out of stock, short, or its price changed. Availability reads the
// product row's ledger-kept totals (on hand − reserved over all warehouses): one query, no sums.
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { plainQuantity } from "@/lib/format";
import { formatINR } from "@/lib/format";
import { assertCan } from "@/lib/auth/permissions";
import { orderScope } from "@/lib/orders/order-access";
import { acceptableQuantity } from "@/lib/orders/quantity-rules";
import type { ReorderLineStatus, ReorderPreview } from "@/lib/orders/views";
import { resolvePrices } from "@/lib/pricing/resolve-price";
import { computeLineTax, sumLineTaxes, type LineTax } from "@/lib/tax/line-tax";

const D = Prisma.Decimal;

export async function previewReorder(ctx: Ctx, orderId: string): Promise<ReorderPreview> {
  if (ctx.actor.kind === "staff") assertCan(ctx.actor, "orders.read");
  const o = await ctx.db.order.findFirst({
    where: { id: orderId, ...orderScope(ctx.actor) },
    select: {
      id: true,
      number: true,
      companyId: true,
      connectionId: true,
      supplierStateCode: true,
      placeOfSupply: true,
      company: { select: { code: true, showStockToRetailers: true } },
      // Free goods came with that order's scheme; a reorder asks for what was bought.
      lines: {
        where: { freeGoods: false },
        orderBy: { position: "asc" },
        select: { productId: true, sku: true, name: true, unit: true, quantity: true, unitPrice: true, product: { select: { sku: true, name: true, unit: true, active: true, minOrderQty: true, sellInPacks: true, packSize: true, cessRate: true, stockOnHand: true, stockReserved: true } } },
      },
    },
  });
  if (!o) throw notFound("Order");
  const showStock = ctx.actor.kind !== "retailer" || o.company.showStockToRetailers;
  const intraState = o.supplierStateCode === o.placeOfSupply;

  const wanted = o.lines.map((l) => ({ line: l, quantity: acceptableQuantity(l.quantity, l.product) }));
  const sellable = wanted.filter((w) => w.line.product.active);
  const quotes = sellable.length
    ? await resolvePrices(ctx.db, { companyId: o.companyId, connectionId: o.connectionId, date: ctx.now(), items: sellable.map((w) => ({ productId: w.line.productId, quantity: w.quantity.toFixed(3) })) })
    : new Map();

  const taxes: LineTax[] = [];
  const lines = wanted.map(({ line, quantity }) => {
    const p = line.product;
    const available = p.stockOnHand.minus(p.stockReserved);
    const quote = p.active ? quotes.get(line.productId) : undefined;
    const unitPrice = quote ? new D(quote.unitPrice) : null;
    let status: ReorderLineStatus = "ok";
    let message: string | null = null;
    if (!p.active) [status, message] = ["inactive", "No longer sold"];
    else if (available.lte(0)) [status, message] = ["out_of_stock", "Out of stock"];
    else if (available.lt(quantity)) [status, message] = ["insufficient_stock", showStock ? `Only ${plainQuantity(available.toFixed(3))} ${p.unit} available` : "Not enough in stock"];
    else if (unitPrice && !unitPrice.eq(line.unitPrice)) [status, message] = ["price_changed", `Price changed from ${formatINR(line.unitPrice)} to ${formatINR(unitPrice)}`];
    if (!quantity.eq(line.quantity) && (status === "ok" || status === "price_changed")) message = [message, `Quantity ${plainQuantity(quantity.toFixed(3))} (minimum order or whole packs)`].filter(Boolean).join("; ");
    let lineTotal: string | null = null;
    if (quote && unitPrice) {
      const tax = computeLineTax({ quantity, unitPrice, taxInclusive: quote.taxInclusive, gstRate: quote.gstRate, cessRate: p.cessRate, intraState });
      lineTotal = tax.lineTotal.toFixed(2);
      if (status === "ok" || status === "price_changed") taxes.push(tax);
    }
    return {
      productId: line.productId,
      sku: p.sku,
      name: p.name,
      unit: p.unit,
      previousQuantity: line.quantity.toFixed(3),
      quantity: quantity.toFixed(3),
      previousUnitPrice: line.unitPrice.toFixed(2),
      unitPrice: unitPrice?.toFixed(2) ?? null,
      lineTotal,
      status,
      message,
      available: showStock ? D.max(available, 0).toFixed(3) : null,
    };
  });
  const t = sumLineTaxes(taxes);
  return { sourceOrder: { id: o.id, number: o.number }, vendorCode: o.company.code, lines, totals: { taxable: t.taxable.toFixed(2), tax: t.tax.toFixed(2), grandTotal: t.grandTotal.toFixed(2) } };
}
