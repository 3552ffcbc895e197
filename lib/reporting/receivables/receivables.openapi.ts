// OpenAPI operations of the receivables report: collections, days sales outstanding, credit-limit
// usage, the ageing (the billing domain's own) and the documents behind a figure.
import { ageingInput } from "@/lib/billing/payments.schemas";
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { exportFormat } from "@/lib/reporting/sales/sales.schemas";
import { collectionsInput, creditUsageInput, dsoInput, receivablesDocumentsInput } from "./receivables.schemas";

const money = { type: "string", description: "Rupees as a decimal string" };
const nmoney = { type: ["string", "null"], description: "Rupees as a decimal string, or null" };
const str = { type: "string" };
const nstr = { type: ["string", "null"] };
const int = { type: "integer" };
const filters = { type: "object", required: [], description: "The filters applied (only those given)", properties: { connectionId: str, method: str } };
const files = [mediaTypes.csv, mediaTypes.xlsx];
const collection = { receipts: int, received: money, refunds: int, refunded: money, net: money };
const collectionGroup = { type: "object", properties: { key: str, name: str, code: nstr, ...collection } };
const dso = { from: str, to: str, days: int, creditSales: money, receivables: money, dso: { type: ["string", "null"], description: "Days, one decimal; null without credit sales" } };
const fileNote = "format=csv or xlsx returns the same rows and totals as a streamed file (Content-Disposition: attachment). reports.read and billing.read. A bad value is 400 naming the field; another company's ids select nothing.";
const buckets = { type: "object", properties: Object.fromEntries(["notDue", "d0_30", "d31_60", "d61_90", "d90_plus", "unappliedCredit", "total"].map((k) => [k, money])) };

export const receivablesReportOperations: Operation[] = [
  {
    method: "get", path: "/reports/receivables/collections", tag: "Reports", auth: true,
    summary: "Receivables report: collections by period, mode of payment or retailer",
    description: "Recorded receipts by the day the money moved (paidOn), refunds beside them and netted, voided payments left out. byMode splits the whole range by mode. " + fileNote,
    query: collectionsInput.extend({ format: exportFormat.optional() }),
    response: { status: 200, files, description: "Groups, by-mode split and totals", schema: { type: "object", properties: { from: str, to: str, groupBy: str, filters, truncated: { type: "boolean" }, groups: { type: "array", items: collectionGroup }, byMode: { type: "array", items: collectionGroup }, totals: { type: "object", properties: collection } } } },
  },
  {
    method: "get", path: "/reports/receivables/dso", tag: "Reports", auth: true,
    summary: "Receivables report: days sales outstanding",
    description: "DSO = receivables at the end of the period ÷ credit sales of the period × days in the period. Receivables: the ledger balance on the last day (= the ageing total as of that day); credit sales: issued invoices and debit notes less credit notes, with GST. Per month, week or retailer, and for the whole range (totals). " + fileNote,
    query: dsoInput.extend({ format: exportFormat.optional() }),
    response: { status: 200, files, description: "Rows and the whole range", schema: { type: "object", properties: { from: str, to: str, groupBy: str, filters, truncated: { type: "boolean" }, rows: { type: "array", items: { type: "object", properties: { key: str, name: str, code: nstr, ...dso } } }, totals: { type: "object", properties: dso } } } },
  },
  {
    method: "get", path: "/reports/receivables/credit-limits", tag: "Reports", auth: true,
    summary: "Receivables report: retailer credit-limit usage",
    description: "Today, per retailer: limit (0 = none), ledger outstanding, open orders not yet invoiced, exposure (their sum, what the order credit check compares), % used, headroom, state (over, near at 80%+, ok, no_limit) and orders on credit hold. " + fileNote,
    query: creditUsageInput.extend({ format: exportFormat.optional() }),
    response: {
      status: 200, files, description: "Retailers and totals",
      schema: { type: "object", properties: {
        asOf: str, status: str, filters, truncated: { type: "boolean" },
        rows: { type: "array", items: { type: "object", properties: { connectionId: str, name: str, customerCode: nstr, status: str, paymentTermsDays: int, creditLimit: money, outstanding: money, openOrders: money, exposure: money, usedPercent: nstr, headroom: nmoney, state: { type: "string", enum: ["over", "near", "ok", "no_limit"] }, onHold: { type: "object", properties: { orders: int, value: money } } } } },
        totals: { type: "object", properties: { retailers: int, over: int, near: int, onHoldOrders: int, onHoldValue: money, creditLimit: money, exposure: money } },
      } },
    },
  },
  {
    method: "get", path: "/reports/receivables/ageing", tag: "Reports", auth: true,
    summary: "Receivables report: ageing (as GET /receivables/ageing)",
    description: "The billing ageing behind the report's access rule: open amounts per retailer by days past due, unapplied credit, company totals. " + fileNote,
    query: ageingInput.extend({ format: exportFormat.optional() }),
    response: { status: 200, files, description: "Rows and company totals", schema: { type: "object", properties: { asOf: str, rows: { type: "array", items: { type: "object", properties: { connectionId: str, retailerId: str, name: str, customerCode: nstr, creditLimit: money, paymentTermsDays: int, buckets } } }, matching: int, page: int, pageSize: int, retailersWithBalance: int, totals: buckets } } },
  },
  {
    method: "get", path: "/reports/receivables/documents", tag: "Reports", auth: true,
    summary: "The documents behind a receivables figure (drill-down)",
    description: "kind=payments: recorded receipts and refunds paid on from..to (refunds negative; the sum is the net collected); kind=sales: issued invoices, debit notes and credit notes dated from..to (credit notes negative; the sum is the credit sales). reports.read and billing.read.",
    query: receivablesDocumentsInput,
    response: { status: 200, description: "Documents and their sum", schema: { type: "object", properties: { kind: str, from: str, to: str, filters, total: int, data: { type: "array", items: { type: "object", properties: { id: str, kind: str, type: str, number: str, date: str, retailer: str, connectionId: str, method: nstr, reference: nstr, amount: money, href: str } } }, totals: { type: "object", properties: { amount: money, documents: int } } } } },
  },
];
