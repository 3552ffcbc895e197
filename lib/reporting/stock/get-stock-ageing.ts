import "server-only";
// Slow movers and stock ageing (GET /api/v1/reports/stock/ageing): every shelf (product ×
// warehouse) with stock today, with the days since its last outward movement (a dispatch or a
// transfer out) — or, when nothing has left since the shelf was last empty, since the stock on it
// first came in — and its value at cost, bucketed by idle days (0–30, 31–60, 61–90, over 90).
// Slowest first. The bucket values add up to the valued stock on hand. reports.read + inventory.read.
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { istDay } from "@/lib/pricing/dates";
import { addDays } from "@/lib/reporting/sales/sales-drill";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { pickStockFilters } from "./get-stock-valuation";
import { istDateSql, money2, periodBounds, plainQty, shelfFilterSql } from "./stock-sql";
import { stockAgeingInput, type StockFilterValues } from "./stock.schemas";

export const ageingBuckets = ["d0_30", "d31_60", "d61_90", "d90_plus"] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];
export const ageingBucketLabels: Record<AgeingBucket, string> = { d0_30: "0–30 days", d31_60: "31–60 days", d61_90: "61–90 days", d90_plus: "Over 90 days" };

export type AgeingShelf = {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: string;
  costPrice: string | null;
  value: string | null;
  /** Day (IST) of the last dispatch or transfer out, if any since the shelf was last empty. */
  lastOutward: string | null;
  /** Day the idle time counts from: the last outward movement, else when the stock came in. */
  idleSince: string;
  idleDays: number;
  bucket: AgeingBucket;
  /** Dispatched and transferred out in the last 30 days (today included). */
  outLast30: string;
};
export type StockAgeing = {
  asOf: string;
  filters: StockFilterValues;
  minDays: number;
  rows: AgeingShelf[];
  truncated: boolean;
  /** Value at cost per bucket, over every shelf with stock (not only the rows shown). */
  buckets: Record<AgeingBucket, { shelves: number; value: string }>;
  totals: { shelves: number; value: string; unvalued: number };
};

type Row = {
  productId: string; sku: string; name: string; unit: string; warehouseId: string; warehouseCode: string; onHand: Prisma.Decimal; costPrice: Prisma.Decimal | null;
  lastOutward: string | null; idleSince: string; idleDays: number; outLast30: Prisma.Decimal | null; total: number;
};

