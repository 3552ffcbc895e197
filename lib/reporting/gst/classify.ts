// Which GSTR-1 table a document belongs to, from the rules of the return:
// - Registered buyer (GSTIN): invoices in b2b (Table 4, 6B SEZ, 6C deemed export), notes in cdnr (9B).
// - Export (place of supply 96): invoices in exp (6A), notes in cdnur as EXPWP / EXPWOP.
// - Unregistered buyer, inter-state, invoice value above the B2CL limit: b2cl (Table 5); its notes in
//   cdnur as B2CL. The limit is ₹2,50,000 for invoices up to 31 Jul 2024 and ₹1,00,000 from
//   1 Aug 2024 (Notification 12/2024-Central Tax), judged on the invoice's own date and value.
// - Every other unregistered supply (intra-state, or inter-state up to the limit): b2cs (Table 7),
//   aggregated, with its credit and debit notes netted into the same rows.
// Lines of a regular supply that are nil-rated, exempt or non-GST go to nil (Table 8) instead.
import { Prisma } from "@/lib/generated/prisma/client";
import type { GstDocument, GstDocumentHeader, GstLine, GstTreatment } from "./types";

const D = Prisma.Decimal;

export type InvTyp = "R" | "SEWP" | "SEWOP" | "DE";
export type DocClass =
  | { kind: "b2b"; invTyp: InvTyp }
  | { kind: "b2cl" }
  | { kind: "b2cs" }
  | { kind: "exp"; expTyp: "WPAY" | "WOPAY" }
  | { kind: "cdnr"; invTyp: InvTyp }
  | { kind: "cdnur"; typ: "B2CL" | "EXPWP" | "EXPWOP" }
  | { kind: "b2cs_note" };

/** The B2CL limit in force on a day (YYYY-MM-DD): an invoice above it is "large". */
export function b2clLimit(day: string): Prisma.Decimal {
  return new D(day <= "2024-07-31" ? 250000 : 100000);
}

export function isExport(doc: Pick<GstDocument, "supplyType">): boolean {
  return doc.supplyType === "export_with_payment" || doc.supplyType === "export_without_payment";
}

export function isSez(doc: Pick<GstDocument, "supplyType">): boolean {
  return doc.supplyType === "sez_with_payment" || doc.supplyType === "sez_without_payment";
}

/** Registered for GSTR-1: has a GSTIN and is not a buyer abroad. */
export function isRegistered(doc: Pick<GstDocument, "buyerGstin" | "supplyType">): boolean {
  return !!doc.buyerGstin && !isExport(doc);
}

export function invTypOf(doc: Pick<GstDocument, "supplyType">): InvTyp {
  return doc.supplyType === "sez_with_payment" ? "SEWP" : doc.supplyType === "sez_without_payment" ? "SEWOP" : doc.supplyType === "deemed_export" ? "DE" : "R";
}

export function classify(doc: GstDocumentHeader): DocClass {
  const note = doc.type !== "INVOICE";
  if (isExport(doc)) {
    const withPay = doc.supplyType === "export_with_payment";
    return note ? { kind: "cdnur", typ: withPay ? "EXPWP" : "EXPWOP" } : { kind: "exp", expTyp: withPay ? "WPAY" : "WOPAY" };
  }
  if (isRegistered(doc)) return note ? { kind: "cdnr", invTyp: invTypOf(doc) } : { kind: "b2b", invTyp: invTypOf(doc) };
  if (!note) return doc.taxType === "inter" && new D(doc.grandTotal).gt(b2clLimit(doc.issueDate)) ? { kind: "b2cl" } : { kind: "b2cs" };
  // A note to an unregistered buyer follows the invoice it corrects: B2CL when that invoice was one.
  const ref = doc.original ?? { issueDate: doc.issueDate, grandTotal: doc.grandTotal, taxType: doc.taxType };
  const large = doc.taxType === "inter" && ref.taxType === "inter" && new D(ref.grandTotal).gt(b2clLimit(ref.issueDate));
  return large ? { kind: "cdnur", typ: "B2CL" } : { kind: "b2cs_note" };
}

/** Nil-rated, exempt and non-GST apply to regular supplies only; SEZ, export and deemed-export lines are zero-rated or taxed. */
export function treatmentOf(doc: Pick<GstDocument, "supplyType">, line: Pick<GstLine, "treatment" | "gstRate">): GstTreatment {
  if (doc.supplyType !== "regular") return "taxable";
  if (line.treatment) return line.treatment;
  return Number(line.gstRate) === 0 ? "nil" : "taxable";
}

/** +1 for invoices and debit notes, −1 for credit notes (they reduce the period's supplies). */
export function signOf(doc: Pick<GstDocument, "type">): 1 | -1 {
  return doc.type === "CREDIT_NOTE" ? -1 : 1;
}
