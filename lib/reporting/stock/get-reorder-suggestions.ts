import "server-only";
// Reorder suggestions (GET /api/v1/reports/stock/reorder): active products that are below their
// reorder level, or whose stock will not last the supplier's lead time at the last 30 days' pace.
//   available      = on hand − reserved, over the active warehouses (or the one filtered)
//   daily outflow  = dispatched in the last 30 days (today included) ÷ 30; with a warehouse
//                    filter, transfers out of it count too (they leave its shelves)
//   days of cover  = available ÷ daily outflow (none when nothing went out)
//   lead time      = the product's own lead time when it has one, else the report's
//   suggested      = reorder level + daily outflow × (lead time + cover days) − available,
//                    rounded up to whole packs (or whole units)
// The reorder level acts as the safety stock. A distributor buys from suppliers near and far (a
// local maker delivers in 2 days, an importer in 3 weeks), so each product may carry its own lead
// time; the report's lead time (7 days by default) is for products without one, and its cover days
// (14 by default) for all. reports.read + inventory.read.
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { istDay } from "@/lib/pricing/dates";
import { addDays } from "@/lib/reporting/sales/sales-drill";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { pickStockFilters } from "./get-stock-valuation";
import { figureSql, money2, periodBounds, plainQty, shelfFilterSql } from "./stock-sql";
import { reorderInput, type StockFilterValues } from "./stock.schemas";

const D = Prisma.Decimal;
export const OUTFLOW_DAYS = 30;

export type ReorderReason = "out_of_stock" | "below_reorder_level" | "cover_short";
/** Whose lead time a row used: the product's own, or the report's default. */
export type LeadTimeSource = "product" | "report";
export type ReorderRow = {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  packUnit: string | null;
  packSize: string | null;
  reorderLevel: string;
  onHand: string;
  reserved: string;
  available: string;
  outflow30: string;
  dailyOutflow: string;
  /** null: nothing went out in 30 days, so the stock covers any number of days. */
  daysOfCover: string | null;
  /** The lead time this row was computed with (days). */
  leadTimeDays: number;
  leadTimeSource: LeadTimeSource;
  reason: ReorderReason;
  suggested: string;
  costPrice: string | null;
  /** suggested × cost price. */
  suggestedValue: string | null;
};
export type ReorderSuggestions = {
  asOf: string;
  /** The 30-day window of the outflow (IST days). */
  outflowFrom: string;
  outflowTo: string;
  /** The report's lead time: for products without their own. */
  leadTimeDays: number;
  coverDays: number;
  filters: StockFilterValues;
  rows: ReorderRow[];
  truncated: boolean;
  totals: { products: number; considered: number; suggestedValue: string; unvalued: number };
};

type Row = { id: string; sku: string; name: string; unit: string; packUnit: string | null; packSize: Prisma.Decimal | null; reorderLevel: Prisma.Decimal; leadTimeDays: number | null; costPrice: Prisma.Decimal | null; onHand: Prisma.Decimal; reserved: Prisma.Decimal; outflow: Prisma.Decimal };

