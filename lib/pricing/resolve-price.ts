import "server-only";
// THE price resolver: what a retailer pays for a product, on a day, for a quantity. Orders, the
// portal catalog and quotes all call this; no other code picks a price.
//
// Rule: the day is the calendar day in Asia/Kolkata. A price-list item applies when
// validFrom <= day <= validTo (null = open) and minQty <= quantity; among the applicable items of a
// list the highest minQty wins (ties: latest validFrom, then the newest row). Look in the
// connection's own list (if set and active), then the company's default list (if active), else the
// product's base price. Four queries, whatever the number of items.
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";

type Db = PrismaClient | Prisma.TransactionClient;
type Decimal = Prisma.Decimal;

export type PriceSource = "retailer_list" | "default_list" | "base_price";

export type PriceQuote = {
  productId: string;
  quantity: string;
  unitPrice: string;
  source: PriceSource;
  priceListId: string | null;
  priceListName: string | null;
  /** minQty of the item row used (null for the base price). */
  slabMinQty: string | null;
  /** The nearest cheaper slab above this quantity, for "10+ at ₹X". */
  nextSlab: { minQty: string; unitPrice: string } | null;
  taxInclusive: boolean;
  gstRate: string;
  mrp: string | null;
};

export type ResolvePricesArgs = {
  companyId: string;
  connectionId?: string | null;
  date: Date;
  items: { productId: string; quantity: string | number }[];
};

export async function resolvePrices(db: Db, args: ResolvePricesArgs): Promise<Map<string, PriceQuote>> {
  if (!(args.date instanceof Date) || Number.isNaN(args.date.getTime())) throw new AppError("validation", "Price date is not a valid date", { fieldErrors: { date: ["Not a valid date"] } });
  const wanted = wantedQuantities(args.items);
  if (wanted.size === 0) return new Map();

  const { companyId } = args;
  const productIds = [...wanted.keys()];
  const day = dayToDbDate(istDay(args.date));
  const connectionId = args.connectionId ?? null;
  // One after another: inside an order's transaction the three share one connection.
  const products = await db.product.findMany({ where: { companyId, id: { in: productIds } }, select: { id: true, basePrice: true, taxInclusive: true, gstRate: true, mrp: true } });
  const connection = connectionId ? await db.connection.findFirst({ where: { id: connectionId, companyId }, select: { priceListId: true } }) : null;
  const lists = await db.priceList.findMany({
    where: { companyId, active: true, OR: [{ isDefault: true }, ...(connectionId ? [{ connections: { some: { id: connectionId, companyId } } }] : [])] },
    select: { id: true, name: true, isDefault: true },
  });
  if (products.length !== productIds.length) throw notFound("Product");
  if (connectionId && !connection) throw notFound("Retailer connection");

  const listIds = lists.filter((l) => l.isDefault || l.id === connection?.priceListId).map((l) => l.id);
  const rows = listIds.length
    ? await db.priceListItem.findMany({
        where: {
          companyId,
          priceListId: { in: listIds },
          productId: { in: productIds },
          AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
        },
        select: { id: true, priceListId: true, productId: true, minQty: true, price: true, validFrom: true, createdAt: true },
      })
    : [];
  return quotePrices(wanted, { products, connectionPriceListId: connection?.priceListId ?? null, lists, rows });
}

/** What the price rule reads, loaded by resolvePrices (or by one SQL statement, lib/orders/place-order-sql.ts). */
export type PriceData = {
  products: { id: string; basePrice: Decimal; taxInclusive: boolean; gstRate: Decimal; mrp: Decimal | null }[];
  connectionPriceListId: string | null;
  /** The company's active lists that may apply: the default one(s) and the connection's own. */
  lists: { id: string; name: string; isDefault: boolean }[];
  /** Items of those lists for the products, already filtered to the day. */
  rows: ItemRow[];
};

/** Product id → quantity (a product twice must have one quantity), as resolvePrices validates them. */
export function wantedQuantities(items: { productId: string; quantity: string | number }[]): Map<string, Decimal> {
  const wanted = new Map<string, Decimal>();
  items.forEach((item, i) => {
    const qty = parseQuantity(item.quantity, `items.${i}.quantity`);
    const seen = wanted.get(item.productId);
    if (seen && !seen.eq(qty)) throw new AppError("validation", "A product appears twice with different quantities", { fieldErrors: { [`items.${i}.productId`]: ["This product is already in the list"] } });
    wanted.set(item.productId, qty);
  });
  return wanted;
}

