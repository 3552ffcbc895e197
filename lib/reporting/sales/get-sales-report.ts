import "server-only";
// The sales report (/reports/sales, GET /api/v1/reports/sales): net sales of a date range grouped
// by period, retailer, product, category, HSN, state, salesperson or warehouse, with quantity,
// taxable value, tax, gross, cost and margin where the cost is known, and the totals of the whole
// range. reports.read; every query names the actor's company. The sums come from the sales rollups
// where one keeps the grouping and filters asked for, else from the invoice lines (rollup-plan.ts);
// both give the same figures.
import type { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isCalendarDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";
import { daysBetween, groupName, isPeriodGrouping, periodKeys } from "./sales-drill";
import { salesSourceFor, type SalesSource } from "./rollup-plan";
import { rollupGroupedSumsSql, rollupRowsSql } from "./rollup-read-sql";
import { groupedSumsSql, groupKeySql, groupLabelSql, salesLinesSql, type SalesFilterValues } from "./sales-sql";
import { salesReportInput, type SalesGrouping } from "./sales.schemas";

export const MAX_RANGE_DAYS = 3 * 366;

export type SalesFigures = { quantity: string; taxable: string; tax: string; gross: string; cost: string | null; margin: string | null; marginPercent: string | null; documents: number };
export type SalesGroup = SalesFigures & { key: string; name: string; code: string | null };
export type SalesReport = {
  from: string;
  to: string;
  groupBy: SalesGrouping;
  filters: SalesFilterValues;
  groups: SalesGroup[];
  /** More groups matched than `limit`; totals are over all of them. */
  truncated: boolean;
  totals: SalesFigures;
};

type SumsRow = { quantity: Prisma.Decimal | null; taxable: Prisma.Decimal | null; tax: Prisma.Decimal | null; gross: Prisma.Decimal | null; costedTaxable: Prisma.Decimal | null; cost: Prisma.Decimal | null; documents: number };
type GroupRow = SumsRow & { key: string; label: string | null; code: string | null; groups: number } & Partial<Record<`t_${keyof SumsRow}`, Prisma.Decimal | number | null>>;
const sumColumns = ["quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "documents"] as const;

/** `lines` forces the invoice-line SQL for every figure (to check the rollups against it). */
export type SalesReportOptions = { source?: "auto" | "lines" };

export async function getSalesReport(ctx: Ctx, input: unknown, opts: SalesReportOptions = {}): Promise<SalesReport> {
  ctx = onReplica(ctx);
  assertCan(ctx.actor, "reports.read");
  const q = readRange(parseInput(salesReportInput, input));
  const filters = pickFilters(q);
  const sql = salesReportSql(ctx.actor.companyId, q, opts);
  const [rows, [totalsRow]] = await Promise.all([ctx.db.$queryRaw<GroupRow[]>(sql.groups), sql.totals ? ctx.db.$queryRaw<SumsRow[]>(sql.totals) : Promise.resolve([])]);
  // Without a totals statement the groups carry them (t_… window sums over every group).
  const totals = sql.totals ? totalsRow : rows[0] ? (Object.fromEntries(sumColumns.map((c) => [c, rows[0]![`t_${c}`] ?? null])) as SumsRow) : undefined;

  let groups = rows.map((r) => ({ key: r.key, name: groupName(q.groupBy, r.key, r.label), code: r.code, ...figures(r) }));
  if (isPeriodGrouping(q.groupBy) && q.sort === "key" && daysBetween(q.from, q.to) <= 400) {
    // Periods without a sale still appear (a chart's gaps are real zeros).
    const byKey = new Map(groups.map((g) => [g.key, g]));
    groups = periodKeys(q.groupBy as "day" | "week" | "month", q).map((k) => byKey.get(k) ?? { key: k, name: groupName(q.groupBy, k, null), code: null, ...figures(null) });
  }
  return { from: q.from, to: q.to, groupBy: q.groupBy, filters, groups, truncated: (rows[0]?.groups ?? 0) > rows.length, totals: figures(totals ?? null) };
}

/**
 * The report's statements: its groups (sorted, labelled, limited, with the number of groups) and its
 * totals. When both come from the header rollup — where every document is in exactly one group, so
 * the groups add up to the totals — the groups carry the totals as window sums and there is no
 * second statement.
 */
export function salesReportSql(companyId: string, q: z.output<typeof salesReportInput>, opts: SalesReportOptions = {}): { groups: Prisma.Sql; totals: Prisma.Sql | null } {
  const filters = pickFilters(q);
  const lines = opts.source === "lines";
  const groupsFrom = lines ? "lines" : salesSourceFor(q.groupBy, filters);
  const totalsFrom = lines ? "lines" : salesSourceFor(null, filters);
  const additive = groupsFrom === "header" && totalsFrom === "header";
  const label = groupLabelSql(q.groupBy, companyId);
  const sort = q.sort === "key" && !isPeriodGrouping(q.groupBy) ? "-taxable" : q.sort;
  const order = {
    key: Prisma.sql`g.key ASC`,
    "-taxable": Prisma.sql`g.taxable DESC NULLS LAST, g.key`,
    taxable: Prisma.sql`g.taxable ASC NULLS LAST, g.key`,
    "-quantity": Prisma.sql`g.quantity DESC NULLS LAST, g.key`,
    "-gross": Prisma.sql`g.gross DESC NULLS LAST, g.key`,
    "-margin": Prisma.sql`(g."costedTaxable" - g.cost) DESC NULLS LAST, g.key`,
  }[sort];
  const windowTotals = additive ? Prisma.raw(`, ${sumColumns.map((c) => `sum(g."${c}") OVER ()${c === "documents" ? "::int" : ""} AS "t_${c}"`).join(", ")}`) : Prisma.empty;
  return {
    groups: Prisma.sql`
      WITH g AS (${groupedSalesSql(companyId, q, filters, q.groupBy, groupsFrom)})
      SELECT g.*, ${label.select}, count(*) OVER ()::int AS groups${windowTotals}
      FROM g ${label.join}
      ORDER BY ${order}
      LIMIT ${q.limit}`,
    totals: additive
      ? null
      : Prisma.sql`
      SELECT quantity, taxable, tax, gross, "costedTaxable", cost, documents
      FROM (${groupedSalesSql(companyId, q, filters, null, totalsFrom)}) t`,
  };
}

/**
 * Net sums of the range by `groupBy` (null: one row of totals, key ''), from the source given:
 * columns key, quantity, taxable, tax, gross, costedTaxable, cost, documents.
 */
export function groupedSalesSql(companyId: string, q: { from: string; to: string }, filters: SalesFilterValues, groupBy: SalesGrouping | null, source: SalesSource): Prisma.Sql {
  const key = groupBy ? groupKeySql(groupBy) : Prisma.sql`''`;
  if (source === "lines") return Prisma.sql`WITH lines AS (${salesLinesSql(companyId, q.from, q.to, filters, groupBy)}) ${groupedSumsSql(key)}`;
  return rollupGroupedSumsSql(rollupRowsSql(source, companyId, q.from, q.to, groupBy, filters), key);
}

/** from/to as calendar days in order, at most MAX_RANGE_DAYS apart, or 400 naming the field. */
export function readRange<T extends { from: string; to: string }>(q: T): T {
  for (const field of ["from", "to"] as const) {
    if (!isCalendarDay(q[field])) throw new AppError("validation", `${field} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  if (q.to < q.from) throw new AppError("validation", "to is before from", { fieldErrors: { to: ["Must be on or after from"] } });
  if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS) throw new AppError("validation", "The range is longer than three years", { fieldErrors: { to: ["At most three years after from"] } });
  return q;
}

export function pickFilters(q: SalesFilterValues): SalesFilterValues {
  const out: SalesFilterValues = {};
  for (const k of ["connectionId", "productId", "categoryId", "hsn", "state", "salespersonId", "warehouseId"] as const) if (q[k] !== undefined) out[k] = q[k];
  return out;
}

export function figures(r: SumsRow | null): SalesFigures {
  const d = (v: Prisma.Decimal | null | undefined, dp = 2) => (v ? new Prisma.Decimal(v).toFixed(dp) : new Prisma.Decimal(0).toFixed(dp));
  const costed = r?.cost != null && r.costedTaxable != null;
  const margin = costed ? new Prisma.Decimal(r!.costedTaxable!).minus(r!.cost!) : null;
  const costedTaxable = costed ? new Prisma.Decimal(r!.costedTaxable!) : null;
  return {
    quantity: plainQty(d(r?.quantity, 3)),
    taxable: d(r?.taxable),
    tax: d(r?.tax),
    gross: d(r?.gross),
    cost: costed ? new Prisma.Decimal(r!.cost!).toFixed(2) : null,
    margin: margin ? margin.toFixed(2) : null,
    marginPercent: margin && costedTaxable && !costedTaxable.isZero() ? margin.div(costedTaxable).times(100).toFixed(1) : null,
    documents: r?.documents ?? 0,
  };
}

function plainQty(q: string): string {
  return q.replace(/\.?0+$/, "") || "0";
}
