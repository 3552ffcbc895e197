import "server-only";
// Keeps the sales rollups equal to the issued documents: called inside the transaction that issues a
// document (lib/billing/write-document.ts, sign 1) or cancels it (lib/billing/cancel-invoice.ts,
// sign −1), after the document and its lines are written. Nothing else changes what a document adds
// to the sales figures (issued documents and their lines are immutable in the database).
import type { SqlRunner } from "@/lib/db/sql-runner";
import { applySalesRollupsSql } from "./rollup-write-sql";

/** run: the transaction's statements (lib/db/sql-tx.ts; prismaRunner for a Prisma transaction). */
export async function recordSalesRollups(run: SqlRunner, args: { companyId: string; invoiceId: string; sign: 1 | -1 }): Promise<void> {
  const sql = applySalesRollupsSql({ companyId: args.companyId, invoiceId: args.invoiceId }, args.sign);
  await run.query(sql.text, sql.values);
}
