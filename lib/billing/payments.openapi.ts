// OpenAPI operations for /api/v1 routes of payments and receivables: receipts, allocation, refunds,
// voids, credit note application, ageing, the retailer ledger (JSON and CSV) and the portal's outstanding.
import { z } from "zod";
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { ageingInput, allocatePaymentInput, applyCreditNoteInput, ledgerRangeInput, listPaymentsInput, paymentKinds, paymentMethods, recordPaymentInput, recordRefundInput, voidPaymentInput } from "@/lib/billing/payments.schemas";

const str = { type: "string" };
const csvFormat = z.enum(["csv"]).optional().describe("csv: the same as a text/csv file");
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const nullableMoney = { ...money, type: ["string", "null"] };
const day = { type: "string", format: "date", description: "Calendar day in India, YYYY-MM-DD" };
const dateTime = { type: "string", format: "date-time" };

const buckets = {
  type: "object",
  description: "Open amounts by days past due; unappliedCredit (receipts not allocated, credit notes not applied) is ≤ 0; total = the sum = the ledger balance",
  properties: { notDue: money, d0_30: money, d31_60: money, d61_90: money, d90_plus: money, unappliedCredit: money, total: money },
};

const paymentListItem = {
  title: "PaymentListItem",
  type: "object",
  properties: {
    id: str,
    number: { type: "string", description: "RCT/25-26/000001 (receipts, series from Settings → GST) or RFD/25-26/000001 (refunds)" },
    kind: { enum: [...paymentKinds] },
    status: { enum: ["RECORDED", "VOIDED"] },
    method: { enum: [...paymentMethods] },
    amount: money,
    unallocatedAmount: { ...money, description: "Receipts: still on account (an advance)" },
    paidOn: day,
    reference: nullableStr,
    connectionId: str,
    retailer: { type: "object", properties: { id: str, name: str, customerCode: nullableStr } },
    vendor: { type: "object", properties: { code: str, name: str } },
  },
};

const paymentView = {
  title: "Payment",
  type: "object",
  properties: {
    ...paymentListItem.properties,
    allocatedAmount: money,
    bankName: nullableStr,
    notes: nullableStr,
    gatewayProvider: nullableStr,
    gatewayPaymentId: nullableStr,
    allocations: {
      type: "array",
      description: "A receipt: the invoices/debit notes it settled and refunds it funded. A refund: the receipts/credit notes that funded it.",
      items: { type: "object", properties: { id: str, documentId: str, documentNumber: str, documentType: { enum: ["INVOICE", "DEBIT_NOTE", "CREDIT_NOTE", "RECEIPT", "REFUND"] }, documentDate: day, amount: money, createdAt: dateTime } },
    },
    voidedAt: { type: ["string", "null"], format: "date-time" },
    voidReason: nullableStr,
    canVoid: { type: "boolean" },
    createdAt: dateTime,
  },
};

const ledgerView = {
  title: "Ledger",
  type: "object",
  properties: {
    vendor: { type: "object", properties: { companyId: str, code: str, name: str, gstin: nullableStr, address: str } },
    retailer: { type: "object", properties: { connectionId: str, retailerId: str, name: str, gstin: nullableStr, customerCode: nullableStr, address: str } },
    from: day,
    to: day,
    openingBalance: money,
    entries: {
      type: "array",
      items: {
        type: "object",
        properties: {
          date: day,
          kind: { enum: ["invoice", "debit_note", "credit_note", "receipt", "refund"] },
          number: str,
          documentId: str,
          description: str,
          debit: money,
          credit: money,
          balance: { ...money, description: "Running balance: positive = the retailer owes the vendor" },
          dueDate: { ...day, type: ["string", "null"] },
          open: nullableMoney,
        },
      },
    },
    totals: { type: "object", properties: { debit: money, credit: money } },
    closingBalance: money,
    ageing: buckets,
    generatedAt: dateTime,
  },
};

const ageingReport = {
  title: "AgeingReport",
  type: "object",
  properties: {
    asOf: day,
    rows: { type: "array", items: { type: "object", properties: { connectionId: str, retailerId: str, name: str, customerCode: nullableStr, creditLimit: money, paymentTermsDays: { type: "integer" }, buckets } } },
    matching: { type: "integer", description: "Retailers matching q" },
    page: { type: "integer" },
    pageSize: { type: "integer" },
    retailersWithBalance: { type: "integer" },
    totals: { ...buckets, description: "Company totals over every retailer (not only this page)" },
  },
};

const ledgerDescription = "Opening balance before `from`, issued invoices, debit notes, credit notes, recorded receipts and refunds ordered by date then number with a running balance, totals, closing balance and the ageing of the closing balance as of `to` (cancelled documents and voided payments are left out). Default range: this financial year (from 1 April) to today. `format=csv` answers text/csv as a file download (header block, then Date, Type, Number, Description, Debit, Credit, Balance and a closing row).";

