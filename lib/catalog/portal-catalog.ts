import "server-only";
// The retailer's view of one vendor's catalog: active products at the retailer's own prices (through
// the one price resolver) with availability as in stock / low / out — exact quantities only when the
// vendor chose to show them. Availability comes from the product row's stock totals (kept by the
// ledger), and search / category rules from the staff product list's SQL.
import { stockStatusOf } from "@/lib/catalog/stock-status";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { containsPattern } from "@/lib/db/like";
import { Prisma } from "@/lib/generated/prisma/client";
import { availableSql, categoryWithDescendantsSql } from "@/lib/catalog/list-products-sql";
import { quotePrices, wantedQuantities, type PriceData } from "@/lib/pricing/resolve-price";
import { priceItemsJsonSql, priceListsSql, toPriceRows, type PriceItemJson } from "@/lib/pricing/price-data-sql";
import { istDay } from "@/lib/pricing/dates";
import { runnerFor } from "@/lib/db/sql-runner";
import { getCartConnectionOrThrow } from "@/lib/orders/cart-view";
import { parseInput } from "@/lib/validation";
import { browseCatalogInput } from "@/lib/catalog/portal-catalog.schemas";


/** The retailer's connection to a vendor it may browse: active, or suspended (browse only). One statement, shared with the cart. */
export async function getBrowsableConnectionOrThrow(ctx: Ctx, vendorCode: string) {
  return getCartConnectionOrThrow(ctx, vendorCode, { forOrdering: false });
}

