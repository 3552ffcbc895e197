import "server-only";
// The ageing of open amounts per connection, as one grouped SQL query (FILTER clauses per bucket),
// shared by the receivables report, the ledger's ageing strip and the portal's outstanding cards.
//
// Documents dated after `asOf` do not exist yet. An allocation counts from the later of its two
// documents' dates (a receipt of 10 May settling an invoice of 2 May counts from 10 May), so for a
// past `asOf` the allocations that became effective later are added back to both sides' open amounts.
// With that rule, buckets + unapplied credit = the ledger balance on `asOf` (recordRefund refuses a
// refund dated before the credit it pays back, so refunds never break it). For today or later
// (the common case) every allocation is effective and the query reads the stored running totals only.
import type { PrismaClient, Tx } from "@/lib/db/client";
import type { AgeingBuckets } from "@/lib/billing/ledger-types";
import { Prisma } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Tx;
const D = Prisma.Decimal;

export type AgeingScope = { companyId: string; connectionId?: string } | { retailerId: string };

export const bucketKeys = ["notDue", "d0_30", "d31_60", "d61_90", "d90_plus", "unappliedCredit", "total"] as const;

/**
 * `WITH … per AS (…)` yielding one row per connection: cid, "notDue", d0_30, d31_60, d61_90,
 * d90_plus, "unappliedCredit" (≤ 0) and total, all numeric. Callers append their SELECT.
 */
export function ageingCte(scope: AgeingScope, asOf: string, opts: { historic: boolean }): Prisma.Sql {
  const day = Prisma.sql`${asOf}::date`;
  const where = (alias: string) => {
    const a = Prisma.raw(`${alias}.`);
    if ("retailerId" in scope) return Prisma.sql`${a}"retailerId" = ${scope.retailerId}`;
    return scope.connectionId ? Prisma.sql`${a}"companyId" = ${scope.companyId} AND ${a}"connectionId" = ${scope.connectionId}` : Prisma.sql`${a}"companyId" = ${scope.companyId}`;
  };
  const allocScope =
    "retailerId" in scope
      ? Prisma.sql`a."connectionId" IN (SELECT id FROM "Connection" WHERE "retailerId" = ${scope.retailerId})`
      : scope.connectionId
        ? Prisma.sql`a."companyId" = ${scope.companyId} AND a."connectionId" = ${scope.connectionId}`
        : Prisma.sql`a."companyId" = ${scope.companyId}`;

  const later = opts.historic
    ? Prisma.sql`later AS (
        SELECT doc, sum(amount) AS amount FROM (
          SELECT unnest(ARRAY[coalesce(a."paymentId", a."creditNoteId"), a."invoiceId"]) AS doc, a.amount
          FROM "Allocation" a
          LEFT JOIN "Payment" p ON p.id = a."paymentId"
          LEFT JOIN "Invoice" cn ON cn.id = a."creditNoteId"
          LEFT JOIN "Invoice" t ON t.id = a."invoiceId"
          LEFT JOIN "Payment" r ON r.id = a."refundId"
          WHERE ${allocScope} AND greatest(coalesce(p."paidOn", cn."issueDate"), coalesce(t."issueDate", r."paidOn")) > ${day}
        ) s WHERE doc IS NOT NULL GROUP BY doc
      ),`
    : Prisma.empty;
  // A hash join on the later allocations (not a correlated lookup per document: a CTE has no index).
  const addBack = (alias: string) => (opts.historic ? Prisma.sql` + coalesce(${Prisma.raw(`l_${alias}`)}.amount, 0)` : Prisma.empty);
  const joinLater = (alias: string) => (opts.historic ? Prisma.raw(`LEFT JOIN later l_${alias} ON l_${alias}.doc = ${alias}.id`) : Prisma.empty);
  const onlyOpenInv = opts.historic ? Prisma.empty : Prisma.sql`AND i."settledAmount" < i."grandTotal"`;
  const onlyOpenPay = opts.historic ? Prisma.empty : Prisma.sql`AND p."allocatedAmount" < p.amount`;

  return Prisma.sql`WITH ${later}
    open_docs AS (
      SELECT i."connectionId" AS cid, (i.type = 'CREDIT_NOTE') AS credit, ${day} - i."dueDate" AS late,
             i."grandTotal" - i."settledAmount"${addBack("i")} AS open
      FROM "Invoice" i ${joinLater("i")}
      WHERE ${where("i")} AND i.status = 'ISSUED' AND i."issueDate" <= ${day} ${onlyOpenInv}
      UNION ALL
      SELECT p."connectionId", TRUE, NULL, p.amount - p."allocatedAmount"${addBack("p")}
      FROM "Payment" p ${joinLater("p")}
      WHERE ${where("p")} AND p.kind = 'RECEIPT' AND p.status = 'RECORDED' AND p."paidOn" <= ${day} ${onlyOpenPay}
    ),
    per AS (
      SELECT cid, "notDue", d0_30, d31_60, d61_90, d90_plus, "unappliedCredit",
             "notDue" + d0_30 + d31_60 + d61_90 + d90_plus + "unappliedCredit" AS total
      FROM (
        SELECT cid,
          coalesce(sum(open) FILTER (WHERE NOT credit AND late <= 0), 0) AS "notDue",
          coalesce(sum(open) FILTER (WHERE NOT credit AND late BETWEEN 1 AND 30), 0) AS d0_30,
          coalesce(sum(open) FILTER (WHERE NOT credit AND late BETWEEN 31 AND 60), 0) AS d31_60,
          coalesce(sum(open) FILTER (WHERE NOT credit AND late BETWEEN 61 AND 90), 0) AS d61_90,
          coalesce(sum(open) FILTER (WHERE NOT credit AND late > 90), 0) AS d90_plus,
          -coalesce(sum(open) FILTER (WHERE credit), 0) AS "unappliedCredit"
        FROM open_docs GROUP BY cid
      ) g
      WHERE "notDue" <> 0 OR d0_30 <> 0 OR d31_60 <> 0 OR d61_90 <> 0 OR d90_plus <> 0 OR "unappliedCredit" <> 0
    )`;
}

/** SELECT list of the buckets of `per` (alias) as text, for rows read back with toBuckets. */
export function bucketColumns(alias = "per"): Prisma.Sql {
  return Prisma.raw(bucketKeys.map((k) => `${alias}."${k}"::text AS "${k}"`).join(", "));
}

export type BucketRow = Record<(typeof bucketKeys)[number], string | null>;

export function toBuckets(row: Partial<BucketRow> | undefined): AgeingBuckets {
  const v = (k: (typeof bucketKeys)[number]) => new D(row?.[k] ?? 0).toFixed(2);
  return { notDue: v("notDue"), d0_30: v("d0_30"), d31_60: v("d31_60"), d61_90: v("d61_90"), d90_plus: v("d90_plus"), unappliedCredit: v("unappliedCredit"), total: v("total") };
}

export const zeroBuckets = (): AgeingBuckets => toBuckets(undefined);

/** Ageing of each connection in scope as of `asOf`. */
export async function ageingByConnection(db: Db, scope: AgeingScope, asOf: string, today: string): Promise<Map<string, AgeingBuckets>> {
  const rows = await db.$queryRaw<(BucketRow & { cid: string })[]>`${ageingCte(scope, asOf, { historic: asOf < today })} SELECT cid, ${bucketColumns()} FROM per`;
  return new Map(rows.map((r) => [r.cid, toBuckets(r)]));
}
