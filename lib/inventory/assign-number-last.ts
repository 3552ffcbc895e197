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
import type { SqlRunner } from "@/lib/db/sql-runner";
import { financialYearLabel, MAX_DOCUMENT_NUMBER_LENGTH } from "@/lib/inventory/numbering";

export { billingNumberWidth } from "@/lib/inventory/numbering";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const tables = ["Invoice", "DeliveryChallan", "Payment"] as const;
export type NumberedTable = (typeof tables)[number];

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
 * last statement: its counter lock is held until commit. run: the transaction's statements
 * (lib/db/sql-tx.ts; prismaRunner for a Prisma transaction).
 */
export async function assignNumberLast(run: SqlRunner, a: AssignNumberArgs): Promise<string> {
  const fy = financialYearLabel(a.date);
  const head = `${a.series}/${fy}/`;
  const max = 10 ** (MAX_DOCUMENT_NUMBER_LENGTH - head.length) - 1;
  const [row] = await run.query<{ number: string }>(takeNumberSql[a.table], [a.companyId, a.series, fy, max, head, a.width, a.id, a.auditAction, a.provisional ?? "", a.orderEventId ?? ""]);
  if (row) return row.number;
  return firstOrExhausted(run, a, fy, head, max);
}

/**
 * $1 company  $2 series  $3 financial year  $4 the highest running number  $5 the number's head
 * ("INV/25-26/")  $6 width  $7 the document  $8 its audit row's action  $9 the provisional number
 * $10 the order timeline entry that names it ("" for none).
 */
const takeNumberSql = Object.fromEntries(
  tables.map((table) => [
    table,
    `
WITH n AS (
  UPDATE "DocumentSequence" SET last = last + 1, "updatedAt" = now()
  WHERE "companyId" = $1::text AND series = $2::text AND "financialYear" = $3::text AND last < $4::int
  RETURNING last
), d AS (
  UPDATE "${table}" AS t SET number = $5::text || CASE WHEN length(n.last::text) >= $6::int THEN n.last::text ELSE lpad(n.last::text, $6::int, '0') END FROM n
  WHERE t.id = $7::text AND t."companyId" = $1::text
  RETURNING t.number
), au AS (
  UPDATE "AuditLog" AS l SET after = jsonb_set(l.after, '{number}', to_jsonb(d.number)) FROM d
  WHERE l."entityType" = '${table}' AND l."entityId" = $7::text AND l.action = $8::text AND l.after IS NOT NULL
  RETURNING 1
), oe AS (
  UPDATE "OrderEvent" AS e SET note = replace(e.note, $9::text, d.number), data = CASE WHEN e.data ? 'number' THEN jsonb_set(e.data, '{number}', to_jsonb(d.number)) ELSE e.data END FROM d
  WHERE e.id = $10::text AND e."companyId" = $1::text
  RETURNING 1
)
SELECT number FROM d`,
  ]),
) as Record<NumberedTable, string>;

/**
 * No counter row took the number: the series' first document this financial year (the row is made
 * after any documents already there: data from before the counters, or loaded in bulk), or a series
 * that has used all its numbers. Once per series and year, so its few statements under the lock
 * cost nothing in the long run.
 */
async function firstOrExhausted(run: SqlRunner, a: AssignNumberArgs, fy: string, head: string, max: number): Promise<string> {
  const table = `"${a.table}"`;
  const [existing] = await run.query<{ last: number }>(`SELECT last FROM "DocumentSequence" WHERE "companyId" = $1::text AND series = $2::text AND "financialYear" = $3::text`, [a.companyId, a.series, fy]);
  if (existing && existing.last >= max) {
    throw new AppError("conflict", `Series ${a.series} has used all its numbers this financial year: choose a new series in Settings → GST`);
  }
  // Two first documents at once meet on the primary key; the second takes the conflict branch and
  // waits for the first's row lock like any other.
  const [taken] = await run.query<{ last: number }>(
    `INSERT INTO "DocumentSequence" ("companyId", series, "financialYear", last)
     VALUES ($1::text, $2::text, $3::text,
             1 + coalesce((SELECT max(split_part(number, '/', 3)::int) FROM ${table} WHERE "companyId" = $1::text AND number LIKE $4::text), 0))
     ON CONFLICT ("companyId", series, "financialYear") DO UPDATE SET last = "DocumentSequence".last + 1, "updatedAt" = now()
     RETURNING last`,
    [a.companyId, a.series, fy, `${head}%`],
  );
  if (taken!.last > max) throw new AppError("conflict", `Series ${a.series} has used all its numbers this financial year: choose a new series in Settings → GST`);
  const number = `${head}${String(taken!.last).padStart(a.width, "0")}`;
  await run.query(`UPDATE ${table} SET number = $1::text WHERE id = $2::text AND "companyId" = $3::text`, [number, a.id, a.companyId]);
  await run.query(`UPDATE "AuditLog" SET after = jsonb_set(after, '{number}', to_jsonb($1::text)) WHERE "entityType" = $2::text AND "entityId" = $3::text AND action = $4::text AND after IS NOT NULL`, [number, a.table, a.id, a.auditAction]);
  if (a.orderEventId) {
    await run.query(`UPDATE "OrderEvent" SET note = replace(note, $1::text, $2::text), data = CASE WHEN data ? 'number' THEN jsonb_set(data, '{number}', to_jsonb($2::text)) ELSE data END WHERE id = $3::text AND "companyId" = $4::text`, [a.provisional ?? "", number, a.orderEventId, a.companyId]);
  }
  return number;
}
