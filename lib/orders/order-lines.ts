import "server-only";
// Turning requested lines into priced order lines: each product must be the company's own and
// active, the quantity in what its unit allows (whole pieces, up to 3 decimals of kg), at least the
// minimum order quantity and whole packs when the product is sold in packs; the price comes from
// THE price resolver (the connection's list, slab by quantity) and GST from lib/tax/line-tax.ts.
// Order totals are the sums of the lines.
//
// Free goods: a line marked freeGoods (staff only) is given under a scheme ("buy 10, get 1
// free"): unit price 0, so no taxable value and no tax — CBIC Circular 92/11/2019-GST treats such
// goods as part of a supply whose one price is what the paid lines charge, not as a separate free
// supply. The minimum order does not apply to it; units and whole packs do (the goods still move).
// An order of free goods alone has no consideration at all (a free sample, not a sale), so at
// least one line is paid. A paid line whose price resolves to 0 or less is refused: a price of 0
// is never how goods become free.
import type { Prisma as P } from "@/lib/generated/prisma/client";
type Tx = P.TransactionClient;
import { AppError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { quantityUnitError } from "@/lib/catalog/units";
import { formatINR, plainQuantity } from "@/lib/format";
import { lineKey } from "@/lib/orders/orders.schemas";
import { breaksWholePacks, wholePackSize } from "@/lib/orders/quantity-rules";
import { resolvePrices, type PriceQuote } from "@/lib/pricing/resolve-price";
import { computeLineTax, sumLineTaxes, type TaxTotals } from "@/lib/tax/line-tax";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** A line's price as it was fixed on the order (kept by edits that do not touch it). */
export type LinePrice = { sku: string; name: string; hsnCode: string; unit: string; unitPrice: Decimal; priceSource: string; taxInclusive: boolean; gstRate: Decimal; cessRate: Decimal };

export const FREE_GOODS_SOURCE = "free_goods";

export type PricedLine = LinePrice & {
  productId: string;
  freeGoods: boolean;
  position: number;
  quantity: Decimal;
  taxableValue: Decimal;
  cgstAmount: Decimal;
  sgstAmount: Decimal;
  igstAmount: Decimal;
  cessAmount: Decimal;
  lineTotal: Decimal;
};

export type PriceLinesArgs = {
  companyId: string;
  connectionId: string;
  intraState: boolean;
  date: Date;
  lines: { productId: string; quantity: string; freeGoods?: boolean }[];
  /** Lines to keep at their order price, by lineKey (edit: the product and quantity did not change). */
  keep?: Map<string, LinePrice & { quantity: Decimal }>;
};

export async function priceOrderLines(tx: Tx, args: PriceLinesArgs): Promise<{ lines: PricedLine[]; totals: TaxTotals }> {
  const wanted = args.lines.map((l, i) => ({ ...l, freeGoods: l.freeGoods === true, key: lineKey(l), index: i, qty: new D(l.quantity) }));
  if (wanted.length && wanted.every((l) => l.freeGoods)) {
    throw new AppError("validation", "Free goods come with goods that are paid for; add the paid line (free samples alone go on a delivery challan)", {
      fieldErrors: { lines: ["Free goods come with at least one paid line"] },
    });
  }
  const fresh = wanted.filter((l) => !args.keep?.get(l.key)?.quantity.eq(l.qty));
  const products = await tx.product.findMany({
    where: { companyId: args.companyId, id: { in: [...new Set(fresh.map((l) => l.productId))] } },
    select: { id: true, sku: true, name: true, hsnCode: true, unit: true, active: true, minOrderQty: true, sellInPacks: true, packSize: true, packUnit: true, gstRate: true, cessRate: true, taxInclusive: true },
  });
  const quote = (items: { productId: string; quantity: string }[]) => resolvePrices(tx, { companyId: args.companyId, connectionId: args.connectionId, date: args.date, items });
  return priceLoadedLines(args, products, quote);
}

/** A product as line pricing reads it. */
export type LineProduct = {
  id: string;
  sku: string;
  name: string;
  hsnCode: string;
  unit: string;
  active: boolean;
  minOrderQty: Decimal;
  sellInPacks: boolean;
  packSize: Decimal | null;
  packUnit: string | null;
  gstRate: Decimal;
  cessRate: Decimal;
  taxInclusive: boolean;
};

/**
 * priceOrderLines on products already loaded (the company's rows among the lines' products) and a
 * price source: the same checks, messages and arithmetic, without the reads (placeOrder loads
 * everything in one statement, lib/orders/place-order-sql.ts).
 */
export async function priceLoadedLines(
  args: Omit<PriceLinesArgs, "companyId" | "connectionId" | "date">,
  products: LineProduct[],
  quote: (items: { productId: string; quantity: string }[]) => Promise<Map<string, PriceQuote>> | Map<string, PriceQuote>,
): Promise<{ lines: PricedLine[]; totals: TaxTotals }> {
  const wanted = args.lines.map((l, i) => ({ ...l, freeGoods: l.freeGoods === true, key: lineKey(l), index: i, qty: new D(l.quantity) }));
  if (wanted.length && wanted.every((l) => l.freeGoods)) {
    throw new AppError("validation", "Free goods come with goods that are paid for; add the paid line (free samples alone go on a delivery challan)", {
      fieldErrors: { lines: ["Free goods come with at least one paid line"] },
    });
  }
  const fresh = wanted.filter((l) => !args.keep?.get(l.key)?.quantity.eq(l.qty));
  const byId = new Map(products.map((p) => [p.id, p]));

  const missing = fresh.filter((l) => !byId.has(l.productId));
  if (missing.length) {
    throw new AppError("not_found", "Product not found", { fieldErrors: Object.fromEntries(missing.map((l) => [`lines.${l.index}.productId`, ["Product not found"]])) });
  }
  const errors: FieldErrors = {};
  for (const l of fresh) {
    const p = byId.get(l.productId)!;
    const unitError = quantityUnitError(l.qty, p.unit);
    if (!p.active) errors[`lines.${l.index}.productId`] = [`${p.name} is no longer sold`];
    else if (unitError) errors[`lines.${l.index}.quantity`] = [unitError];
    else if (!l.freeGoods && l.qty.lt(p.minOrderQty)) errors[`lines.${l.index}.quantity`] = [`Minimum order for ${p.name} is ${plainQuantity(p.minOrderQty.toString())} ${p.unit}`];
    else if (breaksWholePacks(l.qty, p)) {
      errors[`lines.${l.index}.quantity`] = [`${p.name} is sold in whole ${p.packUnit ?? "pack"}s of ${plainQuantity(wholePackSize(p)!.toString())} ${p.unit}`];
    }
  }
  if (Object.keys(errors).length) throw new AppError("validation", `Check the order lines: ${Object.values(errors).map((m) => m[0]).join("; ")}`, { fieldErrors: errors });

  const paid = fresh.filter((l) => !l.freeGoods);
  const quotes = paid.length ? await quote(paid.map((l) => ({ productId: l.productId, quantity: l.quantity }))) : new Map<string, PriceQuote>();
  for (const l of paid) {
    const q = quotes.get(l.productId)!;
    if (!new D(q.unitPrice).gt(0)) {
      const p = byId.get(l.productId)!;
      errors[`lines.${l.index}.productId`] = [`${p.name} has no price for this retailer (${formatINR(q.unitPrice)}); set its price, or mark the line as free goods`];
    }
  }
  if (Object.keys(errors).length) throw new AppError("validation", `Check the order lines: ${Object.values(errors).map((m) => m[0]).join("; ")}`, { fieldErrors: errors });

  const lines: PricedLine[] = wanted.map((l, position) => {
    const kept = args.keep?.get(l.key);
    let price: LinePrice;
    if (kept && kept.quantity.eq(l.qty)) price = kept;
    else {
      const p = byId.get(l.productId)!;
      const item = { sku: p.sku, name: p.name, hsnCode: p.hsnCode, unit: p.unit, cessRate: p.cessRate };
      if (l.freeGoods) price = { ...item, unitPrice: new D(0), priceSource: FREE_GOODS_SOURCE, taxInclusive: p.taxInclusive, gstRate: p.gstRate };
      else {
        const q = quotes.get(l.productId)!;
        price = { ...item, unitPrice: new D(q.unitPrice), priceSource: q.source, taxInclusive: q.taxInclusive, gstRate: new D(q.gstRate) };
      }
    }
    const tax = computeLineTax({ quantity: l.qty, unitPrice: price.unitPrice, taxInclusive: price.taxInclusive, gstRate: price.gstRate, cessRate: price.cessRate, intraState: args.intraState });
    return { ...price, productId: l.productId, freeGoods: l.freeGoods, position, quantity: l.qty, ...tax };
  });
  return { lines, totals: sumLineTaxes(lines) };
}

/** The columns an OrderLine row stores for a priced line. */
export function lineRow(companyId: string, l: PricedLine) {
  return {
    companyId,
    productId: l.productId,
    freeGoods: l.freeGoods,
    position: l.position,
    sku: l.sku,
    name: l.name,
    hsnCode: l.hsnCode,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    priceSource: l.priceSource,
    taxInclusive: l.taxInclusive,
    gstRate: l.gstRate,
    cessRate: l.cessRate,
    taxableValue: l.taxableValue,
    cgstAmount: l.cgstAmount,
    sgstAmount: l.sgstAmount,
    igstAmount: l.igstAmount,
    cessAmount: l.cessAmount,
    lineTotal: l.lineTotal,
  };
}

/** The order's total columns from the line sums. */
export function totalsRow(t: TaxTotals) {
  return { taxableTotal: t.taxable, cgstTotal: t.cgst, sgstTotal: t.sgst, igstTotal: t.igst, cessTotal: t.cess, grandTotal: t.grandTotal };
}

/** Writes the priced lines over the order's current ones: same product → same row (id kept), new → created, gone → deleted. */
export async function replaceOrderLines(tx: Tx, order: { id: string; companyId: string; lines: { id: string; productId: string; freeGoods: boolean }[] }, priced: PricedLine[]) {
  const current = new Map(order.lines.map((l) => [lineKey(l), l.id]));
  const next = new Set(priced.map(lineKey));
  const gone = order.lines.filter((l) => !next.has(lineKey(l))).map((l) => l.id);
  if (gone.length) await tx.orderLine.deleteMany({ where: { orderId: order.id, id: { in: gone } } });
  for (const l of priced) {
    const id = current.get(lineKey(l));
    if (id) await tx.orderLine.update({ where: { id, orderId: order.id }, data: lineRow(order.companyId, l) });
    else await tx.orderLine.create({ data: { ...lineRow(order.companyId, l), orderId: order.id } });
  }
}

/** A line as it stands on the order, to keep its price when an edit leaves it alone (by lineKey). */
export function keptPrices(lines: (LinePrice & { productId: string; freeGoods: boolean; quantity: Decimal })[]) {
  return new Map(lines.map((l) => [lineKey(l), { sku: l.sku, name: l.name, hsnCode: l.hsnCode, unit: l.unit, unitPrice: l.unitPrice, priceSource: l.priceSource, taxInclusive: l.taxInclusive, gstRate: l.gstRate, cessRate: l.cessRate, quantity: l.quantity }]));
}
