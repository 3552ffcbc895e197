// OpenAPI operations for /api/v1 routes of issuing GST documents: invoices, credit and debit notes,
// invoicing an order, billing settings and dated tax rates.
import {
  addTaxRateInput,
  invoiceOrderInput,
  issueInvoiceInput,
  issueNoteInput,
  listInvoicesInput,
  listTaxRatesInput,
  updateBillingSettingsInput,
} from "@/lib/billing/billing.schemas";
import type { Operation } from "@/lib/http/openapi-operation";

const str = { type: "string" };
const int = { type: "integer" };
const bool = { type: "boolean" };
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const qty = { type: "string", description: 'Quantity, decimal string with 3 places, e.g. "12.000"' };
const day = { type: "string", format: "date", description: "IST calendar day, YYYY-MM-DD" };
const nullableDateTime = { type: ["string", "null"], format: "date-time" };
const type = { enum: ["INVOICE", "CREDIT_NOTE", "DEBIT_NOTE"] };
const status = { enum: ["ISSUED", "CANCELLED"] };
const eInvoiceStatus = { enum: ["NOT_REQUIRED", "PENDING", "GENERATED", "FAILED", "CANCELLED"] };
const paymentStatus = { enum: ["unpaid", "partly_paid", "paid", "unapplied", "partly_applied", "applied"], description: "Credit notes: unapplied / partly_applied / applied" };
const address = { address1: str, address2: nullableStr, city: str, stateCode: str, pincode: str };
const party = (extra: Record<string, unknown>) => ({ type: "object", properties: { legalName: str, tradeName: nullableStr, gstin: nullableStr, email: nullableStr, phone: nullableStr, ...address, ...extra } });

const invoiceLine = {
  type: "object",
  properties: {
    id: str,
    position: { type: "integer" },
    productId: nullableStr,
    orderLineId: nullableStr,
    originalLineId: { ...nullableStr, description: "On a note: the invoice line it corrects" },
    sku: nullableStr,
    description: str,
    hsnCode: str,
    unit: str,
    quantity: { ...qty, description: "0 on a value-only note line (a taxable-value difference, no goods)" },
    unitPrice: money,
    freeGoods: { type: "boolean", description: "Free goods under a scheme: unitPrice 0, no taxable value or tax" },
    taxInclusive: { type: "boolean" },
    grossValue: money,
    discount: money,
    taxableValue: money,
    gstRate: { type: "string", description: 'Total GST percent, e.g. "18.00" (CGST and SGST are half each)' },
    cessRate: str,
    cgstAmount: money,
    sgstAmount: money,
    igstAmount: money,
    cessAmount: money,
    lineTotal: money,
    creditedQuantity: { ...qty, description: "Invoices: quantity already credited by issued credit notes" },
    creditedValue: { ...money, description: "Invoices: taxable value already credited by issued credit notes" },
  },
};

export const invoiceView = {
  title: "Invoice",
  type: "object",
  properties: {
    id: str,
    type,
    number: { type: "string", description: "INV/25-26/000123: at most 16 characters, gapless per company, series and financial year" },
    status,
    financialYear: { type: "string", description: '"25-26"' },
    issueDate: day,
    dueDate: day,
    order: { type: ["object", "null"], properties: { id: str, number: str } },
    original: { type: ["object", "null"], description: "Notes: the invoice corrected", properties: { id: str, number: str, issueDate: day } },
    noteReason: { enum: ["RETURN", "RATE_DIFFERENCE", "DISCOUNT", "DEFICIENCY", "OTHER", null] },
    connectionId: str,
    retailerId: str,
    seller: party({
      pan: nullableStr,
      dispatchFrom: { type: ["object", "null"], properties: address, description: "Where the goods leave from, when it is not the registered address" },
      bank: { type: ["object", "null"], properties: { bankName: nullableStr, accountName: nullableStr, accountNumber: nullableStr, ifsc: nullableStr, branch: nullableStr, upiId: nullableStr } },
    }),
    buyer: party({ customerCode: nullableStr }),
    shipTo: { type: ["object", "null"], properties: { name: str, ...address } },
    supplierStateCode: str,
    placeOfSupply: { type: "object", properties: { code: str, name: str } },
    taxType: { enum: ["intra", "inter"], description: "intra: CGST + SGST; inter: IGST" },
    supplyType: { enum: ["regular", "sez_with_payment", "sez_without_payment", "export_with_payment", "export_without_payment"] },
    reverseCharge: { type: "boolean" },
    buyerReference: nullableStr,
    notes: nullableStr,
    lines: { type: "array", items: invoiceLine },
    totals: { type: "object", properties: { taxable: money, discount: money, cgst: money, sgst: money, igst: money, cess: money, tax: money, roundOff: money, grandTotal: money } },
    amountInWords: { type: "string", example: "Rupees Three Hundred Fifty-Four Only" },
    settledAmount: money,
    balanceDue: money,
    paymentStatus,
    overdueDays: { type: "integer" },
    eInvoice: { type: "object", properties: { status: eInvoiceStatus, error: nullableStr, irn: nullableStr, ackNo: nullableStr, ackDate: nullableDateTime, ewayBillNo: nullableStr, irnCancellableUntil: nullableDateTime } },
    notesIssued: { type: "array", items: { type: "object", properties: { id: str, number: str, type, status, issueDate: day, total: money } } },
    creditableAmount: { ...money, description: "Invoices: grand total − issued credit notes" },
    cancelledAt: nullableDateTime,
    cancelReason: nullableStr,
    availableActions: { type: "array", items: { enum: ["credit_note", "debit_note", "cancel", "email"] } },
    createdAt: { type: "string", format: "date-time" },
  },
};

