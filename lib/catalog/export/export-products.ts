import "server-only";
// All products (or those the products list filters select) as CSV or XLSX, in the import's columns.
import { assertCan } from "@/lib/auth/permissions";
import { writeSheet, type Cell, type ExportFile } from "@/lib/catalog/export/write-sheet";
import { exportProductsInput } from "@/lib/catalog/export/export.schemas";
import { loadCategoryTree } from "@/lib/catalog/import/category-paths";
import { PRODUCT_COLUMNS, PRODUCT_NUMBER_COLUMNS, type ProductColumn } from "@/lib/catalog/import/columns";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { Prisma, type Product } from "@/lib/generated/prisma/client";
import { istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

const PAGE = 5000;

export async function exportProducts(ctx: Ctx, input: unknown): Promise<ExportFile> {
  assertCan(ctx.actor, "catalog.read");
  const f = parseInput(exportProductsInput, input);
  const companyId = ctx.actor.companyId;
  const tree = await loadCategoryTree(ctx.db, companyId);
  const where: Prisma.ProductWhereInput = {
    companyId,
    ...(f.q ? { OR: [{ sku: { contains: f.q, mode: "insensitive" } }, { name: { contains: f.q, mode: "insensitive" } }, { barcode: f.q }] } : {}),
    ...(f.active === "active" ? { active: true } : f.active === "inactive" ? { active: false } : {}),
    ...(f.categoryId ? { categoryId: { in: await categoryAndBelow(ctx.db, companyId, f.categoryId, f.includeSubcategories ?? true) } } : {}),
    ...(f.stock ? { id: { in: await productIdsWithStock(ctx.db, companyId, f.stock) } } : {}),
  };
  const rows: Cell[][] = [];
  let after: string | undefined;
  for (;;) {
    const page: Product[] = await ctx.db.product.findMany({ where: after ? { AND: [where, { sku: { gt: after } }] } : where, orderBy: { sku: "asc" }, take: PAGE });
    for (const p of page) rows.push(productRow(p, tree.pathOf(p.categoryId)));
    if (page.length < PAGE) break;
    after = page[page.length - 1].sku;
  }
  return writeSheet(f.format, { name: "Products", columns: PRODUCT_COLUMNS, rows, numberFormats: PRODUCT_NUMBER_COLUMNS }, `products-${istDay(ctx.now())}`);
}

/** One product in the import's columns; blank for empty values, yes/no for flags. */
export function productRow(p: Product, categoryPath: string): Cell[] {
  const yn = (b: boolean) => (b ? "yes" : "no");
  const d = (v: Prisma.Decimal | null, dp?: number) => (v === null ? null : dp === undefined ? v.toFixed() : v.toFixed(dp));
  const values: Record<ProductColumn, Cell> = {
    sku: p.sku,
    name: p.name,
    description: p.description,
    category: categoryPath || null,
    brand: p.brand,
    hsn_code: p.hsnCode,
    gst_rate: d(p.gstRate),
    cess_rate: d(p.cessRate),
    unit: p.unit,
    pack_unit: p.packUnit,
    pack_size: d(p.packSize),
    sell_in_packs: yn(p.sellInPacks),
    mrp: d(p.mrp, 2),
    base_price: d(p.basePrice, 2),
    cost_price: d(p.costPrice, 2),
    tax_inclusive: yn(p.taxInclusive),
    barcode: p.barcode,
    active: yn(p.active),
    min_order_qty: d(p.minOrderQty),
    reorder_level: d(p.reorderLevel),
    lead_time_days: p.leadTimeDays === null ? null : String(p.leadTimeDays),
  };
  return PRODUCT_COLUMNS.map((c) => values[c]);
}

async function categoryAndBelow(db: PrismaClient, companyId: string, categoryId: string, withChildren: boolean) {
  if (!withChildren) return [categoryId];
  const all = await db.category.findMany({ where: { companyId }, select: { id: true, parentId: true } });
  const ids = new Set([categoryId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of all) if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) grew = !!ids.add(c.id);
  }
  return [...ids];
}

/** Products by stock status: available (on hand − reserved over active warehouses) against the reorder level. */
async function productIdsWithStock(db: PrismaClient, companyId: string, status: "in_stock" | "low" | "out") {
  const cond =
    status === "out" ? Prisma.sql`coalesce(a.available, 0) <= 0` : status === "low" ? Prisma.sql`coalesce(a.available, 0) > 0 AND a.available <= p."reorderLevel"` : Prisma.sql`coalesce(a.available, 0) > p."reorderLevel" AND coalesce(a.available, 0) > 0`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Product" p
    LEFT JOIN (
      SELECT s."productId", sum(s."onHand" - s.reserved) AS available
      FROM "StockLevel" s JOIN "Warehouse" w ON w.id = s."warehouseId" AND w.active
      WHERE s."companyId" = ${companyId} GROUP BY s."productId"
    ) a ON a."productId" = p.id
    WHERE p."companyId" = ${companyId} AND ${cond}`;
  return rows.map((r) => r.id);
}