/** The rule itself on loaded data (no database): the connection's list, then the default list, then the base price. */
export function quotePrices(wanted: Map<string, Decimal>, data: PriceData): Map<string, PriceQuote> {
  const result = new Map<string, PriceQuote>();
  const { products, lists, rows } = data;
  // Candidate lists in the order they are tried.
  const retailerList = data.connectionPriceListId ? lists.find((l) => l.id === data.connectionPriceListId) : undefined;
  const defaultList = lists.find((l) => l.isDefault && l.id !== retailerList?.id);
  const order = [...(retailerList ? [{ list: retailerList, source: "retailer_list" as const }] : []), ...(defaultList ? [{ list: defaultList, source: "default_list" as const }] : [])];
  const used = new Set(order.map((o) => o.list.id));

  const rowsByProduct = new Map<string, ItemRow[]>();
  for (const r of rows) if (used.has(r.priceListId)) (rowsByProduct.get(r.productId) ?? rowsByProduct.set(r.productId, []).get(r.productId)!).push(r);

  for (const p of products) {
    const qty = wanted.get(p.id);
    if (!qty) continue;
    const candidates = rowsByProduct.get(p.id) ?? [];
    const at = (q: Decimal) => pick(order, candidates, q, p.basePrice);
    const chosen = at(qty);
    // The next cheaper price above this quantity is what resolving at that slab's minQty gives.
    const thresholds = [...new Set(candidates.filter((r) => r.minQty.gt(qty)).map((r) => r.minQty.toString()))].map((s) => new Prisma.Decimal(s)).sort((a, b) => a.comparedTo(b));
    let nextSlab: PriceQuote["nextSlab"] = null;
    for (const m of thresholds) {
      const there = at(m);
      if (there.price.lt(chosen.price)) {
        nextSlab = { minQty: m.toString(), unitPrice: there.price.toFixed(2) };
        break;
      }
    }
    result.set(p.id, {
      productId: p.id,
      quantity: qty.toString(),
      unitPrice: chosen.price.toFixed(2),
      source: chosen.source,
      priceListId: chosen.list?.id ?? null,
      priceListName: chosen.list?.name ?? null,
      slabMinQty: chosen.minQty?.toString() ?? null,
      nextSlab,
      taxInclusive: p.taxInclusive,
      gstRate: p.gstRate.toString(),
      mrp: p.mrp?.toFixed(2) ?? null,
    });
  }
  return result;
}

export async function resolvePrice(db: Db, args: { companyId: string; connectionId?: string | null; productId: string; quantity: string | number; date: Date }): Promise<PriceQuote> {
  const quotes = await resolvePrices(db, { companyId: args.companyId, connectionId: args.connectionId, date: args.date, items: [{ productId: args.productId, quantity: args.quantity }] });
  return quotes.get(args.productId)!;
}

// ---------------------------------------------------------------------------------------------

export type ItemRow = { id: string; priceListId: string; productId: string; minQty: Decimal; price: Decimal; validFrom: Date | null; createdAt: Date };
type ListRef = { id: string; name: string };

/** The price at quantity `q` from rows already filtered to the day: first list with an applicable row, else base price. */
function pick(order: { list: ListRef; source: PriceSource }[], rows: ItemRow[], q: Decimal, basePrice: Decimal): { price: Decimal; source: PriceSource; list: ListRef | null; minQty: Decimal | null } {
  for (const { list, source } of order) {
    let best: ItemRow | null = null;
    for (const r of rows) {
      if (r.priceListId !== list.id || r.minQty.gt(q)) continue;
      if (!best || beats(r, best)) best = r;
    }
    if (best) return { price: best.price, source, list, minQty: best.minQty };
  }
  return { price: basePrice, source: "base_price", list: null, minQty: null };
}

/** Highest minQty; then the latest validFrom (an open start counts as the earliest); then the newest row. */
function beats(a: ItemRow, b: ItemRow): boolean {
  const byQty = a.minQty.comparedTo(b.minQty);
  if (byQty !== 0) return byQty > 0;
  const af = a.validFrom?.getTime() ?? -Infinity;
  const bf = b.validFrom?.getTime() ?? -Infinity;
  if (af !== bf) return af > bf;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt > b.createdAt;
  return a.id > b.id;
}

function parseQuantity(v: string | number, field: string): Decimal {
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v ?? "").trim().replace(/,/g, "");
  if (!/^\d{1,11}(\.\d{1,3})?$/.test(s)) throw new AppError("validation", "Quantity must be a number with up to 3 decimals", { fieldErrors: { [field]: ["Enter a quantity, e.g. 12 or 2.5 (up to 3 decimals)"] } });
  return new Prisma.Decimal(s);
}
