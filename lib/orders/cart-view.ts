import "server-only";
// What every cart function shares: the retailer's connection to the vendor (named by its public
// code), and the priced view of a cart — today's prices from the one resolver, availability as the
// portal catalog shows it, GST per line as the order will charge it, and the problems the order
// would refuse (minimum order, whole packs, inactive products) spelled out per line.
import { plainQuantity } from "@/lib/format";
import type { RetailerActor } from "@/lib/auth/actor";
import { stockStatusOf } from "@/lib/catalog/stock-status";
import { quantityUnitError, unitDecimals } from "@/lib/catalog/units";
import { breaksWholePacks, quantityRule, roundUpTo, wholePackSize } from "@/lib/orders/quantity-rules";
import { defaultShippingAddress } from "@/lib/orders/shipping-address";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertRetailer } from "@/lib/network/guards";
import { quotePrices, resolvePrices, wantedQuantities, type PriceData } from "@/lib/pricing/resolve-price";
import { istDay } from "@/lib/pricing/dates";
import { priceItemsJsonSql, priceListsSql, toPriceRows, type PriceItemJson } from "@/lib/pricing/price-data-sql";
import { revive } from "@/lib/db/revive";
import { runnerFor } from "@/lib/db/sql-runner";
import { CONNECTION_COLUMNS } from "@/lib/orders/credit";
import { computeLineTax, sumLineTaxes } from "@/lib/tax/line-tax";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** Most lines one order (so one cart) may hold; placeOrder refuses more. */
export const MAX_CART_LINES = 200;

export const cartConnectionInclude = {
  company: { select: { id: true, code: true, legalName: true, tradeName: true, stateCode: true, showStockToRetailers: true } },
  priceList: { select: { name: true } },
  retailer: { select: { legalName: true, tradeName: true, addressLine1: true, addressLine2: true, city: true, stateCode: true, pincode: true } },
} satisfies Prisma.ConnectionInclude;

export type CartConnection = Prisma.ConnectionGetPayload<{ include: typeof cartConnectionInclude }>;

/**
 * The acting retailer's connection to the vendor with this code. Without a connection (or with one
 * that is pending or ended) the vendor is `not_found`. A suspended connection still shows its cart
 * and lets the retailer empty it, but anything that orders (`forOrdering`) is a `conflict`.
 */
export async function getCartConnectionOrThrow(ctx: Ctx, vendorCode: string, opts: { forOrdering: boolean }): Promise<CartConnection & { actor: RetailerActor }> {
  assertRetailer(ctx.actor);
  // One statement: the connection with the company, price list and retailer fields of cartConnectionInclude.
  const [row] = await runnerFor(ctx.db).query<{ connection: Record<string, unknown> & Pick<CartConnection, "company" | "priceList" | "retailer"> }>(cartConnectionSql, [ctx.actor.retailerId, vendorCode.trim().toUpperCase()]);
  if (!row) throw new AppError("not_found", "You are not connected to this vendor");
  const connection: CartConnection = { ...revive<CartConnection>(row.connection, CONNECTION_COLUMNS), company: row.connection.company, priceList: row.connection.priceList, retailer: row.connection.retailer };
  if (opts.forOrdering && connection.status !== "ACTIVE") {
    throw new AppError("conflict", `${vendorName(connection)} has paused orders from you. Contact them to resume ordering.`, { details: { connectionStatus: connection.status } });
  }
  return { ...connection, actor: ctx.actor };
}

/** $1 retailerId, $2 the vendor's code: the connection (active or suspended) as cartConnectionInclude reads it. */
export const cartConnectionSql = `
SELECT to_jsonb(c) || jsonb_build_object(
         'company', jsonb_build_object('id', co.id, 'code', co.code, 'legalName', co."legalName", 'tradeName', co."tradeName", 'stateCode', co."stateCode",
                                       'showStockToRetailers', co."showStockToRetailers"),
         'priceList', (SELECT jsonb_build_object('name', pl.name) FROM "PriceList" pl WHERE pl.id = c."priceListId"),
         'retailer', jsonb_build_object('legalName', r."legalName", 'tradeName', r."tradeName", 'addressLine1', r."addressLine1", 'addressLine2', r."addressLine2",
                                        'city', r.city, 'stateCode', r."stateCode", 'pincode', r.pincode)) AS connection
FROM "Connection" c JOIN "Company" co ON co.id = c."companyId" JOIN "Retailer" r ON r.id = c."retailerId"
WHERE c."retailerId" = $1::text AND co.code = $2::text AND c.status IN ('ACTIVE', 'SUSPENDED')
LIMIT 1`;

