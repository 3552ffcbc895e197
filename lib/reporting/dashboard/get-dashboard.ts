import "server-only";
// The dashboard's figures for the signed-in person: this month's sales against last month (daily
// and cumulative), today's sales, collections, receivables by ageing bucket, top retailers and
// products, and the work queues — each asked for only when the role may read it (null otherwise).
// Sales come from the sales report (lib/reporting/sales), so the dashboard and the report agree; both
// read the sales rollups, and the ageing comes from the open receivables (getAgeingSummary): what
// the dashboard costs depends on the days and retailers of a month, not on years of documents.
import { can } from "@/lib/auth/permissions";
import { getAgeingSummary } from "@/lib/billing/get-ageing-summary";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { istDay } from "@/lib/pricing/dates";
import { figures, getSalesReport, type SalesFigures, type SalesGroup } from "@/lib/reporting/sales/get-sales-report";
import { addDays, endOfMonth } from "@/lib/reporting/sales/sales-drill";
import { getWorkQueues, type WorkQueue } from "./get-work-queues";

export type DailySales = { day: number; thisMonth: string | null; lastMonth: string | null; thisMonthCumulative: string | null; lastMonthCumulative: string | null };
export type Dashboard = {
  today: string;
  month: { from: string; to: string; label: string };
  lastMonth: { from: string; to: string; label: string };
  sales: null | {
    today: SalesFigures;
    thisMonth: SalesFigures;
    lastMonthToDate: SalesFigures;
    lastMonth: SalesFigures;
    /** This month against last month, day by day (taxable value, net of credit notes). */
    days: DailySales[];
    topRetailers: SalesGroup[];
    topProducts: SalesGroup[];
  };
  collections: null | { thisMonth: string; lastMonthToDate: string; receipts: number };
  ageing: null | { notDue: string; d0_30: string; d31_60: string; d61_90: string; d90_plus: string; total: string };
  queues: WorkQueue[];
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export async function getDashboard(ctx: Ctx): Promise<Dashboard> {
  if (ctx.actor.kind !== "staff") throw new AppError("forbidden", "The dashboard is for vendor staff");
  const actor = ctx.actor;
  const today = istDay(ctx.now());
  const monthKey = today.slice(0, 7);
  const month = { from: `${monthKey}-01`, to: endOfMonth(monthKey) };
  const lastMonthKey = addDays(month.from, -1).slice(0, 7);
  const lastMonth = { from: `${lastMonthKey}-01`, to: endOfMonth(lastMonthKey) };
  const dayOfMonth = Number(today.slice(8, 10));
  // The same days of last month (1–30 Nov against 1–30 Oct; 31 Mar against the 28th of February).
  const lastMonthToDate = addDays(lastMonth.from, Math.min(dayOfMonth, Number(lastMonth.to.slice(8, 10))) - 1);

  const mayReport = can(actor, "reports.read");
  const mayBilling = can(actor, "billing.read");
  // The overdue queue counts the ageing summary's overdue documents (one read of the open receivables).
  const ageingSummary = mayBilling ? getAgeingSummary(ctx) : null;
  const [thisDays, lastDays, topRetailers, topProducts, collections, ageing, queues] = await Promise.all([
    mayReport ? getSalesReport(ctx, { from: month.from, to: today, groupBy: "day" }) : null,
    mayReport ? getSalesReport(ctx, { from: lastMonth.from, to: lastMonth.to, groupBy: "day" }) : null,
    mayReport ? getSalesReport(ctx, { from: month.from, to: today, groupBy: "retailer", sort: "-taxable", limit: 5 }) : null,
    mayReport ? getSalesReport(ctx, { from: month.from, to: today, groupBy: "product", sort: "-taxable", limit: 5 }) : null,
    mayBilling ? collectionsOf(ctx, month.from, today, lastMonth.from, lastMonthToDate) : null,
    ageingSummary,
    getWorkQueues(ctx, today, ageingSummary?.then((a) => a.overdueDocuments)),
  ]);

  let sales: Dashboard["sales"] = null;
  if (thisDays && lastDays && topRetailers && topProducts) {
    const thisBy = new Map(thisDays.groups.map((g) => [Number(g.key.slice(8, 10)), g.taxable]));
    const lastBy = new Map(lastDays.groups.map((g) => [Number(g.key.slice(8, 10)), g.taxable]));
    const length = Math.max(Number(month.to.slice(8, 10)), Number(lastMonth.to.slice(8, 10)));
    let cThis = new Prisma.Decimal(0);
    let cLast = new Prisma.Decimal(0);
    let lastToDate = new Prisma.Decimal(0);
    const days: DailySales[] = [];
    for (let d = 1; d <= length; d++) {
      const t = d <= dayOfMonth ? (thisBy.get(d) ?? "0.00") : null;
      const l = lastBy.has(d) ? lastBy.get(d)! : d <= Number(lastMonth.to.slice(8, 10)) ? "0.00" : null;
      if (t !== null) cThis = cThis.plus(t);
      if (l !== null) cLast = cLast.plus(l);
      if (l !== null && d <= dayOfMonth) lastToDate = lastToDate.plus(l);
      days.push({ day: d, thisMonth: t, lastMonth: l, thisMonthCumulative: t === null ? null : cThis.toFixed(2), lastMonthCumulative: l === null ? null : cLast.toFixed(2) });
    }
    const todayGroup = thisDays.groups.find((g) => g.key === today);
    const lastToDateReport = await getSalesReport(ctx, { from: lastMonth.from, to: lastMonthToDate, groupBy: "month" });
    sales = {
      today: todayGroup ?? figures(null),
      thisMonth: thisDays.totals,
      lastMonthToDate: lastToDateReport.totals,
      lastMonth: lastDays.totals,
      days,
      topRetailers: topRetailers.groups,
      topProducts: topProducts.groups,
    };
  }

  return {
    today,
    month: { ...month, label: `${MONTHS[Number(monthKey.slice(5, 7)) - 1]} ${monthKey.slice(0, 4)}` },
    lastMonth: { ...lastMonth, label: `${MONTHS[Number(lastMonthKey.slice(5, 7)) - 1]} ${lastMonthKey.slice(0, 4)}` },
    sales,
    collections,
    ageing: ageing ? { notDue: ageing.notDue, d0_30: ageing.d0_30, d31_60: ageing.d31_60, d61_90: ageing.d61_90, d90_plus: ageing.d90_plus, total: ageing.total } : null,
    queues,
  };
}

/** Receipts recorded (not voided) in this month so far and in the same days of last month. */
async function collectionsOf(ctx: Ctx, from: string, to: string, lastFrom: string, lastTo: string) {
  const companyId = ctx.actor.kind === "staff" ? ctx.actor.companyId : "";
  const [r] = await ctx.db.$queryRaw<{ thisMonth: Prisma.Decimal | null; lastMonth: Prisma.Decimal | null; receipts: number }[]>`
    SELECT sum(amount) FILTER (WHERE "paidOn" >= ${from}::date) AS "thisMonth",
           sum(amount) FILTER (WHERE "paidOn" <= ${lastTo}::date) AS "lastMonth",
           count(*) FILTER (WHERE "paidOn" >= ${from}::date)::int AS receipts
    FROM "Payment"
    WHERE "companyId" = ${companyId} AND kind = 'RECEIPT' AND status = 'RECORDED'
      AND ("paidOn" BETWEEN ${from}::date AND ${to}::date OR "paidOn" BETWEEN ${lastFrom}::date AND ${lastTo}::date)`;
  return { thisMonth: new Prisma.Decimal(r?.thisMonth ?? 0).toFixed(2), lastMonthToDate: new Prisma.Decimal(r?.lastMonth ?? 0).toFixed(2), receipts: r?.receipts ?? 0 };
}
