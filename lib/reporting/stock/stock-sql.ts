import "server-only";
// SQL pieces shared by the stock report's views and its drill-down: the filters on a shelf
// (product × warehouse), the period bounds in IST, and what each figure of the movement summary
// is made of — so a figure and the ledger rows listed behind it are selected by the same text.
import { Prisma } from "@/lib/generated/prisma/client";
import { startOfIstDay } from "@/lib/pricing/dates";
import { addDays } from "@/lib/reporting/sales/sales-drill";
import type { LedgerFigure, StockFilterValues } from "./stock.schemas";

/** Conditions on the product `p` and the warehouse column `wh` (already scoped to the company). */
export function shelfFilterSql(f: StockFilterValues, wh: Prisma.Sql): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  if (f.warehouseId) where.push(Prisma.sql`${wh} = ${f.warehouseId}`);
  if (f.productId) where.push(Prisma.sql`p.id = ${f.productId}`);
  if (f.categoryId === "none") where.push(Prisma.sql`p."categoryId" IS NULL`);
  else if (f.categoryId) where.push(Prisma.sql`p."categoryId" = ${f.categoryId}`);
  return where.length ? Prisma.sql`AND ${Prisma.join(where, " AND ")}` : Prisma.empty;
}

/** [start, end) instants of the IST days from..to. */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  return { start: startOfIstDay(from), end: startOfIstDay(addDays(to, 1)) };
}

/** Movements that count as "in" and "out", by kind; adjustments split by sign. Reservations move no stock. */
export const inKinds = { receipts: "RECEIPT", returns: "RETURN", transfers_in: "TRANSFER_IN" } as const;
export const outKinds = { dispatches: "DISPATCH", transfers_out: "TRANSFER_OUT" } as const;

/**
 * The condition on a ledger row `m` for a figure. `start`/`end` bound the period; `warehouseScoped`
 * says whether transfers out leave the scope (one warehouse) or stay inside it (all warehouses).
 */
export function figureSql(figure: LedgerFigure, b: { start: Date; end: Date } | null, warehouseScoped: boolean): Prisma.Sql {
  const inPeriod = b ? Prisma.sql`m."createdAt" >= ${b.start} AND m."createdAt" < ${b.end}` : Prisma.sql`TRUE`;
  switch (figure) {
    case "on_hand":
      return Prisma.sql`TRUE`;
    case "opening":
      return b ? Prisma.sql`m."createdAt" < ${b.start}` : Prisma.sql`FALSE`;
    case "closing":
      return b ? Prisma.sql`m."createdAt" < ${b.end}` : Prisma.sql`TRUE`;
    case "in":
      return Prisma.sql`${inPeriod} AND (m.kind IN ('RECEIPT', 'RETURN', 'TRANSFER_IN') OR (m.kind = 'ADJUSTMENT' AND m."onHandDelta" > 0))`;
    case "out":
      return Prisma.sql`${inPeriod} AND (m.kind IN ('DISPATCH', 'TRANSFER_OUT') OR (m.kind = 'ADJUSTMENT' AND m."onHandDelta" < 0))`;
    case "receipts":
    case "returns":
    case "transfers_in":
      return Prisma.sql`${inPeriod} AND m.kind = ${inKinds[figure]}::"StockMovementKind"`;
    case "dispatches":
    case "transfers_out":
      return Prisma.sql`${inPeriod} AND m.kind = ${outKinds[figure]}::"StockMovementKind"`;
    case "adjustments_in":
      return Prisma.sql`${inPeriod} AND m.kind = 'ADJUSTMENT' AND m."onHandDelta" > 0`;
    case "adjustments_out":
      return Prisma.sql`${inPeriod} AND m.kind = 'ADJUSTMENT' AND m."onHandDelta" < 0`;
    case "outflow":
      return warehouseScoped ? Prisma.sql`${inPeriod} AND m.kind IN ('DISPATCH', 'TRANSFER_OUT')` : Prisma.sql`${inPeriod} AND m.kind = 'DISPATCH'`;
  }
}

/** Out figures are shown as positive quantities; their ledger rows are negative. */
export const isOutFigure = (f: LedgerFigure) => f === "out" || f === "dispatches" || f === "transfers_out" || f === "adjustments_out" || f === "outflow";

/** The IST calendar day of a timestamptz expression. */
export const istDateSql = (t: Prisma.Sql) => Prisma.sql`(${t} AT TIME ZONE 'Asia/Kolkata')::date`;

/** Decimal text → "12.5" (quantities without trailing zeros). */
export function plainQty(v: Prisma.Decimal | string | number | null | undefined): string {
  const s = new Prisma.Decimal(v ?? 0).toFixed(3);
  return s.replace(/\.?0+$/, "") || "0";
}

/** Decimal → "1234.50"; null stays null. */
export function money2(v: Prisma.Decimal | string | number | null | undefined): string | null {
  return v === null || v === undefined ? null : new Prisma.Decimal(v).toFixed(2);
}
