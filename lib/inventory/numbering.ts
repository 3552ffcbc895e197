import "server-only";
// Document numbers per company and Indian financial year (April–March): GRN/25-26/00001, SO/25-26/000001.
// Counted in DocumentSequence (one row per company, series and year), so taking a number costs the
// same at the millionth order as at the first.
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { financialYearStartYear, istDay } from "@/lib/pricing/dates";

const tables = { GRN: "GoodsReceipt", TRF: "StockTransfer", CNT: "StockCount", SO: "Order", SHP: "Shipment", TRP: "DeliveryTrip", DC: "DeliveryChallan" } as const;
/** Digits of the running number: orders are many more than stock documents (SO/25-26/000123). */
const widths: Record<DocumentPrefix, number> = { GRN: 5, TRF: 5, CNT: 5, SO: 6, SHP: 6, TRP: 5, DC: 5 };
export type DocumentPrefix = keyof typeof tables;

/** "25-26" for any instant from 1 April 2025 00:00 IST to 31 March 2026 23:59 IST. */
export function financialYearLabel(date: Date): string {
  const start = financialYearStartYear(istDay(date));
  const yy = (y: number) => String(y % 100).padStart(2, "0");
  return `${yy(start)}-${yy(start + 1)}`;
}

/**
 * The next number of a series in the financial year of `date`. One UPDATE of the series' counter row,
 * whose lock is held until the caller's transaction ends: concurrent documents wait for each other
 * and get consecutive numbers, and a rolled-back document gives its number back (gapless).
 */
export async function nextDocumentNumber(tx: Prisma.TransactionClient, args: { companyId: string; prefix: DocumentPrefix; date: Date }): Promise<string> {
  return takeNumber(tx, { companyId: args.companyId, series: args.prefix, table: tables[args.prefix], width: widths[args.prefix], date: args.date });
}

/** Tables of the billing documents whose series a company configures (Settings → GST). */
export type BillingDocumentTable = "Invoice" | "Payment";

/** Longest number CGST Rule 46(b) allows on an invoice: INV/25-26/000123 is exactly 16. */
export const MAX_DOCUMENT_NUMBER_LENGTH = 16;

/**
 * Checks a company-configured billing series (1–4 characters: INV, CN, DN, RCT) and gives the digits its
 * numbers are padded to: six for series of up to 3 characters, five for 4, so "INV/25-26/000123" fits 16.
 * Billing documents take their numbers last (lib/inventory/assign-number-last.ts).
 */
export function billingNumberWidth(series: string): number {
  if (!/^[A-Z1-9][A-Z0-9]{0,3}$/.test(series)) throw new AppError("validation", `Series "${series}" must be 1–4 capital letters or digits, not starting with 0`);
  return Math.min(6, MAX_DOCUMENT_NUMBER_LENGTH - 7 - series.length);
}

/**
 * The number the series' next document would get now, without taking it (the confirm step before issuing
 * names it). Another document issued in between takes it first; the issued document then carries the
 * next one, so callers present it as "the next number of the series".
 */
export async function peekBillingNumber(db: Pick<Prisma.TransactionClient, "$queryRaw">, args: { companyId: string; series: string; table: BillingDocumentTable; date: Date }): Promise<string> {
  const width = billingNumberWidth(args.series);
  const fy = financialYearLabel(args.date);
  const head = `${args.series}/${fy}/`;
  const table = Prisma.raw(`"${args.table}"`);
  // Same rule as assignNumberLast: the counter row if there is one, else after the documents already there.
  const [row] = await db.$queryRaw<{ last: number }[]>`
    SELECT coalesce(
      (SELECT last FROM "DocumentSequence" WHERE "companyId" = ${args.companyId} AND series = ${args.series} AND "financialYear" = ${fy}),
      (SELECT coalesce(max(split_part(number, '/', 3)::int), 0) FROM ${table} WHERE "companyId" = ${args.companyId} AND number LIKE ${`${head}%`})
    )::int AS last`;
  return `${head}${String((row?.last ?? 0) + 1).padStart(width, "0")}`;
}

async function takeNumber(tx: Prisma.TransactionClient, args: { companyId: string; series: string; table: string; width: number; date: Date }): Promise<string> {
  const fy = financialYearLabel(args.date);
  const head = `${args.series}/${fy}/`;
  let [row] = await tx.$queryRaw<{ last: number }[]>`
    UPDATE "DocumentSequence" SET last = last + 1, "updatedAt" = now()
    WHERE "companyId" = ${args.companyId} AND series = ${args.series} AND "financialYear" = ${fy}
    RETURNING last`;
  if (!row) {
    // The series' first number this year: after any documents already there (data from before the
    // counters, or loaded in bulk). Two first documents at once meet on the primary key; the second
    // takes the conflict branch and waits for the first's row lock like any other.
    const table = Prisma.raw(`"${args.table}"`);
    [row] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "DocumentSequence" ("companyId", series, "financialYear", last)
      VALUES (${args.companyId}, ${args.series}, ${fy},
              1 + coalesce((SELECT max(split_part(number, '/', 3)::int) FROM ${table} WHERE "companyId" = ${args.companyId} AND number LIKE ${`${head}%`}), 0))
      ON CONFLICT ("companyId", series, "financialYear") DO UPDATE SET last = "DocumentSequence".last + 1, "updatedAt" = now()
      RETURNING last`;
  }
  return `${head}${String(row.last).padStart(args.width, "0")}`;
}
