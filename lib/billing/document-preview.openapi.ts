// OpenAPI operations of the previews before issuing (lib/billing/document-preview.ts): the document
// as it would be issued now, from the same body as the issuing route, priced by the same functions.
import { invoiceOrderInput, issueInvoiceInput, issueNoteInput } from "@/lib/billing/billing.schemas";
import type { Operation } from "@/lib/http/openapi-operation";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const qty = { type: "string", description: 'Quantity, decimal string with 3 places, e.g. "12.000"' };
const day = { type: "string", format: "date", description: "IST calendar day, YYYY-MM-DD" };
const address = { address1: str, address2: nullableStr, city: str, stateCode: str, pincode: str };
const party = (extra: Record<string, unknown>) => ({ type: "object", properties: { legalName: str, tradeName: nullableStr, gstin: nullableStr, email: nullableStr, phone: nullableStr, ...address, ...extra }, required: ["legalName", "gstin", "address1", "city", "stateCode", "pincode"], additionalProperties: true });

const previewLine = {
  type: "object",
  properties: {
    position: { type: "integer" },
    sku: nullableStr,
    description: str,
    hsnCode: str,
    unit: str,
    quantity: { ...qty, description: "0 on a value-only note line" },
    unitPrice: money,
    freeGoods: { type: "boolean" },
    taxInclusive: { type: "boolean" },
    grossValue: money,
    discount: money,
    taxableValue: money,
    gstRate: str,
    cessRate: str,
    cgstAmount: money,
    sgstAmount: money,
    igstAmount: money,
    cessAmount: money,
    lineTotal: money,
    rateSource: { enum: ["schedule", "company", "product", "original"], description: "Where the GST rate came from: the dated schedule, the company's own rate, the product's, or the invoice line a note corrects" },
  },
};

const documentPreview = {
  title: "DocumentPreview",
  type: "object",
  properties: {
    type: { enum: ["INVOICE", "CREDIT_NOTE", "DEBIT_NOTE"] },
    series: { type: "string", description: "The series it is numbered in (Settings → GST)" },
    number: { type: "string", description: "The number it takes if nothing else of the series is issued first; issuing takes the next free one" },
    issueDate: day,
    dueDate: day,
    order: { type: ["object", "null"], properties: { id: str, number: str } },
    original: { type: ["object", "null"], properties: { id: str, number: str, issueDate: day } },
    noteReason: { enum: ["RETURN", "RATE_DIFFERENCE", "DISCOUNT", "DEFICIENCY", "OTHER", null] },
    seller: party({}),
    buyer: party({}),
    shipTo: { type: ["object", "null"], properties: { name: str, ...address } },
    placeOfSupply: { type: "object", properties: { code: str, name: str } },
    taxType: { enum: ["intra", "inter"] },
    supplyType: str,
    buyerReference: nullableStr,
    notes: nullableStr,
    lines: { type: "array", items: previewLine },
    taxSplit: { type: "array", description: "Per GST rate: taxable value and CGST/SGST or IGST (and cess)", items: { type: "object", properties: { gstRate: str, taxable: money, cgst: money, sgst: money, igst: money, cess: money } } },
    totals: { type: "object", properties: { taxable: money, discount: money, cgst: money, sgst: money, igst: money, cess: money, tax: money, roundOff: money, grandTotal: money } },
    amountInWords: str,
    backdated: { type: "boolean", description: "Dated more than 30 days back" },
  },
};

const previewNote = "Nothing is written and no number is taken; the same input rules and errors as issuing (400 naming the field, 404 for another company's record, 409 when issuing would be refused).";

export const documentPreviewOperations: Operation[] = [
  { method: "post", path: "/invoices/preview", tag: "Invoices", summary: "Preview a direct tax invoice", description: `The invoice POST /invoices would issue now with this body. ${previewNote}`, auth: true, body: issueInvoiceInput, response: { status: 200, description: "The invoice as it would be issued", schema: documentPreview } },
  { method: "post", path: "/orders/{id}/invoice/preview", tag: "Invoices", summary: "Preview an order's tax invoice", description: `The invoice POST /orders/{id}/invoice would issue now with this body (everything left, or the line quantities named). ${previewNote}`, auth: true, body: invoiceOrderInput, response: { status: 200, description: "The invoice as it would be issued", schema: documentPreview } },
  { method: "post", path: "/invoices/{id}/credit-notes/preview", tag: "Invoices", summary: "Preview a credit note", description: `The credit note POST /invoices/{id}/credit-notes would issue now with this body. ${previewNote}`, auth: true, body: issueNoteInput, response: { status: 200, description: "The credit note as it would be issued", schema: documentPreview } },
  { method: "post", path: "/invoices/{id}/debit-notes/preview", tag: "Invoices", summary: "Preview a debit note", description: `The debit note POST /invoices/{id}/debit-notes would issue now with this body. ${previewNote}`, auth: true, body: issueNoteInput, response: { status: 200, description: "The debit note as it would be issued", schema: documentPreview } },
];
