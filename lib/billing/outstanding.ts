import "server-only";
// What a retailer owes a vendor: the ledger balance. Issued invoices + debit notes + refunds −
// recorded receipts − issued credit notes. Cancelled documents and voided payments do not count.
// Allocations only say which debt a payment settled; they never change this figure, so it is the
// same number as the ledger's closing balance and the ageing total (see ageing-sql.ts).
import type { PrismaClient, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Tx;
const D = Prisma.Decimal;

/** The ledger balance of one connection today, "1250.50" (negative = the vendor owes the retailer). */
export async function getOutstanding(db: Db, args: { companyId: string; connectionId: string }): Promise<string> {
  const map = await getOutstandingByConnection(db, args.companyId, [args.connectionId]);
  return map.get(args.connectionId) ?? "0.00";
}

/** Ledger balances of many connections (all of the company's when `connectionIds` is left out). Connections without documents are absent. */
export async function getOutstandingByConnection(db: Db, companyId: string, connectionIds?: string[]): Promise<Map<string, string>> {
  if (connectionIds && connectionIds.length === 0) return new Map();
  const inv = connectionIds ? Prisma.sql`AND "connectionId" = ANY(${connectionIds}::text[])` : Prisma.empty;
  const rows = await db.$queryRaw<{ connectionId: string; balance: string }[]>`
    SELECT "connectionId", sum(v)::text AS balance FROM (
      SELECT "connectionId", CASE WHEN type = 'CREDIT_NOTE' THEN -"grandTotal" ELSE "grandTotal" END AS v
      FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' ${inv}
      UNION ALL
      SELECT "connectionId", CASE WHEN kind = 'REFUND' THEN amount ELSE -amount END
      FROM "Payment" WHERE "companyId" = ${companyId} AND status = 'RECORDED' ${inv}
    ) t GROUP BY "connectionId"`;
  return new Map(rows.map((r) => [r.connectionId, new D(r.balance).toFixed(2)]));
}

/** Ledger balance from documents dated before `day` ("YYYY-MM-DD"): the opening balance of a statement starting that day. */
export async function getBalanceBefore(db: Db, args: { companyId: string; connectionId: string; day: string }): Promise<string> {
  const [row] = await db.$queryRaw<{ balance: string | null }[]>`
    SELECT sum(v)::text AS balance FROM (
      SELECT CASE WHEN type = 'CREDIT_NOTE' THEN -"grandTotal" ELSE "grandTotal" END AS v
      FROM "Invoice" WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId} AND status = 'ISSUED' AND "issueDate" < ${args.day}::date
      UNION ALL
      SELECT CASE WHEN kind = 'REFUND' THEN amount ELSE -amount END
      FROM "Payment" WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId} AND status = 'RECORDED' AND "paidOn" < ${args.day}::date
    ) t`;
  return new D(row?.balance ?? 0).toFixed(2);
}

/** Credit the retailer has not used yet: receipts not allocated + credit notes not applied (≥ 0). */
export async function getUnappliedCredit(db: Db, args: { companyId: string; connectionId: string }): Promise<string> {
  const [row] = await db.$queryRaw<{ credit: string | null }[]>`
    SELECT (coalesce((SELECT sum(amount - "allocatedAmount") FROM "Payment" WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId} AND kind = 'RECEIPT' AND status = 'RECORDED'), 0)
          + coalesce((SELECT sum("grandTotal" - "settledAmount") FROM "Invoice" WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId} AND type = 'CREDIT_NOTE' AND status = 'ISSUED'), 0))::text AS credit`;
  return new D(row?.credit ?? 0).toFixed(2);
}
