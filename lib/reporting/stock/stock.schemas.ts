// The stock report's inputs, one per view, all plain query-string values so a view is a shareable
// URL (/reports/stock?view=movements&from=…&to=…&warehouseId=…). The drill-down takes the same
// filters plus the figure it explains.
import { z } from "zod";

const day = (field: string) => z.string({ error: `${field} is required (YYYY-MM-DD)` }).regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not an id");
const limit = z.coerce.number().int().min(1).max(10_000).default(1000).describe("Rows returned (totals are over all of them)");

/** Filters narrow the shelves (product × warehouse) a figure is made of; another company's id selects nothing. */
export const stockFilters = {
  warehouseId: id.optional().describe("Warehouse id"),
  categoryId: id.optional().describe("Category id (the product's own category), or none for uncategorised products"),
  productId: id.optional().describe("Product id"),
};
export type StockFilterValues = { warehouseId?: string; categoryId?: string; productId?: string };

export const valuationGroupings = ["warehouse", "category", "product"] as const;
export type ValuationGrouping = (typeof valuationGroupings)[number];

export const stockValuationReportInput = z.strictObject({
  groupBy: z.enum(valuationGroupings).default("warehouse"),
  limit,
  ...stockFilters,
});

export const movementGroupings = ["product", "warehouse", "category"] as const;
export type MovementGrouping = (typeof movementGroupings)[number];

export const stockMovementsInput = z.strictObject({
  from: day("from").describe("First day of the period, YYYY-MM-DD (IST)"),
  to: day("to").describe("Last day of the period, YYYY-MM-DD (IST), at most 3 years after from"),
  groupBy: z.enum(movementGroupings).default("product"),
  limit,
  ...stockFilters,
});

export const stockAgeingInput = z.strictObject({
  minDays: z.coerce.number().int().min(0).max(3650).default(0).describe("Only shelves idle at least this many days"),
  limit,
  ...stockFilters,
});

export const reorderInput = z.strictObject({
  leadTimeDays: z.coerce.number().int().min(1).max(180).default(7).describe("Days between ordering and receiving, for products without a lead time of their own"),
  coverDays: z.coerce.number().int().min(0).max(180).default(14).describe("Days of outflow to hold after the goods arrive"),
  limit,
  ...stockFilters,
});

/**
 * The figures a drill-down explains. opening/closing: every ledger row before the first day / up
 * to the end of the last day; on_hand: every row (today's stock); in/out and their kinds: the rows
 * of the period; outflow: dispatches (and transfers out of a filtered warehouse) of the period.
 */
export const ledgerFigures = ["on_hand", "opening", "closing", "in", "out", "receipts", "returns", "transfers_in", "adjustments_in", "dispatches", "transfers_out", "adjustments_out", "outflow"] as const;
export type LedgerFigure = (typeof ledgerFigures)[number];

export const stockLedgerInput = z.strictObject({
  figure: z.enum(ledgerFigures).default("on_hand"),
  from: day("from").optional().describe("Needed by every figure except on_hand"),
  to: day("to").optional().describe("Needed by every figure except on_hand"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  ...stockFilters,
});

export const stockViews = ["valuation", "movements", "ageing", "reorder"] as const;
export type StockView = (typeof stockViews)[number];
