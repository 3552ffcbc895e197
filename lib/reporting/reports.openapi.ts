// OpenAPI operations for reports (sales, stock and receivables with their drill-downs) and the orders/invoices list exports.
import { attachmentHeader, mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { exportInvoicesInput } from "@/lib/reporting/lists/export-invoices";
import { exportOrdersInput } from "@/lib/reporting/lists/export-orders";
import { exportFormat, salesDocumentsInput, salesReportInput } from "@/lib/reporting/sales/sales.schemas";
import { receivablesReportOperations } from "@/lib/reporting/receivables/receivables.openapi";
import { stockReportOperations } from "@/lib/reporting/stock/stock.openapi";

const money = { type: "string", description: "Rupees as a decimal string" };
const figures = {
  quantity: { type: "string" }, taxable: money, tax: money, gross: money,
  cost: { type: ["string", "null"], description: "Net quantity × product cost, over lines whose product has a cost" },
  margin: { type: ["string", "null"] }, marginPercent: { type: ["string", "null"] }, documents: { type: "integer" },
};
const filters = {
  type: "object",
  required: [],
  description: "The filters applied (only those given)",
  properties: { connectionId: { type: "string" }, productId: { type: "string" }, categoryId: { type: "string" }, hsn: { type: "string" }, state: { type: "string" }, salespersonId: { type: "string" }, warehouseId: { type: "string" } },
};
const salesDocument = {
  type: "object",
  properties: {
    id: { type: "string" },
    number: { type: "string" },
    type: { enum: ["INVOICE", "CREDIT_NOTE", "DEBIT_NOTE"] },
    issueDate: { type: "string", format: "date" },
    retailer: { type: "string" },
    quantity: { type: "string" },
    taxable: { ...money, description: "What the document adds to the figure (negative for a credit note)" },
    tax: money,
    gross: money,
  },
};
const salesReport = {
  type: "object",
  properties: {
    from: { type: "string", format: "date" }, to: { type: "string", format: "date" }, groupBy: { type: "string" }, filters, truncated: { type: "boolean", description: "More groups than the report shows" },
    groups: { type: "array", items: { type: "object", properties: { key: { type: "string" }, name: { type: "string" }, code: { type: ["string", "null"] }, ...figures } } },
    totals: { type: "object", properties: figures },
  },
};
const fileNote = "The file is streamed (Content-Disposition: attachment).";

export const reportsOperations: Operation[] = [
  {
    method: "get", path: "/reports/sales", tag: "Reports", auth: true,
    summary: "Sales report: net sales grouped by period or dimension",
    description: "reports.read. Invoices and debit notes add, credit notes subtract, cancelled documents are left out. Quantity moves with invoices and return credit notes. format=csv or xlsx returns the report as a file. " + fileNote + " A bad value is 400 naming the field.",
    query: salesReportInput.extend({ format: exportFormat.optional() }),
    response: { status: 200, description: "Groups and totals (with format=csv or xlsx the file, as an attachment)", schema: salesReport, files: [mediaTypes.csv, mediaTypes.xlsx] },
  },
  {
    method: "get", path: "/reports/sales/documents", tag: "Reports", auth: true,
    summary: "The documents behind a sales figure (drill-down)",
    description: "reports.read. The same filters as the report; give a group's value (e.g. productId) to list what makes its figure. Amounts are each document's contribution (credit notes negative); totals equal the report's figure.",
    query: salesDocumentsInput,
    response: { status: 200, description: "Documents and totals", schema: { type: "object", properties: { from: { type: "string", format: "date" }, to: { type: "string", format: "date" }, filters, data: { type: "array", items: salesDocument }, total: { type: "integer" }, totals: { type: "object", properties: figures } } } },
  },
  ...stockReportOperations,
  ...receivablesReportOperations,
  {
    method: "get", path: "/orders/export", tag: "Orders", auth: true,
    summary: "Export the orders list (CSV or XLSX)",
    description: "orders.read. The same filters, status tab and sort as GET /orders; every matching order. " + fileNote,
    query: exportOrdersInput,
    response: { status: 200, description: "The file, as an attachment", files: [mediaTypes.csv, mediaTypes.xlsx], headers: attachmentHeader },
  },
  {
    method: "get", path: "/invoices/export", tag: "Invoices", auth: true,
    summary: "Export the invoices list (CSV or XLSX)",
    description: "billing.read. The same filters, type tab and sort as GET /invoices; every matching document. " + fileNote,
    query: exportInvoicesInput,
    response: { status: 200, description: "The file, as an attachment", files: [mediaTypes.csv, mediaTypes.xlsx], headers: attachmentHeader },
  },
];
