// The retailer ledger as CSV (GET …/ledger?format=csv, the statement page's "Download CSV"): a
// header block naming vendor, retailer, period and opening balance, then one row per entry and a
// closing row. Amounts are plain decimals (no ₹, no grouping) so spreadsheets read them as numbers.
import type { LedgerView } from "@/lib/billing/ledger-types";

export function ledgerCsv(view: LedgerView): string {
  const lines: string[][] = [
    ["Statement of account"],
    ["Vendor", view.vendor.name, view.vendor.gstin ? `GSTIN ${view.vendor.gstin}` : ""],
    ["Retailer", view.retailer.name, view.retailer.gstin ? `GSTIN ${view.retailer.gstin}` : "", view.retailer.customerCode ? `Customer code ${view.retailer.customerCode}` : ""],
    ["Period", view.from, view.to],
    ["Opening balance", view.openingBalance],
    [],
    ["Date", "Type", "Number", "Description", "Debit", "Credit", "Balance"],
    ...view.entries.map((e) => [e.date, kindLabels[e.kind], e.number, e.description, e.debit, e.credit, e.balance]),
    ["", "", "", "Totals", view.totals.debit, view.totals.credit, ""],
    [view.to, "", "", "Closing balance", "", "", view.closingBalance],
  ];
  return lines.map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** statement-C-0042-2026-04-01-2026-11-30.csv */
export function ledgerCsvFilename(view: LedgerView): string {
  const who = (view.retailer.customerCode ?? view.retailer.name).replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "retailer";
  return `statement-${who}-${view.from}-${view.to}.csv`;
}

/** The HTTP answer for a CSV download. */
export function ledgerCsvResponse(view: LedgerView): Response {
  return new Response(ledgerCsv(view), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${ledgerCsvFilename(view)}"`, "cache-control": "private, no-store" },
  });
}

const kindLabels: Record<LedgerView["entries"][number]["kind"], string> = {
  invoice: "Invoice",
  debit_note: "Debit note",
  credit_note: "Credit note",
  receipt: "Receipt",
  refund: "Refund",
};

/** Quotes when needed; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
function cell(v: string): string {
  let s = v ?? "";
  if (/^[=+@]/.test(s) || (/^-/.test(s) && !/^-\d+(\.\d+)?$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
