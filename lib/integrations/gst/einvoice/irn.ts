// The Invoice Reference Number as the IRP computes it: lowercase hex SHA-256 of supplier GSTIN +
// financial year "YYYY-YY" + document type + document number, concatenated without separators.
// Computed locally too, so a response lost in transit can be matched to the IRN it must have had.
import { createHash } from "node:crypto";

export type IrpDocType = "INV" | "CRN" | "DBN";

/** "2019-20" for any day from 1 Apr 2019 to 31 Mar 2020. `docDate` is "dd/mm/yyyy" or an IST calendar day as a UTC-midnight Date. */
export function irnFinancialYear(docDate: string | Date): string {
  const { year, month } = dayParts(docDate);
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

export function computeIrn(sellerGstin: string, docDate: string | Date, docType: IrpDocType, docNo: string): string {
  return createHash("sha256").update(`${sellerGstin}${irnFinancialYear(docDate)}${docType}${docNo}`, "utf8").digest("hex");
}

function dayParts(d: string | Date): { year: number; month: number } {
  if (d instanceof Date) return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d);
  if (!m) throw new RangeError(`Document date "${d}" must be dd/mm/yyyy`);
  return { year: Number(m[3]), month: Number(m[2]) };
}