const invoiceListItem = {
  title: "InvoiceListItem",
  type: "object",
  properties: {
    id: str,
    type,
    number: str,
    status,
    issueDate: day,
    dueDate: day,
    retailer: { type: "object", properties: { id: str, name: str, gstin: nullableStr, customerCode: nullableStr } },
    vendor: { type: "object", properties: { code: str, name: str } },
    order: { type: ["object", "null"], properties: { id: str, number: str } },
    original: { type: ["object", "null"], properties: { id: str, number: str } },
    taxable: money,
    tax: money,
    grandTotal: money,
    balanceDue: money,
    paymentStatus,
    overdueDays: { type: "integer" },
    eInvoiceStatus,
  },
};

const settingsView = {
  title: "BillingSettings",
  type: "object",
  properties: {
    invoiceSeries: str,
    creditNoteSeries: str,
    debitNoteSeries: str,
    receiptSeries: str,
    ewayBillThreshold: money,
    emailOnIssue: { type: "boolean" },
    invoiceTerms: nullableStr,
    signatoryName: nullableStr,
    eInvoiceEnabled: { type: "boolean", description: "Read-only here" },
    updatedAt: nullableDateTime,
  },
};

const taxRateView = {
  title: "TaxRate",
  type: "object",
  properties: { id: str, hsnPrefix: str, gstRate: str, cessRate: str, effectiveFrom: day, source: nullableStr, scope: { enum: ["company", "schedule"] } },
};

const issueErrors =
  "Errors: 400 validation (fieldErrors name the field, e.g. lines.0.quantity), 404 not_found (another company's record), 403 forbidden (needs billing.write). The number is taken in the same transaction (gapless). When the company mails on issue and the buyer has an email, the PDF is mailed after commit; with e-invoicing on and a registered buyer, eInvoice.status starts PENDING. Send Idempotency-Key so a retry never issues twice.";