/** The retailer's connections it may keep a cart with (active, or suspended: view and empty only). */
export async function listCartConnections(ctx: Ctx): Promise<CartConnection[]> {
  assertRetailer(ctx.actor);
  return ctx.db.connection.findMany({ where: { retailerId: ctx.actor.retailerId, status: { in: ["ACTIVE", "SUSPENDED"] } }, include: cartConnectionInclude });
}

export function vendorName(c: CartConnection) {
  return c.company.tradeName ?? c.company.legalName;
}

export type CartProblem = {
  code: "inactive" | "no_price" | "below_min_order" | "not_whole_units" | "not_whole_packs" | "out_of_stock" | "short_stock";
  message: string;
  /** Blocking problems make the order fail validation; stock problems are checked again when it is placed. */
  blocking: boolean;
};

type ItemRow = { productId: string; quantity: Decimal; updatedAt: Date; product: ProductRow };
type ProductRow = {
  sku: string;
  name: string;
  brand: string | null;
  hsnCode: string;
  unit: string;
  packUnit: string | null;
  packSize: Decimal | null;
  sellInPacks: boolean;
  minOrderQty: Decimal;
  reorderLevel: Decimal;
  gstRate: Decimal;
  cessRate: Decimal;
  mrp: Decimal | null;
  active: boolean;
  stockOnHand: Decimal;
  stockReserved: Decimal;
  images: { id: string }[];
};

export const cartItemInclude = {
  product: {
    select: {
      sku: true,
      name: true,
      brand: true,
      hsnCode: true,
      unit: true,
      packUnit: true,
      packSize: true,
      sellInPacks: true,
      minOrderQty: true,
      reorderLevel: true,
      gstRate: true,
      cessRate: true,
      mrp: true,
      active: true,
      stockOnHand: true,
      stockReserved: true,
      images: { select: { id: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], take: 1 },
    },
  },
} satisfies Prisma.CartItemInclude;

/** A cart as buildCartView reads it: its items with their products, and (when loaded with it) the day's price data. */
export type LoadedCart = { id: string; items: ItemRow[]; updatedAt: Date; prices?: PriceData };

/**
 * Loads the retailer's cart with this vendor (null when it has never had one), with the price lists
 * and items that price it today: one statement (loadCartSql), where the ORM's include and the price
 * resolver took eight.
 */
export async function loadCart(ctx: Ctx, connection: CartConnection): Promise<LoadedCart | null> {
  const [row] = await runnerFor(ctx.db).query<LoadCartRow>(loadCartSql, [connection.retailerId, connection.companyId, connection.priceListId, istDay(ctx.now())]);
  if (!row?.cart) return null;
  const items = row.items.map((i) => {
    const item = revive<ItemRow>(i, { decimals: ["quantity"], dates: ["updatedAt"] });
    return { ...item, product: revive<ProductRow>(i.product, { decimals: PRODUCT_DECIMALS }) };
  });
  return {
    id: row.cart.id,
    items,
    updatedAt: new Date(row.cart.updatedAt),
    prices: {
      products: row.items.map((i) => ({ id: i.productId, basePrice: new D(i.basePrice), taxInclusive: i.product.taxInclusive as boolean, gstRate: new D(String(i.product.gstRate)), mrp: i.product.mrp === null ? null : new D(String(i.product.mrp)) })),
      connectionPriceListId: connection.priceListId,
      lists: row.lists,
      rows: toPriceRows(row.priceItems),
    },
  };
}

const PRODUCT_DECIMALS = ["packSize", "minOrderQty", "reorderLevel", "gstRate", "cessRate", "mrp", "stockOnHand", "stockReserved"];

type LoadCartRow = {
  cart: { id: string; updatedAt: string } | null;
  items: { productId: string; quantity: string; updatedAt: string; basePrice: string; product: Record<string, unknown> }[];
  lists: { id: string; name: string; isDefault: boolean }[];
  priceItems: PriceItemJson[];
};

/**
 *   $1 retailerId  $2 companyId  $3 the connection's price list  $4 the day prices apply
 * The items in the order they were added, each product with its first image; the lists that may
 * price them (the company's default and the connection's own, active) and their items for the day.
 */
