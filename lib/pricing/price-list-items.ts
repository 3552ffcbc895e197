import "server-only";
// Item prices inside a price list: per product one or more rows (quantity slabs), each valid
// between two days. Two rows of one product with the same minQty may not share a day.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma, type Product } from "@/lib/generated/prisma/client";
import { dayToDbDate, dbDateToDay, describeRange, istDay, rangesOverlap } from "@/lib/pricing/dates";
import { lockPriceLists } from "@/lib/pricing/price-lists";
import { findProductsForPricingInput, listPriceListItemsInput, setItemPricesInput, upsertPriceListItemInput } from "@/lib/pricing/pricing.schemas";
import { toPriceListItemView } from "@/lib/pricing/views";
import { formatINR } from "@/lib/format";
import { parseInput } from "@/lib/validation";

/** Adds one price row to a list, or changes the row `id`. */
export async function upsertPriceListItem(ctx: Ctx, priceListId: string, input: unknown) {
  assertCan(ctx.actor, "catalog.write");
  const data = parseInput(upsertPriceListItemInput, input);
  const companyId = ctx.actor.companyId;
  const today = istDay(ctx.now());
  return ctx.db.$transaction(async (tx) => {
    await lockPriceLists(tx, companyId);
    await findListOrThrow(tx, companyId, priceListId);
    const product = await findProductOrFieldError(tx, companyId, data.productId, "productId");
    assertQuantitiesFitUnits([{ field: "minQty", quantity: data.minQty, unit: product.unit, label: "Minimum quantity" }]);
    const before = data.id ? await tx.priceListItem.findFirst({ where: { id: data.id, companyId, priceListId } }) : null;
    if (data.id && !before) throw notFound("Price");
    const others = await tx.priceListItem.findMany({ where: { companyId, priceListId, productId: data.productId, ...(data.id ? { id: { not: data.id } } : {}) } });
    const clash = others.find((o) => o.minQty.eq(data.minQty) && rangesOverlap({ from: data.validFrom ?? null, to: data.validTo ?? null }, { from: dbDateToDay(o.validFrom), to: dbDateToDay(o.validTo) }));
    if (clash) throw overlapError(clash, { validFrom: [overlapMessage(clash)] });
    const row = { productId: data.productId, minQty: data.minQty, price: data.price, validFrom: data.validFrom ? dayToDbDate(data.validFrom) : null, validTo: data.validTo ? dayToDbDate(data.validTo) : null };
    const after = before
      ? await tx.priceListItem.update({ where: { id: before.id, companyId }, data: row })
      : await tx.priceListItem.create({ data: { companyId, priceListId, ...row } });
    await recordAudit(ctx, tx, {
      action: before ? "price_list_item.update" : "price_list_item.create",
      entityType: "PriceListItem",
      entityId: after.id,
      before: before ? snapshot(before) : undefined,
      after: snapshot(after),
    });
    return toPriceListItemView(after, today);
  });
}

/** Replaces all price rows of one product in a list with `slabs` (an empty list removes the product). */
export async function setItemPrices(ctx: Ctx, priceListId: string, input: unknown) {
  assertCan(ctx.actor, "catalog.write");
  const data = parseInput(setItemPricesInput, input);
  const fieldErrors: Record<string, string[]> = {};
  data.slabs.forEach((s, j) => {
    const i = data.slabs.findIndex((o, k) => k < j && new Prisma.Decimal(o.minQty).eq(s.minQty) && rangesOverlap({ from: o.validFrom ?? null, to: o.validTo ?? null }, { from: s.validFrom ?? null, to: s.validTo ?? null }));
    if (i >= 0) fieldErrors[`slabs.${j}.validFrom`] = [`Overlaps price row ${i + 1} (same minimum quantity, shared dates)`];
  });
  if (Object.keys(fieldErrors).length) throw new AppError("validation", "Two price rows for the same minimum quantity overlap in dates", { fieldErrors });
  const companyId = ctx.actor.companyId;
  const today = istDay(ctx.now());
  return ctx.db.$transaction(async (tx) => {
    await lockPriceLists(tx, companyId);
    await findListOrThrow(tx, companyId, priceListId);
    const product = await findProductOrFieldError(tx, companyId, data.productId, "productId");
    assertQuantitiesFitUnits(data.slabs.map((s, j) => ({ field: `slabs.${j}.minQty`, quantity: s.minQty, unit: product.unit, label: "Minimum quantity" })));
    const before = await tx.priceListItem.findMany({ where: { companyId, priceListId, productId: product.id }, orderBy: [{ minQty: "asc" }, { validFrom: "asc" }] });
    await tx.priceListItem.deleteMany({ where: { companyId, priceListId, productId: product.id } });
    await tx.priceListItem.createMany({
      data: data.slabs.map((s) => ({ companyId, priceListId, productId: product.id, minQty: s.minQty, price: s.price, validFrom: s.validFrom ? dayToDbDate(s.validFrom) : null, validTo: s.validTo ? dayToDbDate(s.validTo) : null })),
    });
    const after = await tx.priceListItem.findMany({ where: { companyId, priceListId, productId: product.id }, orderBy: [{ minQty: "asc" }, { validFrom: "asc" }] });
    await recordAudit(ctx, tx, { action: "price_list.set_prices", entityType: "PriceList", entityId: priceListId, before: { sku: product.sku, slabs: before.map(snapshot) }, after: { sku: product.sku, slabs: after.map(snapshot) } });
    return { product: toPricedProduct(product), slabs: after.map((i) => toPriceListItemView(i, today)) };
  });
}

