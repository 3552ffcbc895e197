// The plain documents the GST return builders read: what the books hold for one invoice, credit
// note or debit note, as strings (amounts are decimal strings, days are YYYY-MM-DD). The loader
// (load-gst-documents.ts) makes these from the database; the golden tests write them by hand.

export type GstSupplyType =
  | "regular"
  | "sez_with_payment"
  | "sez_without_payment"
  | "export_with_payment"
  | "export_without_payment"
  /** Deemed export (CGST s. 147): the builder reports it (b2b inv_typ DE); the invoice model cannot record it yet. */
  | "deemed_export";

/**
 * How a line is taxed. The invoice model records only the rate, so the loader reads a 0 % line of
 * a regular supply as nil-rated; exempt and non-GST lines come only from callers that know them.
 */
export type GstTreatment = "taxable" | "nil" | "exempt" | "non_gst";

export type GstLine = {
  position: number;
  description: string;
  hsnCode: string;
  /** Unit as on the document (product unit): mapped to a GST UQC for Table 12. */
  unit: string;
  quantity: string;
  taxableValue: string;
  gstRate: string;
  cessRate: string;
  cgstAmount: string;
  sgstAmount: string;
  igstAmount: string;
  cessAmount: string;
  lineTotal: string;
  treatment?: GstTreatment;
};

export type GstDocumentType = "INVOICE" | "CREDIT_NOTE" | "DEBIT_NOTE";

export type GstOriginalInvoice = {
  number: string;
  issueDate: string;
  grandTotal: string;
  taxType: "intra" | "inter";
};

export type GstDocument = {
  id: string;
  type: GstDocumentType;
  number: string;
  status: "ISSUED" | "CANCELLED";
  issueDate: string;
  supplyType: GstSupplyType;
  reverseCharge: boolean;
  taxType: "intra" | "inter";
  supplierStateCode: string;
  placeOfSupply: string;
  /** null for an unregistered buyer (and an export). */
  buyerGstin: string | null;
  buyerName: string;
  taxableTotal: string;
  cgstTotal: string;
  sgstTotal: string;
  igstTotal: string;
  cessTotal: string;
  roundOff: string;
  grandTotal: string;
  /** Notes: the invoice they correct. */
  original?: GstOriginalInvoice | null;
  /** Exports: shipping bill, when known (the invoice model has no field for it yet). */
  shippingBill?: { portCode: string; number: string; date: string } | null;
  lines: GstLine[];
};

/** What the period's return is built from: the supplier, its documents and its turnover band. */
export type Gstr1Input = {
  gstin: string;
  fp: string;
  frequency?: "monthly" | "quarterly";
  /** Aggregate annual turnover of the previous financial year, rupees; decides the HSN digits (4 up to ₹5 crore, else 6). */
  aato?: string | null;
  documents: GstDocument[];
  /** Numbers of the period's series issued in other periods (inside the period's ranges): they split doc_issue rows. */
  otherPeriodNumbers?: string[];
};

/** A document's header: everything but its lines. */
export type GstDocumentHeader = Omit<GstDocument, "lines">;

/** Amounts summed exactly, as decimal strings ("1180.00"); signed where the type says so. */
export type GstAmounts = { txval: string; iamt: string; camt: string; samt: string; csamt: string };

/** A document's taxable lines summed per GST rate (rt as a decimal string, "18", "0.25"), ascending rate. */
export type GstRateSums = GstAmounts & { rt: string };

/**
 * A document as the return reads it: its header, its taxable lines summed per rate and its
 * nil-rated, exempt and non-GST lines summed (untaxed null when it has none; a treatment null when
 * it has no line of it). Made from a document's lines
 * by `summarizeDocument` (build-gstr1.ts) or summed by PostgreSQL (load-gst-sums.ts).
 */
export type GstDocumentSums = GstDocumentHeader & { rates: GstRateSums[]; untaxed: { nil: string | null; exempt: string | null; nonGst: string | null } | null };

/** Table 7 (b2cs): B2C-small documents and their notes summed per place of supply, tax type and rate, notes signed. */
export type GstB2csGroup = GstAmounts & { pos: string; taxType: "intra" | "inter"; rt: string };

/**
 * Table 12 (hsn): the period's issued lines summed per tab (b2b: registered buyers), HSN, rate and
 * unit, credit notes signed; with the description of the group's first line in (issue date, number,
 * position) order, which names the HSN row.
 */
export type GstHsnGroup = GstAmounts & {
  b2b: boolean;
  hsnCode: string;
  rt: string;
  unit: string;
  qty: string;
  description: string;
  first: { issueDate: string; number: string; position: number };
};