export const loadCartSql = `
WITH ct AS MATERIALIZED (SELECT id, "updatedAt" FROM "Cart" WHERE "retailerId" = $1::text AND "companyId" = $2::text),
it AS MATERIALIZED (
  SELECT ci.id, ci."productId", ci.quantity, ci."createdAt", ci."updatedAt", p."basePrice",
         jsonb_build_object('sku', p.sku, 'name', p.name, 'brand', p.brand, 'hsnCode', p."hsnCode", 'unit', p.unit, 'packUnit', p."packUnit",
           'packSize', p."packSize"::text, 'sellInPacks', p."sellInPacks", 'minOrderQty', p."minOrderQty"::text, 'reorderLevel', p."reorderLevel"::text,
           'gstRate', p."gstRate"::text, 'cessRate', p."cessRate"::text, 'mrp', p.mrp::text, 'active', p.active, 'taxInclusive', p."taxInclusive",
           'stockOnHand', p."stockOnHand"::text, 'stockReserved', p."stockReserved"::text,
           'images', coalesce((SELECT jsonb_agg(jsonb_build_object('id', im.id)) FROM (
              SELECT im.id FROM "ProductImage" im WHERE im."productId" = p.id ORDER BY im.position, im."createdAt" LIMIT 1) im), '[]'::jsonb)) AS product
  FROM ct JOIN "CartItem" ci ON ci."cartId" = ct.id JOIN "Product" p ON p.id = ci."productId"
),
pl AS MATERIALIZED (${priceListsSql("$2::text", "$3::text")})
SELECT (SELECT json_build_object('id', ct.id, 'updatedAt', ct."updatedAt") FROM ct) AS cart,
  (SELECT coalesce(json_agg(json_build_object('productId', it."productId", 'quantity', it.quantity::text, 'updatedAt', it."updatedAt", 'basePrice', it."basePrice"::text,
            'product', it.product) ORDER BY it."createdAt", it.id), '[]') FROM it) AS items,
  (SELECT coalesce(json_agg(pl), '[]') FROM pl) AS lists,
  ${priceItemsJsonSql("$2::text", `IN (SELECT "productId" FROM it)`, "$4::date")} AS "priceItems"`;

export type CartView = Awaited<ReturnType<typeof buildCartView>>;
export type CartLineView = CartView["lines"][number];

/** Prices the cart at today's prices (ctx.now()) for this connection and lists what stands in the way of ordering it. */
export async function buildCartView(ctx: Ctx, connection: CartConnection, cart: LoadedCart | null) {
  const items = cart?.items ?? [];
  const wanted = items.map((i) => ({ productId: i.productId, quantity: i.quantity.toFixed(3) }));
  // Price data loaded with the cart (loadCart) is priced here; a cart loaded without it (the list of
  // all carts) asks the resolver, which reads the same rows.
  const quotes = cart?.prices
    ? quotePrices(wantedQuantities(wanted), cart.prices)
    : await resolvePrices(ctx.db, { companyId: connection.companyId, connectionId: connection.id, date: ctx.now(), items: wanted });
  // Until the order says otherwise (a different shipping state), GST follows the connection's place of supply.
  const intraState = connection.company.stateCode === connection.placeOfSupply;
  const showQty = connection.company.showStockToRetailers;
  const code = connection.company.code;

  const lines = items.map((item) => {
    const p = item.product;
    const quote = quotes.get(item.productId)!;
    const tax = computeLineTax({ quantity: item.quantity, unitPrice: quote.unitPrice, taxInclusive: quote.taxInclusive, gstRate: p.gstRate, cessRate: p.cessRate, intraState });
    const available = p.stockOnHand.minus(p.stockReserved);
    const { problems, suggestedQuantity } = problemsOf(item.quantity, p, available, new D(quote.unitPrice));
    return {
      productId: item.productId,
      sku: p.sku,
      name: p.name,
      brand: p.brand,
      hsnCode: p.hsnCode,
      unit: p.unit,
      imageUrl: p.images[0] ? `/api/v1/me/vendors/${code}/catalog/images/${p.images[0].id}` : null,
      quantity: item.quantity.toFixed(3),
      minOrderQty: p.minOrderQty.toFixed(3),
      pack: p.packUnit && p.packSize ? { unit: p.packUnit, size: p.packSize.toFixed(3), wholePacksOnly: p.sellInPacks } : null,
      active: p.active,
      /** Where a quantity stepper starts and how it moves: the minimum order, in whole packs when sold in packs. */
      stepper: stepperOf(p),
      unitPrice: quote.unitPrice,
      priceSource: quote.source,
      taxInclusive: quote.taxInclusive,
      nextSlab: quote.nextSlab,
      mrp: p.mrp?.toFixed(2) ?? null,
      gstRate: p.gstRate.toFixed(2),
      cessRate: p.cessRate.toFixed(2),
      availability: stockStatusOf(available, p.reorderLevel),
      availableQty: showQty ? D.max(available, 0).toFixed(3) : null,
      taxableValue: tax.taxableValue.toFixed(2),
      cgstAmount: tax.cgstAmount.toFixed(2),
      sgstAmount: tax.sgstAmount.toFixed(2),
      igstAmount: tax.igstAmount.toFixed(2),
      cessAmount: tax.cessAmount.toFixed(2),
      taxAmount: tax.cgstAmount.plus(tax.sgstAmount).plus(tax.igstAmount).plus(tax.cessAmount).toFixed(2),
      lineTotal: tax.lineTotal.toFixed(2),
      problems,
      /** The nearest quantity that the order would accept (minimum order, whole packs), when this one is refused. */
      suggestedQuantity,
      _tax: tax,
    };
  });
  const t = sumLineTaxes(lines.map((l) => l._tax));
  const orderable = connection.status === "ACTIVE";
  const blocking = lines.some((l) => l.problems.some((p) => p.blocking));
  return {
    vendor: { id: connection.company.id, code, name: vendorName(connection) },
    connection: { id: connection.id, status: connection.status, orderable, priceListName: connection.priceList?.name ?? null, placeOfSupply: connection.placeOfSupply },
    taxType: intraState ? ("intra" as const) : ("inter" as const),
    showQuantities: showQty,
    defaultShippingAddress: defaultShippingAddress(connection),
    lines: lines.map(({ _tax, ...l }) => l),
    totals: {
      lineCount: lines.length,
      taxable: t.taxable.toFixed(2),
      cgst: t.cgst.toFixed(2),
      sgst: t.sgst.toFixed(2),
      igst: t.igst.toFixed(2),
      cess: t.cess.toFixed(2),
      tax: t.tax.toFixed(2),
      grandTotal: t.grandTotal.toFixed(2),
    },
    hasProblems: lines.some((l) => l.problems.length > 0),
    canCheckout: orderable && lines.length > 0 && !blocking,
    updatedAt: items.length && cart ? cart.updatedAt.toISOString() : null,
  };
}

