// The receivables report's inputs, one per view, all plain query-string values so a view is a
// shareable URL (/reports/receivables?view=collections&from=…&to=…&groupBy=mode).
import { z } from "zod";
import { paymentMethods } from "@/lib/billing/payments.schemas";

const day = (field: string) => z.string({ error: `${field} is required (YYYY-MM-DD)` }).regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not an id");
const limit = z.coerce.number().int().min(1).max(10_000).default(1000).describe("Rows returned (totals are over all of them)");

export const receivablesFilters = {
  connectionId: id.optional().describe("Retailer (its connection id)"),
};
export type ReceivablesFilterValues = { connectionId?: string; method?: (typeof paymentMethods)[number] };

export const collectionGroupings = ["day", "week", "month", "mode", "retailer"] as const;
export type CollectionGrouping = (typeof collectionGroupings)[number];

export const collectionsInput = z.strictObject({
  from: day("from").describe("First day the money moved, YYYY-MM-DD (IST)"),
  to: day("to").describe("Last day, YYYY-MM-DD, at most 3 years after from"),
  groupBy: z.enum(collectionGroupings).default("month"),
  method: z.enum(paymentMethods).optional().describe("Mode of payment"),
  limit,
  ...receivablesFilters,
});

export const dsoGroupings = ["month", "week", "retailer"] as const;
export type DsoGrouping = (typeof dsoGroupings)[number];

export const dsoInput = z.strictObject({
  from: day("from").describe("First day of the period, YYYY-MM-DD (IST)"),
  to: day("to").describe("Last day of the period; receivables are taken at its end"),
  groupBy: z.enum(dsoGroupings).default("month"),
  limit,
  ...receivablesFilters,
});

export const creditUsageStatuses = ["all", "over", "near", "on_hold"] as const;
export const creditUsageInput = z.strictObject({
  status: z.enum(creditUsageStatuses).default("all").describe("over: exposure above the limit; near: 80–100% used; on_hold: with orders on credit hold"),
  limit,
  ...receivablesFilters,
});

export const receivablesDocumentKinds = ["payments", "sales"] as const;
export const receivablesDocumentsInput = z.strictObject({
  kind: z.enum(receivablesDocumentKinds).describe("payments: receipts and refunds (collections); sales: invoices, debit and credit notes (credit sales)"),
  from: day("from"),
  to: day("to"),
  method: z.enum(paymentMethods).optional().describe("payments only"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  ...receivablesFilters,
});

export const receivablesViews = ["collections", "dso", "credit", "ageing"] as const;
export type ReceivablesView = (typeof receivablesViews)[number];