export const invoicesOperations: Operation[] = [
  {
    method: "get",
    path: "/invoices",
    tag: "Invoices",
    summary: "List invoices, credit notes and debit notes",
    description:
      "Staff (billing.read) see the company's documents, a retailer its own from every vendor (vendorCode narrows to one). type: all (default), invoice, credit_note, debit_note. payment: unpaid, partly_paid, paid, overdue. q matches the number (or its running digits), buyer name and GSTIN. from/to bound the issue date. sort: -issueDate (default), issueDate, number, -number, grandTotal, -grandTotal, dueDate, -dueDate. The answer carries `counts` per type under the same filters; counting stops at 1,000 (`countsCapped`, `totalIsCapped`: the figure is then a lower bound).",
    auth: true,
    query: listInvoicesInput.pick({ type: true, status: true, payment: true, connectionId: true, vendorCode: true, orderId: true, q: true, from: true, to: true, eInvoiceStatus: true, sort: true }),
    response: { status: 200, description: "A page of documents", schema: invoiceListItem, list: true, pageExtra: {
        totalIsCapped: { type: "boolean", description: "Counting stopped at 1,000: total is a lower bound" },
        counts: { type: "object", description: "Documents per type tab under the same filters (each stops at 1,000)", properties: { all: int, invoice: int, credit_note: int, debit_note: int } },
        countsCapped: { type: "object", description: "Which tab counts stopped at 1,000 (lower bounds)", properties: { all: bool, invoice: bool, credit_note: bool, debit_note: bool } },
      } },
  },
  {
    method: "post",
    path: "/invoices",
    tag: "Invoices",
    summary: "Issue a direct tax invoice",
    description: `Lines are catalog products (priced from the retailer's price list on the issue date unless unitPrice is given; discount is rupees off the line) or free-text lines with hsnCode, unit, unitPrice and gstRate. A price must be more than zero; a line given free under a scheme is marked freeGoods: true (no price, no discount) and at least one line is paid. Quantities fit the unit: whole numbers of PCS, BOX, …, up to 3 decimals of KGS, LTR, …. The GST rate is the dated rate for the HSN on the issue date (company rows, then the published schedule, else the line's own). issueDate defaults to today (India) and cannot be in the future; placeOfSupply defaults to the connection's. ${issueErrors}`,
    auth: true,
    idempotent: true,
    body: issueInvoiceInput,
    response: { status: 201, description: "The invoice", schema: invoiceView },
  },
  { method: "get", path: "/invoices/{id}", tag: "Invoices", summary: "One invoice, credit note or debit note", description: "Another company's or another retailer's document is 404.", auth: true, response: { status: 200, description: "The document", schema: invoiceView } },
  {
    method: "post",
    path: "/orders/{id}/invoice",
    tag: "Invoices",
    summary: "Invoice a packed, dispatched or delivered order",
    description: `Without lines: everything still to invoice (ordered − invoiced − returned). With lines: [{ orderLineId, quantity }] for a partial invoice. Prices come from the order; the GST rate is the one in force on the invoice date. From PACKED on (the invoice is issued at or before the removal of goods, CGST Act s. 31); 409 invalid_transition before packing, 409 conflict when nothing is left. ${issueErrors}`,
    auth: true,
    idempotent: true,
    body: invoiceOrderInput,
    response: { status: 201, description: "The invoice", schema: invoiceView },
  },
  {
    method: "post",
    path: "/invoices/{id}/credit-notes",
    tag: "Invoices",
    summary: "Issue a credit note against an invoice",
    description: `reason: RETURN, RATE_DIFFERENCE, DISCOUNT, DEFICIENCY or OTHER. lines: "full" (everything still creditable) or [{ originalLineId, quantity }] (at most invoiced − already credited) / [{ originalLineId, amount }] (a taxable-value difference at the line's rate). Parties, place of supply and rates are the invoice's. Credit notes can never total more than the invoice (409 conflict with details.creditable). The note is applied at once to the invoice's open amount; any rest is unapplied credit. ${issueErrors}`,
    auth: true,
    idempotent: true,
    body: issueNoteInput,
    response: { status: 201, description: "The credit note", schema: invoiceView },
  },
  {
    method: "post",
    path: "/invoices/{id}/debit-notes",
    tag: "Invoices",
    summary: "Issue a debit note against an invoice",
    description: `Same body as a credit note except lines cannot be "full": a quantity short-billed at the invoice line's price, or a taxable-value amount at its rate. Due after the connection's payment terms. ${issueErrors}`,
    auth: true,
    idempotent: true,
    body: issueNoteInput,
    response: { status: 201, description: "The debit note", schema: invoiceView },
  },
  { method: "get", path: "/billing-settings", tag: "Invoices", summary: "The company's billing settings", description: "Defaults until first saved. Needs billing.read.", auth: true, response: { status: 200, description: "Settings", schema: settingsView } },
  {
    method: "patch",
    path: "/billing-settings",
    tag: "Invoices",
    summary: "Change the billing settings",
    description: "Series are 1–4 capital letters or digits, not starting with 0, different from each other and from SO/GRN/TRF/CNT. Needs billing.write. E-invoice settings are elsewhere.",
    auth: true,
    body: updateBillingSettingsInput,
    response: { status: 200, description: "Settings", schema: settingsView },
  },
  { method: "get", path: "/tax-rates", tag: "Invoices", summary: "Dated GST rates by HSN prefix", description: "The company's own rates and the published schedule (scope: all, company, schedule; q: HSN prefix).", auth: true, query: listTaxRatesInput, response: { status: 200, description: "The rates, by prefix then newest first (at most 500, not paged)", schema: { type: "object", properties: { data: { type: "array", items: taxRateView } } } } },
  { method: "post", path: "/tax-rates", tag: "Invoices", summary: "Add a company GST rate", description: "Applies to HSN codes starting with hsnPrefix from effectiveFrom; a longer prefix wins, and a company row wins over the schedule for the same prefix and day.", auth: true, body: addTaxRateInput, response: { status: 201, description: "The rate", schema: taxRateView } },
  { method: "delete", path: "/tax-rates/{id}", tag: "Invoices", summary: "Delete a company GST rate", description: "403 for a published schedule row.", auth: true, response: { status: 204, description: "Deleted" } },
];
