// Checks a period's documents before the return is downloaded, naming the document and line of
// every problem (the portal's own messages do not say which invoice carried a bad HSN). Pure.
//
// Rules:
// - HSN: digits only, 4, 6 or 8 long; at least 4 digits up to ₹5 crore of aggregate turnover in
//   the previous financial year and 6 above it (Notification 78/2020-Central Tax; mandatory in
//   Table 12 from the May 2025 period, Phase-3).
// - Buyer GSTIN: shape and check character (lib/integrations/gst/gstin.ts); SEZ supplies need one,
//   exports must not have one.
// - Place of supply: a GST state code; 96 exactly for exports; intra-state tax (CGST + SGST) only
//   when the place of supply is the supplier's state and the supply is neither SEZ nor export.
// - Rates: the GST schedule (0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28; 40 from 22 Sep 2025).
// - Totals: each line's taxable value plus its taxes is its total; the lines add up to the
//   document's taxable value and each tax; taxable + taxes + round-off is the grand total; a
//   line's tax matches its rate (within ₹1, for tax-inclusive rounding); without-payment SEZ and
//   export supplies carry no tax.
// - Series: numbers missing inside the period's range of a series.
import { Prisma } from "@/lib/generated/prisma/client";
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { getGstState } from "@/lib/integrations/gst/states";
import { addSums, lineSums, rateOf, zeroSums, type SeriesRange } from "./build-gstr1";
import { isExport, isSez } from "./classify";
import type { GstDocument, GstDocumentHeader } from "./types";
import { isService, uqcOf } from "./uqc";

const D = Prisma.Decimal;

export type Gstr1Problem = {
  level: "error" | "warning";
  code: string;
  documentId: string | null;
  documentNumber: string | null;
  /** Line position on the document (1-based), when the problem is a line's. */
  line: number | null;
  field: string;
  message: string;
};

export const GST_RATES = ["0", "0.1", "0.25", "1", "1.5", "3", "5", "6", "7.5", "12", "18", "28", "40"];
const rateSet = new Set(GST_RATES);
/** The 40 % slab begins with the rate changes of 22 Sep 2025 (Notifications 9–17/2025-Central Tax (Rate)). */
export const RATE_40_FROM = "2025-09-22";
/** ₹5 crore: above it HSN needs 6 digits. */
export const HSN_SIX_DIGIT_TURNOVER = new D(50_000_000);

export function validateGstr1(docs: GstDocument[], series: SeriesRange[], opts: { aato?: string | null } = {}): Gstr1Problem[] {
  return validateGstr1Documents(docs, series, opts);
}

/**
 * The same checks over documents whose lines are given only where they may fail: `lines: null`
 * says the database found nothing wrong in the document's lines and totals (load-gst-sums.ts asks
 * a wider question than these checks), so only its header is checked.
 */
export function validateGstr1Documents(docs: (GstDocumentHeader & { lines: GstDocument["lines"] | null })[], series: SeriesRange[], opts: { aato?: string | null } = {}): Gstr1Problem[] {
  const problems: Gstr1Problem[] = [];
  const minDigits = hsnMinDigits(opts.aato);
  for (const doc of docs) {
    if (doc.status !== "ISSUED") continue;
    const at = (field: string, message: string, line: number | null = null, level: Gstr1Problem["level"] = "error", code = field) =>
      problems.push({ level, code, documentId: doc.id, documentNumber: doc.number, line, field, message: `${doc.number}${line ? `, line ${line}` : ""}: ${message}` });
    checkParties(doc, at);
    if (!doc.lines) continue;
    const withLines = doc as GstDocument;
    checkLines(withLines, minDigits, at);
    checkTotals(withLines, at);
  }
  for (const s of series) {
    if (s.missing.length) {
      const shown = s.missing.slice(0, 10).join(", ") + (s.missing.length > 10 ? ` and ${s.missing.length - 10} more` : "");
      problems.push({ level: "error", code: "series_gap", documentId: null, documentNumber: s.from, line: null, field: "number", message: `Series ${s.prefix}: numbers missing between ${s.from} and ${s.to}: ${shown} (filed as cancelled)` });
    }
  }
  return problems;
}

/** HSN digits Table 12 needs at a previous year's turnover. */
export function hsnMinDigits(aato: string | null | undefined): 4 | 6 {
  return aato && new D(aato).gt(HSN_SIX_DIGIT_TURNOVER) ? 6 : 4;
}

type At = (field: string, message: string, line?: number | null, level?: Gstr1Problem["level"], code?: string) => void;