export const paymentsOperations: Operation[] = [
  {
    method: "get",
    path: "/payments",
    tag: "Payments",
    summary: "List receipts and refunds",
    description: "Staff with billing.read see the company's, a retailer its own (vendorCode narrows to one vendor). q matches the number or the reference. sort: -paidOn (default), paidOn, -amount, amount.",
    auth: true,
    query: listPaymentsInput.pick({ kind: true, method: true, connectionId: true, vendorCode: true, q: true, from: true, to: true, sort: true }),
    response: { status: 200, description: "A page of payments", schema: paymentListItem, list: true },
  },
  {
    method: "post",
    path: "/payments",
    tag: "Payments",
    summary: "Record a receipt",
    description:
      "Needs payments.write. reference is required for CHEQUE (cheque number), BANK_TRANSFER (UTR) and UPI. paidOn may not be in the future. allocations: \"auto\" (default, oldest due first), \"none\" (kept on account as an advance) or [{ invoiceId, amount }] (issued invoices/debit notes of the same retailer; each at most what is open, together at most the amount; errors name allocations.N.amount). gatewayProvider + gatewayPaymentId are unique (409 conflict when already recorded). Send Idempotency-Key so a retry never records twice.",
    auth: true,
    idempotent: true,
    body: recordPaymentInput,
    response: { status: 201, description: "The receipt", schema: paymentView },
  },
  { method: "get", path: "/payments/{id}", tag: "Payments", summary: "One receipt or refund with its allocations", description: "Another company's or another retailer's payment is 404.", auth: true, response: { status: 200, description: "The payment", schema: paymentView } },
  {
    method: "post",
    path: "/payments/{id}/allocate",
    tag: "Payments",
    summary: "Set a receipt's allocation",
    description: "Replaces what the receipt pays: its invoice allocations are released, then the list (or \"auto\", oldest due first) is allocated, in one transaction. What it funded for refunds stays. 409 for a voided receipt or a refund.",
    auth: true,
    body: allocatePaymentInput,
    response: { status: 200, description: "The receipt", schema: paymentView },
  },
  {
    method: "post",
    path: "/payments/{id}/void",
    tag: "Payments",
    summary: "Void a receipt or refund (e.g. a bounced cheque)",
    description: "Status becomes VOIDED with the reason; its allocations are released so the invoices it paid are open again. 409 conflict for a receipt that funded a refund (void the refund first); 409 invalid_transition when already voided.",
    auth: true,
    body: voidPaymentInput,
    response: { status: 200, description: "The payment", schema: paymentView },
  },
  {
    method: "post",
    path: "/refunds",
    tag: "Payments",
    summary: "Refund unapplied credit",
    description: "Pays back an advance or a credit note's unapplied balance: a REFUND payment funded from the named sources (must add up to the amount) or from the oldest unapplied credit. 409 conflict when the amount is more than the unapplied credit (details.availableCredit); 400 when dated before the credit it pays back.",
    auth: true,
    idempotent: true,
    body: recordRefundInput,
    response: { status: 201, description: "The refund", schema: paymentView },
  },
  {
    method: "post",
    path: "/credit-notes/{id}/apply",
    tag: "Payments",
    summary: "Apply a credit note to open invoices",
    description: "What is left of an issued credit note is allocated to the retailer's open invoices and debit notes, by hand or \"auto\" (oldest due first, the default). 409 when nothing is left or nothing is open.",
    auth: true,
    body: applyCreditNoteInput,
    response: {
      status: 200,
      description: "The credit note's application",
      schema: { type: "object", properties: { creditNoteId: str, number: str, grandTotal: money, applied: money, unapplied: money, allocations: { type: "array", items: { type: "object", properties: { invoiceId: nullableStr, refundId: nullableStr, documentNumber: str, documentDate: day, amount: money } } } } },
    },
  },
  {
    method: "get",
    path: "/receivables/ageing",
    tag: "Receivables",
    summary: "Ageing of receivables per retailer",
    description: "Needs billing.read. format=csv answers every matching retailer and the company totals as a text/csv file. Per retailer with a balance: open amounts of issued invoices and debit notes by days past due as of asOf (default today): not due, 1–30, 31–60, 61–90, 90+; unapplied credit as a negative column; total = the ledger balance. Company totals over all retailers. q matches retailer name or customer code; sort: -total (default), total, name, -d90_plus, -d61_90, -notDue.",
    auth: true,
    query: ageingInput.extend({ format: csvFormat }),
    response: { status: 200, description: "Ageing report (with format=csv a text/csv attachment)", schema: ageingReport, files: [mediaTypes.csv] },
  },
  { method: "get", path: "/retailers/{id}/ledger", tag: "Receivables", summary: "A retailer's statement of account ({id} = connection id)", description: ledgerDescription, auth: true, query: ledgerRangeInput.extend({ format: csvFormat }), response: { status: 200, description: "The ledger (with format=csv a text/csv attachment)", schema: ledgerView, files: [mediaTypes.csv] } },
  {
    method: "get",
    path: "/me/outstanding",
    tag: "Retailer portal",
    summary: "What I owe each vendor",
    description: "Per vendor: outstanding (ledger balance), ageing buckets, credit limit and payment terms.",
    auth: true,
    response: { status: 200, description: "{ data: [...] }", schema: { type: "object", properties: { data: { type: "array", items: { type: "object", properties: { vendor: { type: "object", properties: { code: str, name: str } }, connectionId: str, status: str, creditLimit: money, paymentTermsDays: { type: "integer" }, outstanding: money, ageing: buckets } } } } } },
  },
  { method: "get", path: "/me/vendors/{code}/ledger", tag: "Retailer portal", summary: "My statement of account with a vendor", description: ledgerDescription, auth: true, query: ledgerRangeInput.extend({ format: csvFormat }), response: { status: 200, description: "The ledger (with format=csv a text/csv attachment)", schema: ledgerView, files: [mediaTypes.csv] } },
];
