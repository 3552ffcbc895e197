import "server-only";
// The company's receivables by ageing bucket and its overdue documents, read from OpenReceivables
// (a few rows per day with something open) instead of every open document: the dashboard's ageing
// card and its overdue queue. The same figures as getAgeing()'s totals for today — documents and
// receipts are never dated after today, so "issued by today" is every one of them. billing.read.
import { assertCan } from "@/lib/auth/permissions";
import type { AgeingBuckets } from "@/lib/billing/ledger-types";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { istDay } from "@/lib/pricing/dates";
import { addDays } from "@/lib/reporting/sales/sales-drill";

export type AgeingSummary = AgeingBuckets & { asOf: string; overdueDocuments: number };

type Row = Record<"notDue" | "d0_30" | "d31_60" | "d61_90" | "d90_plus" | "credit", Prisma.Decimal | null> & { overdue: number | null };

export async function getAgeingSummary(ctx: Ctx): Promise<AgeingSummary> {
  assertCan(ctx.actor, "billing.read");
  const today = istDay(ctx.now());
  // Days past due = today − due date: 1–30 is due from today−30 to yesterday, and so on.
  const d = (n: number) => addDays(today, -n);
  const [r] = await ctx.db.$queryRaw<Row[]>`
    SELECT sum(amount) FILTER (WHERE kind = 'DUE' AND day >= ${today}::date) AS "notDue",
           sum(amount) FILTER (WHERE kind = 'DUE' AND day BETWEEN ${d(30)}::date AND ${d(1)}::date) AS d0_30,
           sum(amount) FILTER (WHERE kind = 'DUE' AND day BETWEEN ${d(60)}::date AND ${d(31)}::date) AS d31_60,
           sum(amount) FILTER (WHERE kind = 'DUE' AND day BETWEEN ${d(90)}::date AND ${d(61)}::date) AS d61_90,
           sum(amount) FILTER (WHERE kind = 'DUE' AND day < ${d(90)}::date) AS d90_plus,
           sum(amount) FILTER (WHERE kind = 'CREDIT') AS credit,
           sum(documents) FILTER (WHERE kind = 'DUE' AND day < ${today}::date)::int AS overdue
    FROM "OpenReceivables" WHERE "companyId" = ${ctx.actor.companyId}`;
  const v = (x: Prisma.Decimal | null | undefined) => new Prisma.Decimal(x ?? 0);
  const buckets = [v(r?.notDue), v(r?.d0_30), v(r?.d31_60), v(r?.d61_90), v(r?.d90_plus)];
  const unapplied = v(r?.credit).negated();
  const total = buckets.reduce((s, b) => s.plus(b), unapplied);
  return {
    asOf: today,
    notDue: buckets[0]!.toFixed(2),
    d0_30: buckets[1]!.toFixed(2),
    d31_60: buckets[2]!.toFixed(2),
    d61_90: buckets[3]!.toFixed(2),
    d90_plus: buckets[4]!.toFixed(2),
    unappliedCredit: unapplied.toFixed(2),
    total: total.toFixed(2),
    overdueDocuments: r?.overdue ?? 0,
  };
}