function checkParties(doc: GstDocumentHeader, at: At) {
  const exp = isExport(doc);
  const sez = isSez(doc);
  const pos = doc.placeOfSupply;
  if (doc.buyerGstin && !isValidGstin(doc.buyerGstin)) at("buyerGstin", `buyer GSTIN ${doc.buyerGstin} is not valid (shape or check character)`);
  if (sez && !doc.buyerGstin) at("buyerGstin", "a supply to an SEZ needs the SEZ unit's GSTIN");
  if (doc.supplyType === "deemed_export" && !doc.buyerGstin) at("buyerGstin", "a deemed export needs the recipient's GSTIN");
  if (exp && doc.buyerGstin) at("buyerGstin", "an export has no buyer GSTIN");
  if (exp) {
    if (pos !== "96") at("placeOfSupply", `an export's place of supply is 96 (Other Countries), not ${pos}`);
    if (!doc.shippingBill && doc.type === "INVOICE") at("shippingBill", "no shipping bill number, port code and date yet (add them in the portal when known)", null, "warning");
  } else if (pos === "96" || !getGstState(pos) || getGstState(pos)?.legacy) {
    at("placeOfSupply", `place of supply "${pos}" is not a current GST state code`);
  }
  const intraExpected = doc.supplyType === "regular" && pos === doc.supplierStateCode;
  const deemedIntra = doc.supplyType === "deemed_export";
  if (!deemedIntra && (doc.taxType === "intra") !== intraExpected) {
    at("taxType", intraExpected ? `place of supply ${pos} is the supplier's state: CGST + SGST, not IGST` : `place of supply ${pos} is not the supplier's state (${doc.supplierStateCode})${sez || exp ? " or the supply is zero-rated" : ""}: IGST, not CGST + SGST`);
  }
  if (doc.type !== "INVOICE" && !doc.original) at("originalInvoiceId", "the note does not name the invoice it corrects", null, "warning");
}

function checkLines(doc: GstDocument, minDigits: number, at: At) {
  const withoutPayment = doc.supplyType === "sez_without_payment" || doc.supplyType === "export_without_payment";
  for (const l of doc.lines) {
    const n = l.position;
    const hsn = l.hsnCode?.trim() ?? "";
    if (!hsn) at("hsnCode", "HSN is missing", n);
    else if (!/^\d+$/.test(hsn) || ![4, 6, 8].includes(hsn.length)) at("hsnCode", `HSN "${hsn}" must be 4, 6 or 8 digits`, n);
    else if (hsn.length < minDigits) at("hsnCode", `HSN "${hsn}" has ${hsn.length} digits; with turnover above ₹5 crore Table 12 needs at least 6`, n);
    const rate = rateOf(l.gstRate);
    if (!rateSet.has(rate.toString())) at("gstRate", `rate ${rate.toString()}% is not in the GST schedule`, n);
    else if (rate.eq(40) && doc.issueDate < RATE_40_FROM) at("gstRate", `the 40% rate applies from 22 Sep 2025, not on ${doc.issueDate}`, n);
    if (!isService(hsn) && hsn && !uqcOf(l.unit)) at("unit", `unit "${l.unit}" is not a GST UQC; Table 12 files it as OTH`, n, "warning");
    const a = lineSums(l);
    const tax = a.camt.plus(a.samt).plus(a.iamt);
    if (withoutPayment) {
      if (!tax.isZero()) at("igstAmount", "a supply without payment of tax (LUT/bond) carries tax", n);
      continue;
    }
    if (doc.taxType === "intra" && !a.iamt.isZero()) at("igstAmount", "intra-state line carries IGST", n);
    if (doc.taxType === "inter" && !(a.camt.isZero() && a.samt.isZero())) at("cgstAmount", "inter-state line carries CGST/SGST", n);
    const expected = a.txval.times(rate).div(100);
    if (expected.minus(tax).abs().gt(1)) at("gstRate", `tax ${tax.toFixed(2)} is not ${rate.toString()}% of ${a.txval.toFixed(2)}`, n);
    const total = a.txval.plus(tax).plus(a.csamt);
    if (!total.eq(l.lineTotal)) at("lineTotal", `taxable value and taxes add up to ${total.toFixed(2)}, the line total is ${new D(l.lineTotal).toFixed(2)}`, n);
  }
}

function checkTotals(doc: GstDocument, at: At) {
  const lines = zeroSums();
  for (const l of doc.lines) addSums(lines, lineSums(l));
  const pairs = [
    ["taxableTotal", "taxable value", lines.txval, doc.taxableTotal],
    ["cgstTotal", "CGST", lines.camt, doc.cgstTotal],
    ["sgstTotal", "SGST", lines.samt, doc.sgstTotal],
    ["igstTotal", "IGST", lines.iamt, doc.igstTotal],
    ["cessTotal", "cess", lines.csamt, doc.cessTotal],
  ] as const;
  for (const [field, label, lines, total] of pairs) {
    if (!lines.eq(total)) at(field, `the lines' ${label} is ${lines.toFixed(2)}, the document says ${new D(total).toFixed(2)}`);
  }
  const grand = new D(doc.taxableTotal).plus(doc.cgstTotal).plus(doc.sgstTotal).plus(doc.igstTotal).plus(doc.cessTotal).plus(doc.roundOff);
  if (!grand.eq(doc.grandTotal)) at("grandTotal", `taxable value, taxes and round-off add up to ${grand.toFixed(2)}, the grand total is ${new D(doc.grandTotal).toFixed(2)}`);
  if (doc.lines.length === 0) at("lines", "the document has no lines");
}