export async function browseVendorCatalog(ctx: Ctx, input: unknown) {
  const data = parseInput(browseCatalogInput, input);
  const connection = await getBrowsableConnectionOrThrow(ctx, data.vendor);
  const companyId = connection.company.id;
  const pageSize = data.pageSize ?? 24;
  const offset = data.offset ?? 0;

  const where: Prisma.Sql[] = [Prisma.sql`p."companyId" = ${companyId}`, Prisma.sql`p.active`];
  if (data.q) {
    const like = containsPattern(data.q);
    where.push(Prisma.sql`(p.name ILIKE ${like} OR p.sku ILIKE ${like} OR p.brand ILIKE ${like} OR p.barcode = ${data.q})`);
  }
  if (data.categoryId) {
    where.push(Prisma.sql`p."categoryId" IN (${categoryWithDescendantsSql(companyId, data.categoryId)})`);
  }
  if (data.inStockOnly) {
    where.push(Prisma.sql`${availableSql} > 0`);
  }
  const cond = Prisma.join(where, " AND ");
  // The page, the count and the price data of the page's products: one statement, planned for this
  // vendor's catalogue on each call (a plan made once for an average vendor reads a big one's whole catalogue).
  const statement = Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT p.id, p.sku, p.name, p.description, p.brand, p."hsnCode", p."gstRate"::text AS "gstRate", p.unit, p."packUnit", p."packSize"::text AS "packSize",
             p."sellInPacks", p.mrp::text AS mrp, p."minOrderQty"::text AS "minOrderQty", p."reorderLevel"::text AS "reorderLevel",
             ${availableSql}::text AS available, c.name AS "categoryName", p."basePrice"::text AS "basePrice", p."taxInclusive",
             (SELECT i.id FROM "ProductImage" i WHERE i."productId" = p.id ORDER BY i.position, i."createdAt" LIMIT 1) AS "imageId"
      FROM "Product" p LEFT JOIN "Category" c ON c.id = p."categoryId"
      WHERE ${cond}
      ORDER BY p.name, p.id
      LIMIT ${pageSize} OFFSET ${offset}
    ),
    pl AS MATERIALIZED (${Prisma.raw(priceListsSql(":company::text", ":list::text"))})
    SELECT (SELECT coalesce(json_agg(page ORDER BY page.name, page.id), '[]') FROM page) AS rows,
           (SELECT count(*)::int FROM "Product" p WHERE ${cond}) AS total,
           (SELECT coalesce(json_agg(pl), '[]') FROM pl) AS lists,
           ${Prisma.raw(priceItemsJsonSql(":company::text", "IN (SELECT id FROM page)", ":day::date"))} AS "priceItems"`;
  // The filters' values are the statement's own; the company, the connection's list and the day follow them.
  const n = statement.values.length;
  const text = statement.text.replaceAll(":company::", `$${n + 1}::`).replaceAll(":list::", `$${n + 2}::`).replaceAll(":day::", `$${n + 3}::`);
  const [{ rows, total, lists, priceItems }] = await runnerFor(ctx.db, { planEachCall: true }).query<{ rows: ProductRow[]; total: number; lists: PriceData["lists"]; priceItems: PriceItemJson[] }>(text, [
    ...statement.values,
    companyId,
    connection.priceListId,
    istDay(ctx.now()),
  ]);

  const quotes = quotePrices(wantedQuantities(rows.map((r) => ({ productId: r.id, quantity: r.minOrderQty }))), {
    products: rows.map((r) => ({ id: r.id, basePrice: new Prisma.Decimal(r.basePrice), taxInclusive: r.taxInclusive, gstRate: new Prisma.Decimal(r.gstRate), mrp: r.mrp === null ? null : new Prisma.Decimal(r.mrp) })),
    connectionPriceListId: connection.priceListId,
    lists,
    rows: toPriceRows(priceItems),
  });
  const showQty = connection.company.showStockToRetailers;

  return {
    vendor: { id: companyId, code: connection.company.code, name: connection.company.tradeName ?? connection.company.legalName },
    connection: { id: connection.id, status: connection.status, priceListName: connection.priceList?.name ?? null },
    showQuantities: showQty,
    total,
    offset,
    pageSize,
    items: rows.map((r) => {
      const q = quotes.get(r.id);
      const available = r.available;
      return {
        id: r.id,
        sku: r.sku,
        name: r.name,
        description: r.description,
        brand: r.brand,
        categoryName: r.categoryName,
        hsnCode: r.hsnCode,
        gstRate: r.gstRate,
        unit: r.unit,
        pack: r.packUnit && r.packSize ? { unit: r.packUnit, size: r.packSize, wholePacksOnly: r.sellInPacks } : null,
        mrp: r.mrp,
        minOrderQty: r.minOrderQty,
        price: q ? { unitPrice: q.unitPrice, taxInclusive: q.taxInclusive, source: q.source, nextSlab: q.nextSlab } : null,
        availability: stockStatusOf(available, r.reorderLevel),
        availableQty: showQty ? available : null,
        imageUrl: r.imageId ? `/api/v1/me/vendors/${connection.company.code}/catalog/images/${r.imageId}` : null,
      };
    }),
  };
}

/** Categories of the vendor that hold active products, for the portal's filter. */
export async function listVendorCatalogCategories(ctx: Ctx, vendorCode: string) {
  const connection = await getBrowsableConnectionOrThrow(ctx, vendorCode);
  const rows = await ctx.db.$queryRaw<{ id: string; name: string; parentId: string | null; count: number }[]>`
    SELECT c.id, c.name, c."parentId", count(p.id)::int AS count
    FROM "Category" c LEFT JOIN "Product" p ON p."categoryId" = c.id AND p.active
    WHERE c."companyId" = ${connection.company.id}
    GROUP BY c.id ORDER BY c.name`;
  // Roll counts up the tree so a parent shows its sub-categories' products, then keep non-empty ones.
  const byId = new Map(rows.map((r) => [r.id, { ...r, total: r.count }]));
  for (const r of rows) {
    let parent = r.parentId ? byId.get(r.parentId) : undefined;
    const seen = new Set<string>();
    while (parent && !seen.has(parent.id)) {
      seen.add(parent.id);
      parent.total += r.count;
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
  }
  const label = (id: string): string => {
    const c = byId.get(id)!;
    return c.parentId && byId.has(c.parentId) ? `${label(c.parentId)} › ${c.name}` : c.name;
  };
  return [...byId.values()]
    .filter((c) => c.total > 0)
    .map((c) => ({ id: c.id, name: c.name, label: label(c.id), productCount: c.total }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-IN"));
}

/** An image of an active product of a vendor the retailer is connected to. */
export async function getVendorCatalogImage(ctx: Ctx, vendorCode: string, imageId: string) {
  const connection = await getBrowsableConnectionOrThrow(ctx, vendorCode);
  const image = await ctx.db.productImage.findFirst({ where: { id: imageId, companyId: connection.company.id, product: { active: true } }, select: { contentType: true, data: true } });
  if (!image) throw new AppError("not_found", "Image not found");
  return image;
}

type ProductRow = {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  brand: string | null;
  hsnCode: string;
  gstRate: string;
  unit: string;
  packUnit: string | null;
  packSize: string | null;
  sellInPacks: boolean;
  mrp: string | null;
  minOrderQty: string;
  reorderLevel: string;
  available: string;
  categoryName: string | null;
  imageId: string | null;
  basePrice: string;
  taxInclusive: boolean;
};
