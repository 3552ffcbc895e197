import "server-only";
// The stock movement summary of a period (GET /api/v1/reports/stock/movements): per product,
// warehouse or category, the opening stock, what came in (receipts, returns, transfers in,
// adjustments up), what went out (dispatches, transfers out, adjustments down) and the closing
// stock — all sums of the ledger's on-hand changes, dated in IST:
//   opening = Σ rows before the first day; closing = Σ rows up to the end of the last day
//   closing = opening + in − out, row by row, because in and out split the period's rows.
// A shelf's level always equals the sum of its ledger rows (lib/inventory/ledger.ts), so opening and
// closing are taken from the level less the rows since, and only the rows from the first day on are read.
// Quantities add up only within one product (one unit); groups of several products are compared
// by value at today's cost price. reports.read + inventory.read.
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRange } from "@/lib/reporting/sales/get-sales-report";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { pickStockFilters } from "./get-stock-valuation";
import { money2, periodBounds, plainQty, shelfFilterSql } from "./stock-sql";
import { stockMovementsInput, type MovementGrouping, type StockFilterValues } from "./stock.schemas";

export const movementColumns = ["opening", "receipts", "returns", "transfersIn", "adjustmentsIn", "in", "dispatches", "transfersOut", "adjustmentsOut", "out", "closing"] as const;
export type MovementColumn = (typeof movementColumns)[number];
export type MovementFigures = Record<MovementColumn, string>;

export type MovementRow = {
  key: string;
  name: string;
  code: string | null;
  /** Product rows only: the unit the quantities are in. Other groups mix units, so compare `values`. */
  unit: string | null;
  quantities: MovementFigures | null;
  /** Quantity × today's cost price; products without a cost count as zero (see `unvalued`). */
  values: MovementFigures;
  unvalued: number;
};
export type StockMovements = { from: string; to: string; groupBy: MovementGrouping; filters: StockFilterValues; rows: MovementRow[]; truncated: boolean; totals: { values: MovementFigures; unvalued: number; products: number } };

const sumCols = ["opening", "receipts", "returns", "transfersIn", "adjustmentsIn", "dispatches", "transfersOut", "adjustmentsOut", "closing"] as const;
type Sums = Record<(typeof sumCols)[number], Prisma.Decimal | null>;
type Row = { key: string; name: string | null; code: string | null; unit: string | null; total: number; unvalued: number } & { [K in (typeof sumCols)[number] as `q_${K}`]: Prisma.Decimal | null } & { [K in (typeof sumCols)[number] as `v_${K}`]: Prisma.Decimal | null };

