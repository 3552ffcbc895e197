// The retailer ledger (statement of account) as the screens, the CSV and the PDF read it. Built by
// lib/billing/get-ledger.ts; rendered by the statement page, the CSV export and lib/billing/pdf.
// Amounts are decimal strings ("1250.50"); dates are "YYYY-MM-DD" (IST calendar days).

export type LedgerEntryKind = "invoice" | "debit_note" | "credit_note" | "receipt" | "refund";

export type LedgerEntry = {
  date: string;
  kind: LedgerEntryKind;
  /** INV/25-26/000123, RCT/25-26/000004 … */
  number: string;
  /** Invoice or Payment id, for links. */
  documentId: string;
  /** "Tax invoice (SO/25-26/000031)", "Receipt — UPI 4123…", "Credit note against INV/25-26/000012 — Return". */
  description: string;
  /** What the retailer owes more (invoices, debit notes, refunds) … */
  debit: string;
  /** … or less (receipts, credit notes). One of debit/credit is "0.00". */
  credit: string;
  /** Balance after this entry: positive = the retailer owes the vendor. */
  balance: string;
  /** Invoices and debit notes: due date and what is still open on it. */
  dueDate: string | null;
  open: string | null;
};

export type LedgerView = {
  vendor: { companyId: string; code: string; name: string; gstin: string | null; address: string };
  retailer: { connectionId: string; retailerId: string; name: string; gstin: string | null; customerCode: string | null; address: string };
  from: string;
  to: string;
  /** Balance carried in from before `from`. */
  openingBalance: string;
  entries: LedgerEntry[];
  totals: { debit: string; credit: string };
  closingBalance: string;
  /** Ageing of the closing balance as of `to` (see AgeingBuckets): buckets + unapplied credit = closing balance. */
  ageing: AgeingBuckets;
  generatedAt: string;
};

/** Open amounts by days past due (0–30 includes not yet due), and credit not yet applied (≤ 0). */
export type AgeingBuckets = {
  notDue: string;
  d0_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  /** Receipts and credit notes not yet allocated, as a negative amount. */
  unappliedCredit: string;
  /** Sum of the above: equals the outstanding balance. */
  total: string;
};
