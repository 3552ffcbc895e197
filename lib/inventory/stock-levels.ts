import "server-only";
// Stock levels as people read them: per product, on hand / reserved / available summed over the
// active warehouses (or one warehouse), with the per-warehouse breakdown and the stock status
// (out when available <= 0, low when available <= reorder level, else in stock).
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsPattern } from "@/lib/db/like";
import { listStockLevelsInput } from "@/lib/inventory/inventory.schemas";
import { money, qty } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

export type StockStatus = "in_stock" | "low" | "out";

type Row = {
  id: string;
  sku: string;
  name: string;
  unit: string;
  active: boolean;
  reorderLevel: string;
  costPrice: string | null;
  onHand: string;
  reserved: string;
  available: string;
  status: StockStatus;
  perWarehouse: { warehouseId: string; code: string; name: string; onHand: string; reserved: string }[] | null;
};

const sortSql = {
  name: Prisma.sql`name`,
  sku: Prisma.sql`sku`,
  onHand: Prisma.sql`"onHand"`,
  available: Prisma.sql`available`,
} as const;

export async function listStockLevels(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(listStockLevelsInput, input);
  const companyId = ctx.actor.companyId;
  const pageSize = q.pageSize ?? 25;
  const base = levelRows(companyId, { q: q.q ?? undefined, warehouseId: q.warehouseId ?? undefined });
  const statusCond = q.status ? Prisma.sql`WHERE status = ${q.status}` : Prisma.empty;
  const dir = q.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = sortSql[q.sort ?? "name"];
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`WITH r AS (${base}) SELECT * FROM r ${statusCond} ORDER BY ${order} ${dir}, id LIMIT ${pageSize} OFFSET ${q.offset ?? 0}`,
    ctx.db.$queryRaw<{ total: number }[]>`WITH r AS (${base}) SELECT count(*)::int AS total FROM r ${statusCond}`,
  ]);
  return {
    items: rows.map((r) => ({
      product: { id: r.id, sku: r.sku, name: r.name, unit: r.unit, active: r.active, reorderLevel: qty(r.reorderLevel)!, costPrice: money(r.costPrice) },
      onHand: qty(r.onHand)!,
      reserved: qty(r.reserved)!,
      available: qty(r.available)!,
      status: r.status,
      value: r.costPrice === null ? null : new Prisma.Decimal(r.onHand).times(r.costPrice).toFixed(2),
      warehouses: (r.perWarehouse ?? []).map((w) => ({ ...w, onHand: qty(w.onHand)!, reserved: qty(w.reserved)!, available: qty(new Prisma.Decimal(w.onHand).minus(w.reserved))! })),
    })),
    total,
    pageSize,
  };
}

/** Totals for the inventory overview: stock value at cost, products in stock, low and out counts. */
export async function inventorySummary(ctx: Ctx, input: { warehouseId?: string } = {}) {
  assertCan(ctx.actor, "inventory.read");
  const companyId = ctx.actor.companyId;
  const base = levelRows(companyId, { warehouseId: input.warehouseId });
  const [[s], company, warehouses] = await Promise.all([
    ctx.db.$queryRaw<{ value: string; inStock: number; low: number; out: number; unvalued: number; products: number }[]>`
      WITH r AS (${base})
      SELECT coalesce(sum("onHand" * "costPrice"), 0)::numeric(18,2)::text AS value,
             count(*) FILTER (WHERE status = 'in_stock')::int AS "inStock",
             count(*) FILTER (WHERE status = 'low' AND active)::int AS low,
             count(*) FILTER (WHERE status = 'out' AND active)::int AS out,
             count(*) FILTER (WHERE "onHand" > 0 AND "costPrice" IS NULL)::int AS unvalued,
             count(*)::int AS products
      FROM r`,
    ctx.db.company.findUniqueOrThrow({ where: { id: companyId }, select: { showStockToRetailers: true } }),
    ctx.db.warehouse.count({ where: { companyId, active: true } }),
  ]);
  return { stockValue: s.value, inStockCount: s.inStock, lowCount: s.low, outCount: s.out, unvaluedCount: s.unvalued, productCount: s.products, activeWarehouses: warehouses, showStockToRetailers: company.showStockToRetailers };
}

/** Products that are active or still hold stock, with their levels summed over the chosen warehouses. */
function levelRows(companyId: string, f: { q?: string; warehouseId?: string }) {
  const wh = f.warehouseId ? Prisma.sql`s."warehouseId" = ${f.warehouseId}` : Prisma.sql`w.active`;
  const search = f.q ? Prisma.sql`AND (p.name ILIKE ${containsPattern(f.q)} OR p.sku ILIKE ${containsPattern(f.q)} OR p.barcode = ${f.q})` : Prisma.empty;
  return Prisma.sql`
    SELECT p.id, p.sku, p.name, p.unit, p.active, p."reorderLevel", p."costPrice",
           coalesce(l."onHand", 0) AS "onHand", coalesce(l.reserved, 0) AS reserved, coalesce(l."onHand" - l.reserved, 0) AS available,
           CASE WHEN coalesce(l."onHand" - l.reserved, 0) <= 0 THEN 'out'
                WHEN coalesce(l."onHand" - l.reserved, 0) <= p."reorderLevel" THEN 'low'
                ELSE 'in_stock' END AS status,
           l."perWarehouse"
    FROM "Product" p
    LEFT JOIN LATERAL (
      SELECT sum(s."onHand") AS "onHand", sum(s.reserved) AS reserved,
             json_agg(json_build_object('warehouseId', w.id, 'code', w.code, 'name', w.name, 'onHand', s."onHand"::text, 'reserved', s.reserved::text) ORDER BY w.code)
               FILTER (WHERE s."onHand" > 0 OR s.reserved > 0) AS "perWarehouse"
      FROM "StockLevel" s JOIN "Warehouse" w ON w.id = s."warehouseId"
      WHERE s."productId" = p.id AND s."companyId" = ${companyId} AND ${wh}
    ) l ON true
    WHERE p."companyId" = ${companyId} AND (p.active OR l."onHand" > 0) ${search}`;
}