export async function getStockMovements(ctx: Ctx, input: unknown): Promise<StockMovements> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "stock");
  const q = readRange(parseInput(stockMovementsInput, input));
  const companyId = ctx.actor.companyId;
  const filters = pickStockFilters(q);
  const { start, end } = periodBounds(q.from, q.to);
  // Per shelf (product × warehouse). Its level is the sum of all its ledger rows, so only the rows
  // from the first day on are read: opening = level − Σ rows since the start, closing = level − Σ
  // rows after the end — the same figures as summing the history, without reading it.
  const shelves = Prisma.sql`
    SELECT s."productId", s."warehouseId", p."categoryId", p."costPrice", p.unit, p.name, p.sku,
      s."onHand" - coalesce(mv.period, 0) - coalesce(mv.later, 0) AS opening,
      coalesce(mv.receipts, 0) AS receipts, coalesce(mv.returns, 0) AS returns, coalesce(mv."transfersIn", 0) AS "transfersIn", coalesce(mv."adjustmentsIn", 0) AS "adjustmentsIn",
      coalesce(mv.dispatches, 0) AS dispatches, coalesce(mv."transfersOut", 0) AS "transfersOut", coalesce(mv."adjustmentsOut", 0) AS "adjustmentsOut",
      s."onHand" - coalesce(mv.later, 0) AS closing
    FROM "StockLevel" s
    JOIN "Product" p ON p.id = s."productId" AND p."companyId" = ${companyId}
    LEFT JOIN (
      SELECT m."productId", m."warehouseId",
        sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end}) AS period,
        sum(m."onHandDelta") FILTER (WHERE m."createdAt" >= ${end}) AS later,
        sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end} AND m.kind = 'RECEIPT') AS receipts,
        sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end} AND m.kind = 'RETURN') AS returns,
        sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end} AND m.kind = 'TRANSFER_IN') AS "transfersIn",
        sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end} AND m.kind = 'ADJUSTMENT' AND m."onHandDelta" > 0) AS "adjustmentsIn",
        -sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end} AND m.kind = 'DISPATCH') AS dispatches,
        -sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end} AND m.kind = 'TRANSFER_OUT') AS "transfersOut",
        -sum(m."onHandDelta") FILTER (WHERE m."createdAt" < ${end} AND m.kind = 'ADJUSTMENT' AND m."onHandDelta" < 0) AS "adjustmentsOut"
      FROM "StockMovement" m JOIN "Product" p ON p.id = m."productId" AND p."companyId" = ${companyId}
      WHERE m."companyId" = ${companyId} AND m."createdAt" >= ${start} AND m."onHandDelta" <> 0 ${shelfFilterSql(filters, Prisma.sql`m."warehouseId"`)}
      GROUP BY 1, 2
    ) mv ON mv."productId" = s."productId" AND mv."warehouseId" = s."warehouseId"
    WHERE s."companyId" = ${companyId} ${shelfFilterSql(filters, Prisma.sql`s."warehouseId"`)}`;
  const key = { product: Prisma.sql`"productId"`, warehouse: Prisma.sql`"warehouseId"`, category: Prisma.sql`coalesce("categoryId", 'none')` }[q.groupBy];
  const label = {
    product: { select: Prisma.sql`g.pname AS name, g.psku AS code, g.punit AS unit`, join: Prisma.empty },
    warehouse: { select: Prisma.sql`w.name, w.code, NULL::text AS unit`, join: Prisma.sql`LEFT JOIN "Warehouse" w ON w.id = g.key AND w."companyId" = ${companyId}` },
    category: { select: Prisma.sql`c.name, pc.name AS code, NULL::text AS unit`, join: Prisma.sql`LEFT JOIN "Category" c ON c.id = g.key AND c."companyId" = ${companyId} LEFT JOIN "Category" pc ON pc.id = c."parentId" AND pc."companyId" = ${companyId}` },
  }[q.groupBy];
  const sums = Prisma.raw(sumCols.map((c) => `sum("${c}") AS "q_${c}", sum("${c}" * "costPrice") AS "v_${c}"`).join(", "));
  const anyMovement = Prisma.raw(sumCols.map((c) => `"${c}" <> 0`).join(" OR "));
  const [rows, [totals]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`
      WITH sh AS (${shelves}),
      live AS (SELECT * FROM sh WHERE ${anyMovement}),
      g AS (SELECT ${key} AS key, min(name) AS pname, min(sku) AS psku, min(unit) AS punit, ${sums}, count(DISTINCT "productId") FILTER (WHERE "costPrice" IS NULL)::int AS unvalued FROM live GROUP BY 1)
      SELECT g.*, ${label.select}, count(*) OVER ()::int AS total
      FROM g ${label.join}
      ORDER BY abs(coalesce(g."v_closing", 0)) + abs(coalesce(g."v_dispatches", 0)) DESC, name, g.key
      LIMIT ${q.limit}`,
    ctx.db.$queryRaw<(Row & { products: number })[]>`
      WITH sh AS (${shelves}), live AS (SELECT * FROM sh WHERE ${anyMovement})
      SELECT ${sums}, count(DISTINCT "productId") FILTER (WHERE "costPrice" IS NULL)::int AS unvalued, count(DISTINCT "productId")::int AS products FROM live`,
  ]);
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    filters,
    truncated: (rows[0]?.total ?? 0) > rows.length,
    rows: rows.map((r) => ({
      key: r.key,
      name: r.name ?? (q.groupBy === "category" && r.key === "none" ? "Uncategorised" : r.key),
      code: r.code,
      unit: q.groupBy === "product" ? r.unit : null,
      quantities: q.groupBy === "product" ? complete(pick(r, "q_"), (v) => plainQty(v)) : null,
      values: complete(pick(r, "v_"), (v) => money2(v)!),
      unvalued: r.unvalued,
    })),
    totals: { values: complete(pick(totals, "v_"), (v) => money2(v)!), unvalued: totals?.unvalued ?? 0, products: totals?.products ?? 0 },
  };
}

function pick(r: Row | undefined, prefix: "q_" | "v_"): Sums {
  return Object.fromEntries(sumCols.map((c) => [c, (r as Record<string, Prisma.Decimal | null> | undefined)?.[`${prefix}${c}`] ?? null])) as Sums;
}

/** Adds the in and out totals (sums of their kinds) and formats every figure. */
function complete(s: Sums, fmt: (v: Prisma.Decimal) => string): MovementFigures {
  const d = (v: Prisma.Decimal | null) => new Prisma.Decimal(v ?? 0);
  const inn = d(s.receipts).plus(d(s.returns)).plus(d(s.transfersIn)).plus(d(s.adjustmentsIn));
  const out = d(s.dispatches).plus(d(s.transfersOut)).plus(d(s.adjustmentsOut));
  return {
    opening: fmt(d(s.opening)),
    receipts: fmt(d(s.receipts)),
    returns: fmt(d(s.returns)),
    transfersIn: fmt(d(s.transfersIn)),
    adjustmentsIn: fmt(d(s.adjustmentsIn)),
    in: fmt(inn),
    dispatches: fmt(d(s.dispatches)),
    transfersOut: fmt(d(s.transfersOut)),
    adjustmentsOut: fmt(d(s.adjustmentsOut)),
    out: fmt(out),
    closing: fmt(d(s.closing)),
  };
}
