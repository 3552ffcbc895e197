import "server-only";
// Turning requested lines into priced order lines: each product must be the company's own and
// active, the quantity at least the minimum order quantity and whole packs when the product is
// sold in packs; the price comes from THE price resolver (the connection's list, slab by
// quantity) and GST from lib/tax/line-tax.ts. Order totals are the sums of the lines.
import type { Prisma as P } from "@/lib/generated/prisma/client";
type Tx = P.TransactionClient;
import { AppError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { plainQuantity } from "@/lib/format";
import { breaksWholePacks, wholePackSize } from "@/lib/orders/quantity-rules";
import { resolvePrices } from "@/lib/pricing/resolve-price";
import { computeLineTax, sumLineTaxes, type TaxTotals } from "@/lib/tax/line-tax";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** A line's price as it was fixed on the order (kept by edits that do not touch it). */
export type LinePrice = { sku: string; name: string; hsnCode: string; unit: string; unitPrice: Decimal; priceSource: string; taxInclusive: boolean; gstRate: Decimal; cessRate: Decimal };

export type PricedLine = LinePrice & {
  productId: string;
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
  lines: { productId: string; quantity: string }[];
  /** Lines to keep at their order price (edit: the product and quantity did not change). */
  keep?: Map<string, LinePrice & { quantity: Decimal }>;
};

export async function priceOrderLines(tx: Tx, args: PriceLinesArgs): Promise<{ lines: PricedLine[]; totals: TaxTotals }> {
  const wanted = args.lines.map((l, i) => ({ ...l, index: i, qty: new D(l.quantity) }));
  const fresh = wanted.filter((l) => !args.keep?.get(l.productId)?.quantity.eq(l.qty));
  const products = await tx.product.findMany({
    where: { companyId: args.companyId, id: { in: fresh.map((l) => l.productId) } },
    select: { id: true, sku: true, name: true, hsnCode: true, unit: true, active: true, minOrderQty: true, sellInPacks: true, packSize: true, packUnit: true, cessRate: true },
  });
  const byId = new Map(products.map((p) => [p.id, p]));

  const missing = fresh.filter((l) => !byId.has(l.productId));
  if (missing.length) {
    throw new AppError("not_found", "Product not found", { fieldErrors: Object.fromEntries(missing.map((l) => [`lines.${l.index}.productId`, ["Product not found"]])) });
  }
  const errors: FieldErrors = {};
  for (const l of fresh) {
    const p = byId.get(l.productId)!;
    if (!p.active) errors[`lines.${l.index}.productId`] = [`${p.name} is no longer sold`];
    else if (l.qty.lt(p.minOrderQty)) errors[`lines.${l.index}.quantity`] = [`Minimum order for ${p.name} is ${plainQuantity(p.minOrderQty.toString())} ${p.unit}`];
    else if (breaksWholePacks(l.qty, p)) {
      errors[`lines.${l.index}.quantity`] = [`${p.name} is sold in whole ${p.packUnit ?? "pack"}s of ${plainQuantity(wholePackSize(p)!.toString())} ${p.unit}`];
    }
  }
  if (Object.keys(errors).length) throw new AppError("validation", `Check the order lines: ${Object.values(errors).map((m) => m[0]).join("; ")}`, { fieldErrors: errors });

  const quotes = fresh.length ? await resolvePrices(tx, { companyId: args.companyId, connectionId: args.connectionId, date: args.date, items: fresh.map((l) => ({ productId: l.productId, quantity: l.quantity })) }) : new Map();

  const lines: PricedLine[] = wanted.map((l, position) => {
    const kept = args.keep?.get(l.productId);
    let price: LinePrice;
    if (kept && kept.quantity.eq(l.qty)) price = kept;
    else {
      const p = byId.get(l.productId)!;
      const q = quotes.get(l.productId)!;
      price = { sku: p.sku, name: p.name, hsnCode: p.hsnCode, unit: p.unit, unitPrice: new D(q.unitPrice), priceSource: q.source, taxInclusive: q.taxInclusive, gstRate: new D(q.gstRate), cessRate: p.cessRate };
    }
    const tax = computeLineTax({ quantity: l.qty, unitPrice: price.unitPrice, taxInclusive: price.taxInclusive, gstRate: price.gstRate, cessRate: price.cessRate, intraState: args.intraState });
    return { ...price, productId: l.productId, position, quantity: l.qty, ...tax };
  });
  return { lines, totals: sumLineTaxes(lines) };
}

/** The columns an OrderLine row stores for a priced line. */
export function lineRow(companyId: string, l: PricedLine) {
  return {
    companyId,
    productId: l.productId,
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
export async function replaceOrderLines(tx: Tx, order: { id: string; companyId: string; lines: { id: string; productId: string }[] }, priced: PricedLine[]) {
  const current = new Map(order.lines.map((l) => [l.productId, l.id]));
  const next = new Set(priced.map((l) => l.productId));
  const gone = order.lines.filter((l) => !next.has(l.productId)).map((l) => l.id);
  if (gone.length) await tx.orderLine.deleteMany({ where: { orderId: order.id, id: { in: gone } } });
  for (const l of priced) {
    const id = current.get(l.productId);
    if (id) await tx.orderLine.update({ where: { id, orderId: order.id }, data: lineRow(order.companyId, l) });
    else await tx.orderLine.create({ data: { ...lineRow(order.companyId, l), orderId: order.id } });
  }
}

/** A line as it stands on the order, to keep its price when an edit leaves it alone. */
export function keptPrices(lines: (LinePrice & { productId: string; quantity: Decimal })[]) {
  return new Map(lines.map((l) => [l.productId, { sku: l.sku, name: l.name, hsnCode: l.hsnCode, unit: l.unit, unitPrice: l.unitPrice, priceSource: l.priceSource, taxInclusive: l.taxInclusive, gstRate: l.gstRate, cessRate: l.cessRate, quantity: l.quantity }]));
}