export async function deletePriceListItem(ctx: Ctx, priceListId: string, itemId: string) {
  assertCan(ctx.actor, "catalog.write");
  const companyId = ctx.actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    await lockPriceLists(tx, companyId);
    const item = await tx.priceListItem.findFirst({ where: { id: itemId, companyId, priceListId } });
    if (!item) throw notFound("Price");
    await tx.priceListItem.delete({ where: { id: item.id, companyId } });
    await recordAudit(ctx, tx, { action: "price_list_item.delete", entityType: "PriceListItem", entityId: item.id, before: snapshot(item) });
  });
}

/** A page of the products priced in a list, each with its rows (slabs) ordered by quantity then date. */
export async function listPriceListItems(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "catalog.read");
  const q = parseInput(listPriceListItemsInput, input);
  const companyId = ctx.actor.companyId;
  await findListOrThrow(ctx.db, companyId, q.priceListId);
  const where: Prisma.ProductWhereInput = {
    companyId,
    priceItems: { some: { priceListId: q.priceListId, companyId } },
    ...(q.q ? { OR: [{ sku: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }, { barcode: q.q }] } : {}),
  };
  const [total, products] = await Promise.all([
    ctx.db.product.count({ where }),
    ctx.db.product.findMany({
      where,
      include: { priceItems: { where: { priceListId: q.priceListId, companyId }, orderBy: [{ minQty: "asc" }, { validFrom: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }] } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: q.offset,
      take: q.pageSize,
    }),
  ]);
  const today = istDay(ctx.now());
  return { items: products.map((p) => ({ product: toPricedProduct(p), slabs: p.priceItems.map((i) => toPriceListItemView(i, today)) })), total };
}

/** Products to pick from when adding a price: search by SKU, name or barcode. */
export async function findProductsForPricing(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "catalog.read");
  const q = parseInput(findProductsForPricingInput, input);
  const rows = await ctx.db.product.findMany({
    where: { companyId: ctx.actor.companyId, ...(q.q ? { OR: [{ sku: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }, { barcode: q.q }] } : {}) },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    take: q.limit,
  });
  return rows.map(toPricedProduct);
}

export type PricedProduct = ReturnType<typeof toPricedProduct>;

export function toPricedProduct(p: Product) {
  return { id: p.id, sku: p.sku, name: p.name, unit: p.unit, basePrice: p.basePrice.toFixed(2), mrp: p.mrp?.toFixed(2) ?? null, gstRate: p.gstRate.toString(), taxInclusive: p.taxInclusive, active: p.active };
}

// ---------------------------------------------------------------------------------------------

type Item = { id: string; minQty: Prisma.Decimal; price: Prisma.Decimal; validFrom: Date | null; validTo: Date | null; productId?: string };

async function findListOrThrow(db: Tx, companyId: string, priceListId: string) {
  const list = await db.priceList.findFirst({ where: { id: priceListId, companyId }, select: { id: true, name: true } });
  if (!list) throw notFound("Price list");
  return list;
}

async function findProductOrFieldError(tx: Tx, companyId: string, productId: string, field: string) {
  const product = await tx.product.findFirst({ where: { id: productId, companyId } });
  if (!product) throw new AppError("validation", "Product not found", { fieldErrors: { [field]: ["Choose one of your products"] } });
  return product;
}

function overlapMessage(o: Item) {
  return `Overlaps the ${formatINR(o.price)} price for ${o.minQty.toString()}+ (${describeRange(dbDateToDay(o.validFrom), dbDateToDay(o.validTo))}). Change its dates or edit that row.`;
}

function overlapError(clash: Item, fieldErrors: Record<string, string[]>) {
  return new AppError("validation", "Another price for this product and minimum quantity covers some of these dates", { fieldErrors, details: { overlapsItemId: clash.id } });
}

function snapshot(i: Item) {
  return { id: i.id, productId: i.productId, minQty: i.minQty.toString(), price: i.price.toFixed(2), validFrom: dbDateToDay(i.validFrom), validTo: dbDateToDay(i.validTo) };
}
