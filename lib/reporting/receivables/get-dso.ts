import "server-only";
// Days sales outstanding (GET /api/v1/reports/receivables/dso), per month or week of a range, per
// retailer, and for the whole range:
//   DSO = receivables at the end of the period ÷ credit sales of the period × days in the period
// Receivables: the ledger balance on the last day (issued invoices and debit notes + refunds −
// receipts − credit notes dated up to then), the same figure as the ageing total as of that day.
// Credit sales: issued invoices and debit notes less credit notes, with GST (every sale here is on
// account). Cancelled documents and voided payments do not count. No credit sales: no DSO.
// reports.read + billing.read.
import { ageingByConnection } from "@/lib/billing/ageing-sql";
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { istDay } from "@/lib/pricing/dates";
import { readRange } from "@/lib/reporting/sales/get-sales-report";
import { addDays, daysBetween, endOfMonth, groupName, periodKeys } from "@/lib/reporting/sales/sales-drill";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { pickReceivablesFilters } from "./get-collections";
import { dsoInput, type DsoGrouping, type ReceivablesFilterValues } from "./receivables.schemas";

const D = Prisma.Decimal;

export type DsoFigures = { from: string; to: string; days: number; creditSales: string; receivables: string; /** null when there were no credit sales. */ dso: string | null };
export type DsoRow = DsoFigures & { key: string; name: string; code: string | null };
export type DsoReport = { from: string; to: string; groupBy: DsoGrouping; filters: ReceivablesFilterValues; rows: DsoRow[]; truncated: boolean; totals: DsoFigures };

export async function getDso(ctx: Ctx, input: unknown): Promise<DsoReport> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "receivables");
  const q = readRange(parseInput(dsoInput, input));
  const companyId = ctx.actor.companyId;
  const filters = pickReceivablesFilters(q);
  const conn = filters.connectionId ? Prisma.sql`AND "connectionId" = ${filters.connectionId}` : Prisma.empty;
  const days = daysBetween(q.from, q.to) + 1;

  if (q.groupBy === "retailer") {
    const today = istDay(ctx.now());
    // Receivables per retailer: the ageing's own per-connection totals as of the last day.
    const [sales, balances] = await Promise.all([
      ctx.db.$queryRaw<{ cid: string; sales: Prisma.Decimal }[]>`
        SELECT "connectionId" AS cid, sum(CASE WHEN type = 'CREDIT_NOTE' THEN -"grandTotal" ELSE "grandTotal" END) AS sales
        FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "issueDate" BETWEEN ${q.from}::date AND ${q.to}::date ${conn}
        GROUP BY 1`,
      ageingByConnection(ctx.db, filters.connectionId ? { companyId, connectionId: filters.connectionId } : { companyId }, q.to, today),
    ]);
    const ids = [...new Set([...sales.map((s) => s.cid), ...balances.keys()])];
    const names = ids.length
      ? await ctx.db.connection.findMany({ where: { companyId, id: { in: ids } }, select: { id: true, customerCode: true, retailer: { select: { legalName: true, tradeName: true } } } })
      : [];
    const byId = new Map(names.map((n) => [n.id, n]));
    const salesOf = new Map(sales.map((s) => [s.cid, new D(s.sales)]));
    const all = ids
      .map((id) => {
        const n = byId.get(id);
        return { key: id, name: n ? (n.retailer.tradeName ?? n.retailer.legalName) : id, code: n?.customerCode ?? null, ...figures(q.from, q.to, days, salesOf.get(id) ?? new D(0), new D(balances.get(id)?.total ?? 0)) };
      })
      .sort((a, b) => Number(b.receivables) - Number(a.receivables) || a.name.localeCompare(b.name));
    const totalSales = [...salesOf.values()].reduce((s, v) => s.plus(v), new D(0));
    const totalReceivables = [...balances.values()].reduce((s, v) => s.plus(v.total), new D(0));
    return { from: q.from, to: q.to, groupBy: q.groupBy, filters, rows: all.slice(0, q.limit), truncated: all.length > q.limit, totals: figures(q.from, q.to, days, totalSales, totalReceivables) };
  }

  // Periods clipped to the range; each one's receivables are the balance at its last day.
  const periods = periodKeys(q.groupBy, q).map((key) => {
    const start = q.groupBy === "month" ? `${key}-01` : key;
    const end = q.groupBy === "month" ? endOfMonth(key) : addDays(key, 6);
    return { key, from: start < q.from ? q.from : start, to: end > q.to ? q.to : end };
  });
  const ends = periods.map((p) => p.to);
  const keySql = q.groupBy === "month" ? Prisma.sql`to_char("issueDate", 'YYYY-MM')` : Prisma.sql`to_char(date_trunc('week', "issueDate"), 'YYYY-MM-DD')`;
  const [sales, balances] = await Promise.all([
    ctx.db.$queryRaw<{ key: string; sales: Prisma.Decimal }[]>`
      SELECT ${keySql} AS key, sum(CASE WHEN type = 'CREDIT_NOTE' THEN -"grandTotal" ELSE "grandTotal" END) AS sales
      FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "issueDate" BETWEEN ${q.from}::date AND ${q.to}::date ${conn}
      GROUP BY 1`,
    ctx.db.$queryRaw<{ day: string; balance: Prisma.Decimal | null }[]>`
      WITH docs AS (
        SELECT "issueDate" AS day, CASE WHEN type = 'CREDIT_NOTE' THEN -"grandTotal" ELSE "grandTotal" END AS v
        FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "issueDate" <= ${q.to}::date ${conn}
        UNION ALL
        SELECT "paidOn", CASE WHEN kind = 'REFUND' THEN amount ELSE -amount END
        FROM "Payment" WHERE "companyId" = ${companyId} AND status = 'RECORDED' AND "paidOn" <= ${q.to}::date ${conn}
      ),
      daily AS (SELECT day, sum(v) AS v FROM docs GROUP BY day),
      running AS (SELECT day, sum(v) OVER (ORDER BY day) AS balance FROM daily)
      SELECT to_char(e.day, 'YYYY-MM-DD') AS day, (SELECT r.balance FROM running r WHERE r.day <= e.day ORDER BY r.day DESC LIMIT 1) AS balance
      FROM unnest(${ends}::date[]) AS e(day)`,
  ]);
  const salesOf = new Map(sales.map((s) => [s.key, new D(s.sales)]));
  const balanceOn = new Map(balances.map((b) => [b.day, new D(b.balance ?? 0)]));
  const rows = periods.map((p) => ({ key: p.key, name: groupName(q.groupBy, p.key, null), code: null, ...figures(p.from, p.to, daysBetween(p.from, p.to) + 1, salesOf.get(p.key) ?? new D(0), balanceOn.get(p.to) ?? new D(0)) }));
  const totalSales = [...salesOf.values()].reduce((s, v) => s.plus(v), new D(0));
  return { from: q.from, to: q.to, groupBy: q.groupBy, filters, rows: rows.slice(0, q.limit), truncated: rows.length > q.limit, totals: figures(q.from, q.to, days, totalSales, balanceOn.get(q.to) ?? new D(0)) };
}

function figures(from: string, to: string, days: number, creditSales: Prisma.Decimal, receivables: Prisma.Decimal): DsoFigures {
  return {
    from,
    to,
    days,
    creditSales: creditSales.toFixed(2),
    receivables: receivables.toFixed(2),
    dso: creditSales.gt(0) ? receivables.div(creditSales).times(days).toDecimalPlaces(1).toFixed(1) : null,
  };
}