export async function getReorderSuggestions(ctx: Ctx, input: unknown = {}): Promise<ReorderSuggestions> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "stock");
  const q = parseInput(reorderInput, input);
  const companyId = ctx.actor.companyId;
  const filters = pickStockFilters(q);
  const today = istDay(ctx.now());
  const outflowFrom = addDays(today, -(OUTFLOW_DAYS - 1));
  const window = periodBounds(outflowFrom, today);
  const scope = filters.warehouseId ? Prisma.sql`s."warehouseId" = ${filters.warehouseId}` : Prisma.sql`w.active`;
  const products = await ctx.db.$queryRaw<Row[]>`
    SELECT p.id, p.sku, p.name, p.unit, p."packUnit", p."packSize", p."reorderLevel", p."leadTimeDays", p."costPrice",
           coalesce(l."onHand", 0) AS "onHand", coalesce(l.reserved, 0) AS reserved, coalesce(o.qty, 0) AS outflow
    FROM "Product" p
    LEFT JOIN (
      SELECT s."productId", sum(s."onHand") AS "onHand", sum(s.reserved) AS reserved
      FROM "StockLevel" s JOIN "Warehouse" w ON w.id = s."warehouseId" AND w."companyId" = ${companyId}
      WHERE s."companyId" = ${companyId} AND ${scope}
      GROUP BY 1
    ) l ON l."productId" = p.id
    LEFT JOIN (
      SELECT m."productId", -sum(m."onHandDelta") AS qty
      FROM "StockMovement" m
      WHERE m."companyId" = ${companyId} AND ${figureSql("outflow", window, !!filters.warehouseId)} ${filters.warehouseId ? Prisma.sql`AND m."warehouseId" = ${filters.warehouseId}` : Prisma.empty}
      GROUP BY 1
    ) o ON o."productId" = p.id
    WHERE p."companyId" = ${companyId} AND p.active ${shelfFilterSql({ ...filters, warehouseId: undefined }, Prisma.empty)}`;

  const suggestions = products.map((p) => suggest(p, q.leadTimeDays, q.coverDays)).filter((r): r is ReorderRow => r !== null);
  const rank = { out_of_stock: 0, below_reorder_level: 1, cover_short: 2 } as const;
  suggestions.sort((a, b) => rank[a.reason] - rank[b.reason] || Number(a.daysOfCover ?? Infinity) - Number(b.daysOfCover ?? Infinity) || Number(b.suggestedValue ?? 0) - Number(a.suggestedValue ?? 0) || a.name.localeCompare(b.name));
  const value = suggestions.reduce((s, r) => s.plus(r.suggestedValue ?? 0), new D(0));
  return {
    asOf: today,
    outflowFrom,
    outflowTo: today,
    leadTimeDays: q.leadTimeDays,
    coverDays: q.coverDays,
    filters,
    rows: suggestions.slice(0, q.limit),
    truncated: suggestions.length > q.limit,
    totals: { products: suggestions.length, considered: products.length, suggestedValue: money2(value)!, unvalued: suggestions.filter((r) => r.costPrice === null).length },
  };
}

/** The suggestion for one product, or null when it needs none; `reportLeadTimeDays` applies when the product has no lead time of its own. Pure. */
export function suggest(p: Row, reportLeadTimeDays: number, coverDays: number): ReorderRow | null {
  // 0 is a lead time (bought the same day), so only null falls back to the report's.
  const leadTimeDays = p.leadTimeDays ?? reportLeadTimeDays;
  const reorderLevel = new D(p.reorderLevel);
  const available = new D(p.onHand).minus(p.reserved);
  const outflow = new D(p.outflow);
  const daily = outflow.div(OUTFLOW_DAYS);
  const cover = daily.gt(0) ? available.div(daily) : null;
  const reason: ReorderReason | null = available.lte(0) && (reorderLevel.gt(0) || daily.gt(0)) ? "out_of_stock" : available.lt(reorderLevel) ? "below_reorder_level" : cover !== null && cover.lt(leadTimeDays) ? "cover_short" : null;
  if (!reason) return null;
  const need = reorderLevel.plus(daily.times(leadTimeDays + coverDays)).minus(available);
  const step = p.packSize && new D(p.packSize).gt(0) ? new D(p.packSize) : new D(1);
  const suggested = need.gt(0) ? need.div(step).ceil().times(step) : new D(0);
  return {
    productId: p.id,
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    packUnit: p.packUnit,
    packSize: p.packSize === null ? null : plainQty(p.packSize),
    reorderLevel: plainQty(reorderLevel),
    onHand: plainQty(p.onHand),
    reserved: plainQty(p.reserved),
    available: plainQty(available),
    outflow30: plainQty(outflow),
    dailyOutflow: daily.toDecimalPlaces(2).toFixed(2),
    daysOfCover: cover === null ? null : cover.toDecimalPlaces(1, D.ROUND_DOWN).toFixed(1),
    leadTimeDays,
    leadTimeSource: p.leadTimeDays === null ? "report" : "product",
    reason,
    suggested: plainQty(suggested),
    costPrice: money2(p.costPrice),
    suggestedValue: p.costPrice === null ? null : money2(suggested.times(p.costPrice)),
  };
}
