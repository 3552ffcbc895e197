import "server-only";
// Keeps OpenReceivables equal to what is open, in the transaction that changes it. What a document
// holds open is a function of its row (receivableOf); every writer of those rows — issuing
// (write-document.ts), cancelling (cancel-invoice.ts), recording a receipt (record-payment.ts),
// voiding one (void-payment.ts) and every allocation or release (allocations.ts) — passes the row
// before and after to moveOpenReceivables. Rows are keyed by retailer: the writers of one retailer's
// ledger hold its connection lock, so nobody else touches its rows meanwhile.
import type { SqlRunner } from "@/lib/db/sql-runner";
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** The columns of an Invoice or a Payment row that decide what it holds open. */
export type InvoiceState = { companyId: string; connectionId: string; type: string; status: string; issueDate: Date; dueDate: Date; grandTotal: Decimal | string; settledAmount: Decimal | string };
export type PaymentState = { companyId: string; connectionId: string; kind: string; status: string; paidOn: Date; amount: Decimal | string; allocatedAmount: Decimal | string };
type Open = { companyId: string; connectionId: string; kind: "DUE" | "CREDIT"; day: Date; amount: Decimal; documents: number };

/** What a document holds open: an issued invoice, debit or credit note, or a recorded receipt; null for anything else. */
export function receivableOf(row: InvoiceState | PaymentState): Open | null {
  if ("type" in row) {
    if (row.status !== "ISSUED") return null;
    const open = new D(row.grandTotal).minus(row.settledAmount);
    const credit = row.type === "CREDIT_NOTE";
    return { companyId: row.companyId, connectionId: row.connectionId, kind: credit ? "CREDIT" : "DUE", day: credit ? row.issueDate : row.dueDate, amount: open, documents: open.gt(0) ? 1 : 0 };
  }
  if (row.kind !== "RECEIPT" || row.status !== "RECORDED") return null;
  const open = new D(row.amount).minus(row.allocatedAmount);
  return { companyId: row.companyId, connectionId: row.connectionId, kind: "CREDIT", day: row.paidOn, amount: open, documents: open.gt(0) ? 1 : 0 };
}

/**
 * How every INSERT into OpenReceivables ends: a key already there gets the amount and the documents added
 * (negative ones take away). The writers of one retailer's rows hold its connection lock.
 */
export const addToOpenReceivablesSql = `ON CONFLICT ("companyId", kind, day, "connectionId")
DO UPDATE SET amount = "OpenReceivables".amount + EXCLUDED.amount, documents = "OpenReceivables".documents + EXCLUDED.documents`;

/**
 * Moves what one document holds open from `before` to `after` (null: nothing, e.g. before issue or after
 * cancelling). run: the transaction's statements (lib/db/sql-tx.ts; prismaRunner for a Prisma transaction).
 */
export async function moveOpenReceivables(run: SqlRunner, before: Open | null, after: Open | null): Promise<void> {
  const key = after ?? before;
  if (!key) return;
  if (before && after && (before.kind !== after.kind || before.day.getTime() !== after.day.getTime() || before.connectionId !== after.connectionId)) {
    // A document's kind, day and retailer never change (issued documents and receipts are immutable).
    throw new Error("A receivable cannot move to another day or retailer");
  }
  const amount = (after?.amount ?? new D(0)).minus(before?.amount ?? new D(0));
  const documents = (after?.documents ?? 0) - (before?.documents ?? 0);
  if (amount.isZero() && documents === 0) return;
  const params = [key.companyId, key.kind, key.day.toISOString().slice(0, 10), key.connectionId];
  const [row] = await run.query<{ documents: number }>(
    `INSERT INTO "OpenReceivables" ("companyId", "kind", "day", "connectionId", "amount", "documents")
     VALUES ($1::text, $2::"ReceivableKind", $3::date, $4::text, $5::numeric, $6::int)
     ${addToOpenReceivablesSql}
     RETURNING "documents"`,
    [...params, amount.toFixed(2), documents],
  );
  // Nothing open on that day any more: the row goes, so the table holds what is open, not history.
  if (row && Number(row.documents) === 0) {
    await run.query(`DELETE FROM "OpenReceivables" WHERE "companyId" = $1::text AND "kind" = $2::"ReceivableKind" AND "day" = $3::date AND "connectionId" = $4::text AND "documents" = 0`, params);
  }
}
