import "server-only";
// Collections (GET /api/v1/reports/receivables/collections): money received from retailers in a
// range of days, grouped by day, week, month, mode of payment or retailer. Recorded receipts add,
// recorded refunds are shown beside them and netted; voided payments are left out. The day is the
// day the money moved (paidOn). A by-mode split of the whole range comes with every grouping.
// reports.read + billing.read; every query names the company.
import { paymentMethodLabels, type PaymentMethod } from "@/lib/billing/payments.schemas";
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRange } from "@/lib/reporting/sales/get-sales-report";
import { daysBetween, groupName, periodKeys } from "@/lib/reporting/sales/sales-drill";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { collectionsInput, type CollectionGrouping, type ReceivablesFilterValues } from "./receivables.schemas";

export type CollectionFigures = { receipts: number; received: string; refunds: number; refunded: string; net: string };
export type CollectionGroup = CollectionFigures & { key: string; name: string; code: string | null };
export type Collections = {
  from: string;
  to: string;
  groupBy: CollectionGrouping;
  filters: ReceivablesFilterValues;
  groups: CollectionGroup[];
  truncated: boolean;
  byMode: CollectionGroup[];
  totals: CollectionFigures;
};

type SumsRow = { receipts: number; received: Prisma.Decimal | null; refunds: number; refunded: Prisma.Decimal | null };
type GroupRow = SumsRow & { key: string; label: string | null; code: string | null; groups: number };

export async function getCollections(ctx: Ctx, input: unknown): Promise<Collections> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "receivables");
  const q = readRange(parseInput(collectionsInput, input));
  const companyId = ctx.actor.companyId;
  const filters = pickReceivablesFilters(q);
  const payments = paymentsSql(companyId, q.from, q.to, filters);
  const key = {
    day: Prisma.sql`to_char("paidOn", 'YYYY-MM-DD')`,
    week: Prisma.sql`to_char(date_trunc('week', "paidOn"), 'YYYY-MM-DD')`,
    month: Prisma.sql`to_char("paidOn", 'YYYY-MM')`,
    mode: Prisma.sql`method::text`,
    retailer: Prisma.sql`"connectionId"`,
  }[q.groupBy];
  const label =
    q.groupBy === "retailer"
      ? { select: Prisma.sql`coalesce(r."tradeName", r."legalName") AS label, c."customerCode" AS code`, join: Prisma.sql`LEFT JOIN "Connection" c ON c.id = g.key AND c."companyId" = ${companyId} LEFT JOIN "Retailer" r ON r.id = c."retailerId"` }
      : { select: Prisma.sql`NULL::text AS label, NULL::text AS code`, join: Prisma.empty };
  const periodic = q.groupBy === "day" || q.groupBy === "week" || q.groupBy === "month";
  const order = periodic ? Prisma.sql`g.key` : Prisma.sql`g.received - g.refunded DESC, g.key`;
  const sums = Prisma.sql`count(*) FILTER (WHERE kind = 'RECEIPT')::int AS receipts, coalesce(sum(amount) FILTER (WHERE kind = 'RECEIPT'), 0) AS received,
    count(*) FILTER (WHERE kind = 'REFUND')::int AS refunds, coalesce(sum(amount) FILTER (WHERE kind = 'REFUND'), 0) AS refunded`;
  const [rows, byMode, [totals]] = await Promise.all([
    ctx.db.$queryRaw<GroupRow[]>`
      WITH pay AS (${payments}), g AS (SELECT ${key} AS key, ${sums} FROM pay GROUP BY 1)
      SELECT g.*, ${label.select}, count(*) OVER ()::int AS groups FROM g ${label.join}
      ORDER BY ${order} LIMIT ${q.limit}`,
    ctx.db.$queryRaw<(SumsRow & { key: string })[]>`WITH pay AS (${payments}) SELECT method::text AS key, ${sums} FROM pay GROUP BY 1 ORDER BY received DESC, key`,
    ctx.db.$queryRaw<SumsRow[]>`WITH pay AS (${payments}) SELECT ${sums} FROM pay`,
  ]);
  let groups: CollectionGroup[] = rows.map((r) => ({ key: r.key, name: collectionGroupName(q.groupBy, r.key, r.label), code: r.code, ...collectionFigures(r) }));
  if (periodic && daysBetween(q.from, q.to) <= 400) {
    // Days without a payment still appear (a chart's gaps are real zeros).
    const byKey = new Map(groups.map((g) => [g.key, g]));
    groups = periodKeys(q.groupBy as "day" | "week" | "month", q).map((k) => byKey.get(k) ?? { key: k, name: collectionGroupName(q.groupBy, k, null), code: null, ...collectionFigures(null) });
  }
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    filters,
    groups,
    truncated: (rows[0]?.groups ?? 0) > rows.length,
    byMode: byMode.map((r) => ({ key: r.key, name: paymentMethodLabels[r.key as PaymentMethod] ?? r.key, code: null, ...collectionFigures(r) })),
    totals: collectionFigures(totals ?? null),
  };
}

/** Recorded receipts and refunds of the company paid on from..to, narrowed by the filters. */
export function paymentsSql(companyId: string, from: string, to: string, f: ReceivablesFilterValues): Prisma.Sql {
  const where = [Prisma.sql`"companyId" = ${companyId}`, Prisma.sql`status = 'RECORDED'`, Prisma.sql`"paidOn" BETWEEN ${from}::date AND ${to}::date`];
  if (f.connectionId) where.push(Prisma.sql`"connectionId" = ${f.connectionId}`);
  if (f.method) where.push(Prisma.sql`method = ${f.method}::"PaymentMethod"`);
  return Prisma.sql`SELECT id, kind, method, amount, "paidOn", "connectionId" FROM "Payment" WHERE ${Prisma.join(where, " AND ")}`;
}

export function collectionFigures(r: SumsRow | null): CollectionFigures {
  const received = new Prisma.Decimal(r?.received ?? 0);
  const refunded = new Prisma.Decimal(r?.refunded ?? 0);
  return { receipts: r?.receipts ?? 0, received: received.toFixed(2), refunds: r?.refunds ?? 0, refunded: refunded.toFixed(2), net: received.minus(refunded).toFixed(2) };
}

export function collectionGroupName(g: CollectionGrouping, key: string, label: string | null): string {
  if (g === "mode") return paymentMethodLabels[key as PaymentMethod] ?? key;
  if (g === "retailer") return label ?? key;
  return groupName(g, key, label);
}

export function pickReceivablesFilters(q: ReceivablesFilterValues): ReceivablesFilterValues {
  const out: ReceivablesFilterValues = {};
  if (q.connectionId !== undefined) out.connectionId = q.connectionId;
  if (q.method !== undefined) out.method = q.method;
  return out;
}