export async function getStockAgeing(ctx: Ctx, input: unknown = {}): Promise<StockAgeing> {
  assertCanSeeReport(ctx.actor, "stock");
  const q = parseInput(stockAgeingInput, input);
  const companyId = ctx.actor.companyId;
  const filters = pickStockFilters(q);
  const today = istDay(ctx.now());
  const last30 = periodBounds(addDays(today, -29), today);
  const filter = shelfFilterSql(filters, Prisma.sql`s."warehouseId"`);
  // The running balance of each shelf finds when it was last empty: stock on it now came in after that.
  const shelves = Prisma.sql`
    WITH sh AS (
      SELECT s."productId", s."warehouseId", s."onHand", p.sku, p.name, p.unit, p."costPrice"
      FROM "StockLevel" s JOIN "Product" p ON p.id = s."productId" AND p."companyId" = ${companyId}
      WHERE s."companyId" = ${companyId} AND s."onHand" > 0 ${filter}
    ),
    run AS (
      SELECT m."productId", m."warehouseId", m.kind, m."onHandDelta", m."createdAt",
             sum(m."onHandDelta") OVER (PARTITION BY m."productId", m."warehouseId" ORDER BY m."createdAt", m.id) AS balance
      FROM "StockMovement" m JOIN sh ON sh."productId" = m."productId" AND sh."warehouseId" = m."warehouseId"
      WHERE m."companyId" = ${companyId} AND m."onHandDelta" <> 0
    ),
    empty AS (SELECT "productId", "warehouseId", max("createdAt") AS at FROM run WHERE balance <= 0 GROUP BY 1, 2),
    life AS (
      SELECT r."productId", r."warehouseId",
             max(r."createdAt") FILTER (WHERE r.kind IN ('DISPATCH', 'TRANSFER_OUT')) AS "lastOut",
             min(r."createdAt") FILTER (WHERE r."onHandDelta" > 0) AS "firstIn",
             -coalesce(sum(r."onHandDelta") FILTER (WHERE r.kind IN ('DISPATCH', 'TRANSFER_OUT') AND r."createdAt" >= ${last30.start} AND r."createdAt" < ${last30.end}), 0) AS "outLast30"
      FROM run r LEFT JOIN empty e ON e."productId" = r."productId" AND e."warehouseId" = r."warehouseId"
      WHERE e.at IS NULL OR r."createdAt" > e.at
      GROUP BY 1, 2
    ),
    aged AS (
      SELECT sh.*, w.code AS "warehouseCode", l."outLast30",
             to_char(${istDateSql(Prisma.sql`l."lastOut"`)}, 'YYYY-MM-DD') AS "lastOutward",
             coalesce(${istDateSql(Prisma.sql`greatest(l."lastOut", l."firstIn")`)}, ${today}::date) AS since
      FROM sh JOIN "Warehouse" w ON w.id = sh."warehouseId" AND w."companyId" = ${companyId}
      LEFT JOIN life l ON l."productId" = sh."productId" AND l."warehouseId" = sh."warehouseId"
    )
    SELECT *, to_char(since, 'YYYY-MM-DD') AS "idleSince", greatest(${today}::date - since, 0) AS "idleDays" FROM aged`;
  const rows = await ctx.db.$queryRaw<Row[]>`
    WITH a AS (${shelves})
    SELECT a.*, count(*) OVER ()::int AS total FROM a
    WHERE a."idleDays" >= ${q.minDays}
    ORDER BY a."idleDays" DESC, a."onHand" * coalesce(a."costPrice", 0) DESC, a.name, a."warehouseCode"
    LIMIT ${q.limit}`;
  // Bucket totals over every shelf with stock (a second, light pass: no minDays, no limit).
  const all = await ctx.db.$queryRaw<{ bucket: AgeingBucket; shelves: number; value: Prisma.Decimal | null; unvalued: number }[]>`
    WITH a AS (${shelves})
    SELECT CASE WHEN "idleDays" <= 30 THEN 'd0_30' WHEN "idleDays" <= 60 THEN 'd31_60' WHEN "idleDays" <= 90 THEN 'd61_90' ELSE 'd90_plus' END AS bucket,
           count(*)::int AS shelves, sum("onHand" * "costPrice") AS value, count(*) FILTER (WHERE "costPrice" IS NULL)::int AS unvalued
    FROM a GROUP BY 1`;
  const buckets = Object.fromEntries(ageingBuckets.map((b) => {
    const r = all.find((x) => x.bucket === b);
    return [b, { shelves: r?.shelves ?? 0, value: money2(r?.value ?? 0)! }];
  })) as StockAgeing["buckets"];
  const totalValue = all.reduce((s, r) => s.plus(r.value ?? 0), new Prisma.Decimal(0));
  return {
    asOf: today,
    filters,
    minDays: q.minDays,
    truncated: (rows[0]?.total ?? 0) > rows.length,
    rows: rows.map((r) => ({
      productId: r.productId,
      sku: r.sku,
      name: r.name,
      unit: r.unit,
      warehouseId: r.warehouseId,
      warehouseCode: r.warehouseCode,
      onHand: plainQty(r.onHand),
      costPrice: money2(r.costPrice),
      value: r.costPrice === null ? null : money2(new Prisma.Decimal(r.onHand).times(r.costPrice)),
      lastOutward: r.lastOutward,
      idleSince: r.idleSince,
      idleDays: r.idleDays,
      bucket: bucketOf(r.idleDays),
      outLast30: plainQty(r.outLast30),
    })),
    buckets,
    totals: { shelves: all.reduce((s, r) => s + r.shelves, 0), value: money2(totalValue)!, unvalued: all.reduce((s, r) => s + r.unvalued, 0) },
  };
}

export function bucketOf(days: number): AgeingBucket {
  return days <= 30 ? "d0_30" : days <= 60 ? "d31_60" : days <= 90 ? "d61_90" : "d90_plus";
}
