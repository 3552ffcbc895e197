import "server-only";
// Rebuilds one company's OpenReceivables from its documents and receipts, in one transaction: for
// rows written around the billing functions (bulk loads such as bench/reports.ts) and as a repair
// tool. Every billing write keeps the table current on its own (open-receivables.ts).
import type { PrismaClient } from "@/lib/db/client";

export async function rebuildOpenReceivables(db: PrismaClient, companyId: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // Billing writes of the company wait at their upsert until this commits (their documents are then counted once).
      await tx.$executeRaw`LOCK TABLE "OpenReceivables" IN SHARE ROW EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "OpenReceivables" WHERE "companyId" = ${companyId}`;
      // The migration's backfill (20261207110000_open_receivables), for one company.
      return tx.$executeRaw`
        INSERT INTO "OpenReceivables" ("companyId", "kind", "day", "connectionId", "amount", "documents")
        SELECT "companyId", kind, day, "connectionId", sum(open), count(*)::int
        FROM (
          SELECT "companyId", (CASE WHEN type = 'CREDIT_NOTE' THEN 'CREDIT' ELSE 'DUE' END)::"ReceivableKind" AS kind,
                 CASE WHEN type = 'CREDIT_NOTE' THEN "issueDate" ELSE "dueDate" END AS day, "connectionId", "grandTotal" - "settledAmount" AS open
          FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "settledAmount" < "grandTotal"
          UNION ALL
          SELECT "companyId", 'CREDIT'::"ReceivableKind", "paidOn", "connectionId", amount - "allocatedAmount"
          FROM "Payment" WHERE "companyId" = ${companyId} AND kind = 'RECEIPT' AND status = 'RECORDED' AND "allocatedAmount" < amount
        ) o
        GROUP BY 1, 2, 3, 4`;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
