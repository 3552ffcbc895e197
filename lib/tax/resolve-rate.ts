// GST rates are data with effective dates (TaxRate rows), not constants: the rate in force on the
// invoice date applies. Pure: the caller loads the candidate rows (lib/billing/tax-rates.ts).
//
// Which row: among rows whose hsnPrefix is a prefix of the product's HSN and whose effectiveFrom is
// on or before the date, the longest prefix wins (a rate for 19053100 beats one for 1905); for the
// same prefix the latest effectiveFrom wins; for the same prefix and date a company's own row beats
// the published schedule. With no row, the product's own rate (its catalog value) applies.
import { Prisma } from "@/lib/generated/prisma/client";

type Decimal = Prisma.Decimal;

export type TaxRateRow = { companyId: string | null; hsnPrefix: string; gstRate: Decimal | string; cessRate: Decimal | string; effectiveFrom: Date };

export type ResolvedRate = { gstRate: Decimal; cessRate: Decimal; source: "schedule" | "company" | "product"; effectiveFrom: Date | null };

/** `date` is the document's calendar day (a UTC-midnight Date, as Prisma returns @db.Date). */
export function resolveGstRate(rows: readonly TaxRateRow[], hsnCode: string, date: Date, fallback: { gstRate: Decimal | string; cessRate: Decimal | string }): ResolvedRate {
  const day = dayOf(date);
  let best: TaxRateRow | undefined;
  for (const row of rows) {
    if (!hsnCode.startsWith(row.hsnPrefix) || dayOf(row.effectiveFrom) > day) continue;
    if (!best || better(row, best)) best = row;
  }
  if (!best) return { gstRate: new Prisma.Decimal(fallback.gstRate), cessRate: new Prisma.Decimal(fallback.cessRate), source: "product", effectiveFrom: null };
  return { gstRate: new Prisma.Decimal(best.gstRate), cessRate: new Prisma.Decimal(best.cessRate), source: best.companyId ? "company" : "schedule", effectiveFrom: best.effectiveFrom };
}

/** Every prefix of an HSN code of at least 2 digits: the hsnPrefix values a lookup must load. */
export function hsnPrefixes(hsnCode: string): string[] {
  const out: string[] = [];
  for (let n = 2; n <= hsnCode.length; n++) out.push(hsnCode.slice(0, n));
  return out;
}

function better(a: TaxRateRow, b: TaxRateRow): boolean {
  if (a.hsnPrefix.length !== b.hsnPrefix.length) return a.hsnPrefix.length > b.hsnPrefix.length;
  const da = dayOf(a.effectiveFrom), db = dayOf(b.effectiveFrom);
  if (da !== db) return da > db;
  return a.companyId !== null && b.companyId === null;
}

function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
