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
