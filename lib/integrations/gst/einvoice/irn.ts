// The Invoice Reference Number as the IRP computes it: lowercase hex SHA-256 of supplier GSTIN +
// financial year "YYYY-YY" + document type + document number, concatenated without separators.
// Computed locally too, so a response lost in transit can be matched to the IRN it must have had.
import { createHash } from "node:crypto";
import { financialYearStartYear } from "@/lib/pricing/dates";

export type IrpDocType = "INV" | "CRN" | "DBN";

/** "2019-20" for any day from 1 Apr 2019 to 31 Mar 2020. `docDate` is "dd/mm/yyyy" or an IST calendar day as a UTC-midnight Date. */
export function irnFinancialYear(docDate: string | Date): string {
  const start = financialYearStartYear(calendarDay(docDate));
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

export function computeIrn(sellerGstin: string, docDate: string | Date, docType: IrpDocType, docNo: string): string {
  return createHash("sha256").update(`${sellerGstin}${irnFinancialYear(docDate)}${docType}${docNo}`, "utf8").digest("hex");
}

/** "YYYY-MM-DD" of a dd/mm/yyyy document date or a @db.Date value. */
function calendarDay(d: string | Date): string {
  if (d instanceof Date) return d.toISOString().slice(0, 10);
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d);
  if (!m) throw new RangeError(`Document date "${d}" must be dd/mm/yyyy`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}
