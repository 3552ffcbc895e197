import "server-only";
// Gapless document numbers (invoices, credit and debit notes, delivery challans, receipts and refunds:
// per company, series and financial year) with the series' counter row locked for the last statement of the
// issuing transaction only. The document is written first under a provisional number (never
// committed: unique, no "/", so it can never be a real number), everything else the transaction does
// runs without the counter's lock, and then ONE statement takes the next number, puts it on the
// document and into the document's audit row. The lock is held from that statement to the commit, so
// concurrent documents of a series still get consecutive numbers, and a rollback gives the number
// back; but the counter no longer serialises the rest of the work (lines, rollups, receivables, jobs,
// audit), which took ~10 round trips with the lock held when the number was taken first.
import { randomInt } from "node:crypto";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { financialYearLabel, MAX_DOCUMENT_NUMBER_LENGTH } from "@/lib/inventory/numbering";

export { billingNumberWidth } from "@/lib/inventory/numbering";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const tables = { Invoice: Prisma.raw(`"Invoice"`), DeliveryChallan: Prisma.raw(`"DeliveryChallan"`), Payment: Prisma.raw(`"Payment"`) } as const;
export type NumberedTable = keyof typeof tables;

/** "Z-" and 14 random characters: fits the number columns and checks, and never looks like SERIES/YY-YY/N. */
export function provisionalNumber(): string {
  let s = "Z-";
  for (let i = 0; i < 14; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export function isProvisionalNumber(n: string): boolean {
  return /^Z-[A-Z0-9]{14}$/.test(n);
}

export type AssignNumberArgs = {
  table: NumberedTable;
  /** The document written under a provisional number in this transaction. */
  id: string;
  companyId: string;
  series: string;
  /** Digits the running number is padded to; it may grow past them while the number fits 16 characters. */
  width: number;
  date: Date;
  /** The audit row written for the document in this transaction (its after.number is set). */
  auditAction: string;
  /** The provisional number the document was written under, and an order timeline entry that names it (replaced by the number). */
  provisional?: string;
  orderEventId?: string | null;
};

/**
 * Takes the next number of the series and gives it to the document. Call it as the transaction's
 * last statement: its counter lock is held until commit.
 */
export async function assignNumberLast(tx: Prisma.TransactionClient, a: AssignNumberArgs): Promise<string> {
  const fy = financialYearLabel(a.date);
  const head = `${a.series}/${fy}/`;
  const max = 10 ** (MAX_DOCUMENT_NUMBER_LENGTH - head.length) - 1;
  const table = tables[a.table];
  const [row] = await tx.$queryRaw<{ number: string }[]>`
    WITH n AS (
      UPDATE "DocumentSequence" SET last = last + 1, "updatedAt" = now()
      WHERE "companyId" = ${a.companyId} AND series = ${a.series} AND "financialYear" = ${fy} AND last < ${max}::int
      RETURNING last
    ), d AS (
      UPDATE ${table} AS t SET number = ${head}::text || CASE WHEN length(n.last::text) >= ${a.width}::int THEN n.last::text ELSE lpad(n.last::text, ${a.width}::int, '0') END FROM n
      WHERE t.id = ${a.id} AND t."companyId" = ${a.companyId}
      RETURNING t.number
    ), au AS (
      UPDATE "AuditLog" AS l SET after = jsonb_set(l.after, '{number}', to_jsonb(d.number)) FROM d
      WHERE l."entityType" = ${a.table} AND l."entityId" = ${a.id} AND l.action = ${a.auditAction} AND l.after IS NOT NULL
      RETURNING 1
    ), oe AS (
      UPDATE "OrderEvent" AS e SET note = replace(e.note, ${a.provisional ?? ""}::text, d.number), data = CASE WHEN e.data ? 'number' THEN jsonb_set(e.data, '{number}', to_jsonb(d.number)) ELSE e.data END FROM d
      WHERE e.id = ${a.orderEventId ?? ""} AND e."companyId" = ${a.companyId}
      RETURNING 1
    )
    SELECT number FROM d`;
  if (row) return row.number;
  return firstOrExhausted(tx, a, fy, head, max);
}

/**
 * No counter row took the number: the series' first document this financial year (the row is made
 * after any documents already there: data from before the counters, or loaded in bulk), or a series
 * that has used all its numbers. Once per series and year, so its few statements under the lock
 * cost nothing in the long run.
 */
async function firstOrExhausted(tx: Prisma.TransactionClient, a: AssignNumberArgs, fy: string, head: string, max: number): Promise<string> {
  const table = tables[a.table];
  const [existing] = await tx.$queryRaw<{ last: number }[]>`SELECT last FROM "DocumentSequence" WHERE "companyId" = ${a.companyId} AND series = ${a.series} AND "financialYear" = ${fy}`;
  if (existing && existing.last >= max) {
    throw new AppError("conflict", `Series ${a.series} has used all its numbers this financial year: choose a new series in Settings → GST`);
  }
  // Two first documents at once meet on the primary key; the second takes the conflict branch and
  // waits for the first's row lock like any other.
  const [taken] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentSequence" ("companyId", series, "financialYear", last)
    VALUES (${a.companyId}, ${a.series}, ${fy},
            1 + coalesce((SELECT max(split_part(number, '/', 3)::int) FROM ${table} WHERE "companyId" = ${a.companyId} AND number LIKE ${`${head}%`}), 0))
    ON CONFLICT ("companyId", series, "financialYear") DO UPDATE SET last = "DocumentSequence".last + 1, "updatedAt" = now()
    RETURNING last`;
  if (taken!.last > max) throw new AppError("conflict", `Series ${a.series} has used all its numbers this financial year: choose a new series in Settings → GST`);
  const number = `${head}${String(taken!.last).padStart(a.width, "0")}`;
  await tx.$executeRaw`UPDATE ${table} SET number = ${number} WHERE id = ${a.id} AND "companyId" = ${a.companyId}`;
  await tx.$executeRaw`UPDATE "AuditLog" SET after = jsonb_set(after, '{number}', to_jsonb(${number}::text)) WHERE "entityType" = ${a.table} AND "entityId" = ${a.id} AND action = ${a.auditAction} AND after IS NOT NULL`;
  if (a.orderEventId) {
    await tx.$executeRaw`UPDATE "OrderEvent" SET note = replace(note, ${a.provisional ?? ""}::text, ${number}::text), data = CASE WHEN data ? 'number' THEN jsonb_set(data, '{number}', to_jsonb(${number}::text)) ELSE data END WHERE id = ${a.orderEventId} AND "companyId" = ${a.companyId}`;
  }
  return number;
}
