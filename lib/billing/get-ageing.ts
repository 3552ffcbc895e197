import "server-only";
// Receivables ageing: per retailer (connection) and for the whole company, the open amounts of
// issued invoices and debit notes by days past due (not due, 1–30, 31–60, 61–90, 90+), and the
// credit not yet applied as a negative column. One grouped SQL query (ageing-sql.ts) builds every
// connection's row; window sums give the company totals and the matching count in the same pass,
// so a page costs one scan of the open documents however many retailers there are.
// Per retailer: buckets + unapplied credit = total = getOutstanding; company total = sum of rows.
import { assertCan } from "@/lib/auth/permissions";
import type { AgeingBuckets } from "@/lib/billing/ledger-types";
import { ageingByConnection, ageingCte, bucketKeys, toBuckets, zeroBuckets, type BucketRow } from "@/lib/billing/ageing-sql";
import { ageingInput, type AgeingInput } from "@/lib/billing/payments.schemas";
import type { Ctx } from "@/lib/ctx";
import { containsPattern, startsWithPattern } from "@/lib/db/like";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";
import { isCalendarDay, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export type AgeingRow = {
  connectionId: string;
  retailerId: string;
  name: string;
  customerCode: string | null;
  creditLimit: string;
  paymentTermsDays: number;
  buckets: AgeingBuckets;
};

export type AgeingReport = { asOf: string; rows: AgeingRow[]; matching: number; page: number; pageSize: number; retailersWithBalance: number; totals: AgeingBuckets };

const sorts: Record<string, string> = {
  "-total": `s.total DESC, s.name ASC, s.cid`,
  total: `s.total ASC, s.name ASC, s.cid`,
  name: `s.name ASC, s.cid`,
  "-d90_plus": `s.d90_plus DESC, s.total DESC, s.cid`,
  "-d61_90": `s.d61_90 DESC, s.total DESC, s.cid`,
  "-notDue": `s."notDue" DESC, s.total DESC, s.cid`,
};

export async function getAgeing(ctx: Ctx, input: AgeingInput | unknown = {}): Promise<AgeingReport> {
  assertCan(ctx.actor, "billing.read");
  const companyId = ctx.actor.companyId;
  const q = parseInput(ageingInput, input ?? {});
  const today = istDay(ctx.now());
  const asOf = q.asOf ?? today;
  if (!isCalendarDay(asOf)) throw new AppError("validation", "As-of is not a calendar day", { fieldErrors: { asOf: ["Not a calendar day"] } });
  const text = q.q?.trim();
  const filter = text ? Prisma.sql`WHERE s.name ILIKE ${containsPattern(text)} OR s."legalName" ILIKE ${containsPattern(text)} OR s."customerCode" ILIKE ${startsWithPattern(text)}` : Prisma.empty;
  const totalsCols = Prisma.raw(bucketKeys.map((k) => `sum(per."${k}")::text AS "t_${k}"`).join(", "));
  // One pass: the per-retailer rows are built once (a CTE used more than once is materialized), the
  // totals row always comes back (also for an empty page) and the page is joined to it.
  const rows = await ctx.db.$queryRaw<(Partial<BucketRow> & Record<`t_${(typeof bucketKeys)[number]}`, string | null> & RowMeta)[]>`
    ${ageingCte({ companyId }, asOf, { historic: asOf < today })},
    named AS (
      SELECT per.*, c."retailerId", coalesce(r."tradeName", r."legalName") AS name, r."legalName", c."customerCode", c."creditLimit", c."paymentTermsDays"
      FROM per JOIN "Connection" c ON c.id = per.cid JOIN "Retailer" r ON r.id = c."retailerId"
    ),
    hits AS (SELECT * FROM named s ${filter}),
    tot AS (SELECT ${totalsCols}, count(*)::int AS everyone, (SELECT count(*)::int FROM hits) AS matching FROM per),
    page AS (SELECT * FROM hits s ORDER BY ${Prisma.raw(sorts[q.sort])} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize})
    SELECT s.cid, s."retailerId", s.name, s."customerCode", s."creditLimit"::text AS "creditLimit", s."paymentTermsDays",
           ${Prisma.raw(bucketKeys.map((k) => `s."${k}"::text AS "${k}"`).join(", "))},
           ${Prisma.raw(bucketKeys.map((k) => `tot."t_${k}"`).join(", "))}, tot.everyone, tot.matching
    FROM tot LEFT JOIN page s ON TRUE
    ORDER BY ${Prisma.raw(sorts[q.sort])}`;

  const t = rows[0];
  const totals = toBuckets(Object.fromEntries(bucketKeys.map((k) => [k, t[`t_${k}`]])));
  const pageRows = rows.filter((r): r is typeof r & { cid: string } => r.cid !== null);
  return {
    asOf,
    rows: pageRows.map((r) => ({ connectionId: r.cid, retailerId: r.retailerId, name: r.name, customerCode: r.customerCode, creditLimit: r.creditLimit, paymentTermsDays: r.paymentTermsDays, buckets: toBuckets(r) })),
    matching: t.matching,
    page: q.page,
    pageSize: q.pageSize,
    retailersWithBalance: t.everyone,
    totals,
  };
}

type RowMeta = { cid: string | null; retailerId: string; name: string; customerCode: string | null; creditLimit: string; paymentTermsDays: number; everyone: number; matching: number };

export type MyOutstanding = {
  vendor: { code: string; name: string };
  connectionId: string;
  status: ConnectionStatus;
  creditLimit: string;
  paymentTermsDays: number;
  /** Ledger balance today: positive = the retailer owes the vendor. */
  outstanding: string;
  ageing: AgeingBuckets;
};

/** A retailer's outstanding with each of its vendors (portal, GET /me/outstanding). */
export async function getMyOutstanding(ctx: Ctx): Promise<MyOutstanding[]> {
  if (ctx.actor.kind !== "retailer") throw new AppError("forbidden", "This is for retailer users");
  const retailerId = ctx.actor.retailerId;
  const today = istDay(ctx.now());
  const [connections, ageing] = await Promise.all([
    ctx.db.connection.findMany({ where: { retailerId }, include: { company: { select: { code: true, legalName: true, tradeName: true } } }, orderBy: { createdAt: "asc" } }),
    ageingByConnection(ctx.db, { retailerId }, today, today),
  ]);
  return connections
    .filter((c) => c.status === "ACTIVE" || ageing.has(c.id))
    .map((c) => {
      const buckets = ageing.get(c.id) ?? zeroBuckets();
      return {
        vendor: { code: c.company.code, name: c.company.tradeName ?? c.company.legalName },
        connectionId: c.id,
        status: c.status,
        creditLimit: c.creditLimit.toFixed(2),
        paymentTermsDays: c.paymentTermsDays,
        outstanding: buckets.total,
        ageing: buckets,
      };
    });
}