function stepperOf(p: { minOrderQty: Decimal; packSize: Decimal | null; sellInPacks: boolean }) {
  const { min, step } = quantityRule(p);
  return { min: min.toFixed(3), step: step.toFixed(3) };
}

/** The stepper rule for a catalog card (which has strings, not rows). */
export function stepperFor(minOrderQty: string, pack: { size: string; wholePacksOnly: boolean } | null) {
  return stepperOf({ minOrderQty: new D(minOrderQty), packSize: pack ? new D(pack.size) : null, sellInPacks: pack?.wholePacksOnly ?? false });
}

function problemsOf(qty: Decimal, p: ProductRow, available: Decimal, unitPrice: Decimal): { problems: CartProblem[]; suggestedQuantity: string | null } {
  const problems: CartProblem[] = [];
  if (!p.active) problems.push({ code: "inactive", message: "No longer sold by this vendor. Remove it to place the order.", blocking: true });
  else if (!unitPrice.gt(0)) problems.push({ code: "no_price", message: "The vendor has not priced this product for you yet. Remove it or ask the vendor.", blocking: true });
  const { min } = quantityRule(p);
  let suggested: Decimal | null = null;
  // A cart line from before the unit rule (2.5 pieces): the add and set doors refuse such numbers now.
  const unitError = quantityUnitError(qty, p.unit);
  if (unitError) {
    problems.push({ code: "not_whole_units", message: `${unitError}.`, blocking: true });
    suggested = D.max(qty.toDecimalPlaces(unitDecimals(p.unit), D.ROUND_UP), min);
  }
  if (qty.lt(p.minOrderQty)) {
    problems.push({ code: "below_min_order", message: `Minimum order is ${plainQuantity(p.minOrderQty.toFixed(3))} ${p.unit}.`, blocking: true });
    suggested = min;
  }
  if (breaksWholePacks(qty, p)) {
    const pack = wholePackSize(p)!;
    problems.push({ code: "not_whole_packs", message: `Sold in whole packs only (${p.packUnit ?? "pack"} of ${plainQuantity(pack.toFixed(3))} ${p.unit}).`, blocking: true });
    suggested = D.max(roundUpTo(qty, pack), min);
  }
  if (p.active) {
    if (available.lte(0)) problems.push({ code: "out_of_stock", message: "Out of stock at the moment.", blocking: false });
    else if (qty.gt(available)) problems.push({ code: "short_stock", message: "Less in stock than you want; the order may not go through for the full quantity.", blocking: false });
  }
  return { problems, suggestedQuantity: suggested ? suggested.toFixed(3) : null };
}
