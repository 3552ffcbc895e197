// The sales report's one input: a date range, a grouping and optional filters, all plain query
// string values so a report is a shareable URL (/reports/sales?from=…&to=…&groupBy=retailer).
import { z } from "zod";

export const salesGroupings = ["day", "week", "month", "retailer", "product", "category", "hsn", "state", "salesperson", "warehouse"] as const;
export type SalesGrouping = (typeof salesGroupings)[number];
export const salesSorts = ["key", "-taxable", "taxable", "-quantity", "-gross", "-margin"] as const;

const day = (field: string) => z.string({ error: `${field} is required (YYYY-MM-DD)` }).regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not an id");

/** Filters narrow the documents (and the drill-down): a dimension value, "none" for documents without one. */
export const salesFilters = {
  connectionId: id.optional().describe("Retailer (its connection id)"),
  productId: id.optional().describe("Product id, or none for lines without a product"),
  categoryId: id.optional().describe("Category id, or none for uncategorised products"),
  hsn: z.string().trim().regex(/^\d{4,8}$/, "HSN is 4 to 8 digits").optional(),
  state: z.string().trim().regex(/^\d{2}$/, "A two-digit GST state code, e.g. 29").optional().describe("Place of supply"),
  salespersonId: id.optional().describe("User who placed or created the order, or none"),
  warehouseId: id.optional().describe("Warehouse of the order, or none for direct invoices"),
};

export const salesReportInput = z.strictObject({
  from: day("from").describe("First issue date, YYYY-MM-DD (IST)"),
  to: day("to").describe("Last issue date, YYYY-MM-DD (IST), at most 3 years after from"),
  groupBy: z.enum(salesGroupings).default("month"),
  sort: z.enum(salesSorts).default("key"),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000).describe("Groups returned (largest first when sorted by value)"),
  ...salesFilters,
});
export type SalesReportInput = z.input<typeof salesReportInput>;

export const salesDocumentsInput = z.strictObject({
  from: day("from"),
  to: day("to"),
  ...salesFilters,
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type SalesDocumentsInput = z.input<typeof salesDocumentsInput>;

export const exportFormat = z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" });
