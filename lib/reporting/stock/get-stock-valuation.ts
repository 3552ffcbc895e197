import "server-only";
// Stock on hand and its value at cost (GET /api/v1/reports/stock/valuation, /reports/stock):
// today's on-hand quantity of every shelf × the product's cost price, grouped by warehouse,
// category or product, with the totals. Shelves whose product has no cost price are counted as
// not valued. Every shelf level equals the sum of its ledger rows, so each figure drills down to
// the ledger (figure=on_hand). reports.read + inventory.read; every query names the company.
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { money2, plainQty, shelfFilterSql } from "./stock-sql";
import { stockValuationReportInput, type StockFilterValues, type ValuationGrouping } from "./stock.schemas";

export type ValuationRow = {
  key: string;
  name: string;
  code: string | null;
  /** Shelves (product × warehouse) with stock. */
  shelves: number;
  products: number;
  /** Only for product rows: one unit, so the quantity adds up. */
  unit: string | null;
  quantity: string | null;
  costPrice: string | null;
  value: string;
  /** Products in the row with stock but no cost price (their stock is not in `value`). */
  unvalued: number;
};
export type StockValuation = { groupBy: ValuationGrouping; filters: StockFilterValues; rows: ValuationRow[]; truncated: boolean; totals: { shelves: number; products: number; value: string; unvalued: number } };

type Row = { key: string; name: string | null; code: string | null; shelves: number; products: number; unit: string | null; quantity: Prisma.Decimal | null; costPrice: Prisma.Decimal | null; value: Prisma.Decimal | null; unvalued: number; total: number };

export async function getStockValuation(ctx: Ctx, input: unknown): Promise<StockValuation> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "stock");
  const q = parseInput(stockValuationReportInput, input);
  const companyId = ctx.actor.companyId;
  const filters = pickStockFilters(q);
  const shelves = Prisma.sql`
    SELECT s."warehouseId", s."productId", s."onHand", p."categoryId", p.unit, p."costPrice", p.name, p.sku
    FROM "StockLevel" s JOIN "Product" p ON p.id = s."productId" AND p."companyId" = ${companyId}
    WHERE s."companyId" = ${companyId} AND s."onHand" <> 0 ${shelfFilterSql(filters, Prisma.sql`s."warehouseId"`)}`;
  const grouped = {
    warehouse: Prisma.sql`
      SELECT g."warehouseId" AS key, w.name, w.code, NULL::text AS unit, NULL::numeric AS quantity, NULL::numeric AS "costPrice", g.shelves, g.products, g.value, g.unvalued
      FROM (SELECT "warehouseId", count(*)::int AS shelves, count(DISTINCT "productId")::int AS products, sum("onHand" * "costPrice") AS value, count(DISTINCT "productId") FILTER (WHERE "costPrice" IS NULL)::int AS unvalued FROM sh GROUP BY 1) g
      JOIN "Warehouse" w ON w.id = g."warehouseId" AND w."companyId" = ${companyId}`,
    category: Prisma.sql`
      SELECT g.key, c.name, pc.name AS code, NULL::text AS unit, NULL::numeric AS quantity, NULL::numeric AS "costPrice", g.shelves, g.products, g.value, g.unvalued
      FROM (SELECT coalesce("categoryId", 'none') AS key, count(*)::int AS shelves, count(DISTINCT "productId")::int AS products, sum("onHand" * "costPrice") AS value, count(DISTINCT "productId") FILTER (WHERE "costPrice" IS NULL)::int AS unvalued FROM sh GROUP BY 1) g
      LEFT JOIN "Category" c ON c.id = g.key AND c."companyId" = ${companyId}
      LEFT JOIN "Category" pc ON pc.id = c."parentId" AND pc."companyId" = ${companyId}`,
    product: Prisma.sql`
      SELECT "productId" AS key, min(name) AS name, min(sku) AS code, min(unit) AS unit, sum("onHand") AS quantity, min("costPrice") AS "costPrice", count(*)::int AS shelves, 1 AS products,
             sum("onHand" * "costPrice") AS value, (CASE WHEN min("costPrice") IS NULL THEN 1 ELSE 0 END)::int AS unvalued
      FROM sh GROUP BY "productId"`,
  }[q.groupBy];
  const [rows, [totals]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`
      WITH sh AS (${shelves}), g AS (${grouped})
      SELECT g.*, count(*) OVER ()::int AS total FROM g
      ORDER BY g.value DESC NULLS LAST, g.name, g.key
      LIMIT ${q.limit}`,
    ctx.db.$queryRaw<{ shelves: number; products: number; value: Prisma.Decimal | null; unvalued: number }[]>`
      WITH sh AS (${shelves})
      SELECT count(*)::int AS shelves, count(DISTINCT "productId")::int AS products, sum("onHand" * "costPrice") AS value, count(DISTINCT "productId") FILTER (WHERE "costPrice" IS NULL)::int AS unvalued FROM sh`,
  ]);
  return {
    groupBy: q.groupBy,
    filters,
    truncated: (rows[0]?.total ?? 0) > rows.length,
    rows: rows.map((r) => ({
      key: r.key,
      name: r.name ?? (q.groupBy === "category" && r.key === "none" ? "Uncategorised" : r.key),
      code: r.code,
      shelves: r.shelves,
      products: r.products,
      unit: r.unit,
      quantity: r.quantity === null ? null : plainQty(r.quantity),
      costPrice: money2(r.costPrice),
      value: money2(r.value ?? 0)!,
      unvalued: r.unvalued,
    })),
    totals: { shelves: totals?.shelves ?? 0, products: totals?.products ?? 0, value: money2(totals?.value ?? 0)!, unvalued: totals?.unvalued ?? 0 },
  };
}

export function pickStockFilters(q: StockFilterValues): StockFilterValues {
  const out: StockFilterValues = {};
  for (const k of ["warehouseId", "categoryId", "productId"] as const) if (q[k] !== undefined) out[k] = q[k];
  return out;
}
