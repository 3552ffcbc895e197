import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { listProductsInput, type StockStatus } from "@/lib/catalog/catalog.schemas";
import { categoryWithDescendantsSql, listProductsCountSql, listProductsPageSql, type ListFilter } from "@/lib/catalog/list-products-sql";
import { stockStatusOf } from "@/lib/catalog/stock-status";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

export type ProductListItem = {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  categoryId: string | null;
  categoryName: string | null;
  hsnCode: string;
  gstRate: string;
  unit: string;
  packUnit: string | null;
  packSize: string | null;
  mrp: string | null;
  basePrice: string;
  active: boolean;
  reorderLevel: string;
  available: string;
  stockStatus: StockStatus;
  updatedAt: string;
};

export type ProductPage = {
  items: ProductListItem[];
  /** Exact number of matches; null with a stock filter (see listProductsCountSql), use hasMore. */
  total: number | null;
  hasMore: boolean;
  offset: number;
  pageSize: number;
  page: number;
  pageCount: number | null;
  /** Matches per active flag under the other filters (the Active / Inactive / All tabs); null with a stock filter. */
  counts: { all: number; active: number; inactive: number } | null;
};

/**
 * The catalog list: search (name, SKU, brand, barcode), category (with its sub-categories unless
 * includeSubcategories is false; "none" = uncategorised), active flag, stock status, sort and page.
 * Built to stay fast on 100,000 products: see lib/catalog/list-products-sql.ts.
 */
export async function listProducts(ctx: Ctx, input: unknown): Promise<ProductPage> {
  assertCan(ctx.actor, "catalog.read");
  const q = parseInput(listProductsInput, input);
  const companyId = ctx.actor.companyId;
  const pageSize = q.pageSize ?? 20;
  const offset = q.offset ?? 0;
  let categoryIds: ListFilter["categoryIds"] = null;
  if (q.categoryId === "none") categoryIds = "none";
  else if (q.categoryId && q.includeSubcategories === false) categoryIds = [q.categoryId];
  else if (q.categoryId) categoryIds = (await ctx.db.$queryRaw<{ id: string }[]>(categoryWithDescendantsSql(companyId, q.categoryId))).map((r) => r.id);
  const filter: ListFilter = {
    companyId,
    q: q.q ?? null,
    categoryIds,
    active: q.active ?? "all",
    stock: q.stock ?? null,
    sort: q.sort ?? "name",
    dir: q.dir ?? "asc",
    offset,
    // One row more than a page tells whether there is a next page without counting.
    limit: pageSize + 1,
  };
  const [rows, countRows] = await Promise.all([
    ctx.db.$queryRaw<PageRow[]>(listProductsPageSql(filter)),
    filter.stock ? Promise.resolve(null) : ctx.db.$queryRaw<{ active: bigint; inactive: bigint }[]>(listProductsCountSql(filter)),
  ]);
  const hasMore = rows.length > pageSize;
  const items = rows.slice(0, pageSize).map(toListItem);
  const page = Math.floor(offset / pageSize) + 1;
  if (!countRows) return { items, total: null, hasMore, offset, pageSize, page, pageCount: null, counts: null };
  const active = Number(countRows[0]?.active ?? 0);
  const inactive = Number(countRows[0]?.inactive ?? 0);
  const total = filter.active === "active" ? active : filter.active === "inactive" ? inactive : active + inactive;
  return { items, total, hasMore, offset, pageSize, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), counts: { all: active + inactive, active, inactive } };
}

type PageRow = {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  categoryId: string | null;
  categoryName: string | null;
  hsnCode: string;
  gstRate: Prisma.Decimal;
  unit: string;
  packUnit: string | null;
  packSize: Prisma.Decimal | null;
  mrp: Prisma.Decimal | null;
  basePrice: Prisma.Decimal;
  active: boolean;
  reorderLevel: Prisma.Decimal;
  available: Prisma.Decimal;
  updatedAt: Date;
};

function toListItem(r: PageRow): ProductListItem {
  const available = new Prisma.Decimal(r.available ?? 0);
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    brand: r.brand,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    hsnCode: r.hsnCode,
    gstRate: new Prisma.Decimal(r.gstRate).toString(),
    unit: r.unit,
    packUnit: r.packUnit,
    packSize: r.packSize === null ? null : new Prisma.Decimal(r.packSize).toString(),
    mrp: r.mrp === null ? null : new Prisma.Decimal(r.mrp).toFixed(2),
    basePrice: new Prisma.Decimal(r.basePrice).toFixed(2),
    active: r.active,
    reorderLevel: new Prisma.Decimal(r.reorderLevel).toString(),
    available: available.toString(),
    stockStatus: stockStatusOf(available, r.reorderLevel),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

