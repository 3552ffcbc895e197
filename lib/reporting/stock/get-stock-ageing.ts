import "server-only";
// Slow movers and stock ageing (GET /api/v1/reports/stock/ageing): every shelf (product ×
// warehouse) with stock today, with the days since its last outward movement (a dispatch or a
// transfer out) — or, when that movement emptied the shelf or there was none, since the stock now on
// it first came in — and its value at cost, bucketed by idle days (0–30, 31–60, 61–90, over 90).
// Slowest first. The bucket values add up to the valued stock on hand. reports.read + inventory.read.
import { onReplica, type Ctx } from "@/lib/ctx";
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
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "stock");
  const q = parseInput(stockAgeingInput, input);
  const companyId = ctx.actor.companyId;
  const filters = pickStockFilters(q);
  const today = istDay(ctx.now());
  const last30 = periodBounds(addDays(today, -29), today);
  const filter = shelfFilterSql(filters, Prisma.sql`s."warehouseId"`);
  // Per shelf: its last outward movement (one index probe, newest first), then the rows after it.
  // The balance just after that movement (the level less those rows) says whether the shelf was
  // emptied by it: then the stock on it now came in later, and is idle since the first inflow after.
  const shelves = Prisma.sql`
    WITH sh AS (
      SELECT s."productId", s."warehouseId", s."onHand", p.sku, p.name, p.unit, p."costPrice"
      FROM "StockLevel" s JOIN "Product" p ON p.id = s."productId" AND p."companyId" = ${companyId}
      WHERE s."companyId" = ${companyId} AND s."onHand" > 0 ${filter}
    ),
    lo AS (
      SELECT sh.*, o."createdAt" AS "outAt", o.id AS "outId"
      FROM sh LEFT JOIN LATERAL (
        SELECT m."createdAt", m.id FROM "StockMovement" m
        WHERE m."companyId" = ${companyId} AND m."productId" = sh."productId" AND m."warehouseId" = sh."warehouseId" AND m.kind IN ('DISPATCH', 'TRANSFER_OUT')
        ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1
      ) o ON TRUE
    ),
    since AS (
      SELECT lo.*, a.moved, a."firstIn"
      FROM lo LEFT JOIN LATERAL (
        SELECT coalesce(sum(m."onHandDelta"), 0) AS moved, min(m."createdAt") FILTER (WHERE m."onHandDelta" > 0) AS "firstIn"
        FROM "StockMovement" m
        WHERE m."companyId" = ${companyId} AND m."productId" = lo."productId" AND m."warehouseId" = lo."warehouseId" AND m."onHandDelta" <> 0
          AND m."createdAt" >= coalesce(lo."outAt", '-infinity'::timestamptz)
          AND (lo."outAt" IS NULL OR (m."createdAt", m.id) > (lo."outAt", lo."outId"))
      ) a ON TRUE
    ),
    out30 AS (
      SELECT m."productId", m."warehouseId", -sum(m."onHandDelta") AS qty FROM "StockMovement" m
      WHERE m."companyId" = ${companyId} AND m.kind IN ('DISPATCH', 'TRANSFER_OUT') AND m."createdAt" >= ${last30.start} AND m."createdAt" < ${last30.end}
      GROUP BY 1, 2
    ),
    aged AS (
      SELECT since."productId", since."warehouseId", since."onHand", since.sku, since.name, since.unit, since."costPrice",
             w.code AS "warehouseCode", coalesce(o.qty, 0) AS "outLast30",
             CASE WHEN since."outAt" IS NOT NULL AND since."onHand" - since.moved > 0 THEN since."outAt" END AS "lastOut",
             CASE WHEN since."outAt" IS NOT NULL AND since."onHand" - since.moved > 0 THEN since."outAt" ELSE since."firstIn" END AS "idleFrom"
      FROM since JOIN "Warehouse" w ON w.id = since."warehouseId" AND w."companyId" = ${companyId}
      LEFT JOIN out30 o ON o."productId" = since."productId" AND o."warehouseId" = since."warehouseId"
    ),
    dated AS (
      SELECT aged.*, to_char(${istDateSql(Prisma.sql`"lastOut"`)}, 'YYYY-MM-DD') AS "lastOutward", coalesce(${istDateSql(Prisma.sql`"idleFrom"`)}, ${today}::date) AS day
      FROM aged
    )
    SELECT dated.*, to_char(day, 'YYYY-MM-DD') AS "idleSince", greatest(${today}::date - day, 0) AS "idleDays" FROM dated`;
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
