// Which table answers a sales figure, and over which days. Pure: no database here.
//
// - "header": SalesByDay/Month, keyed by retailer (connection), warehouse, salesperson and place of
//   supply — for periods, those four groupings and their filters.
// - "product": ProductSalesByDay/Month, keyed by product and HSN code — for those two groupings and
//   filters, with periods.
// - "lines": the invoice lines (sales-sql.ts) — for a category (a product's category is today's, read
//   at query time, and a document's count per category cannot be added up from per-product rows), and
//   for a product or HSN dimension together with a retailer, state, salesperson or warehouse one (no
//   rollup keeps both).
import type { SalesFilterValues } from "./sales-sql";
import type { SalesGrouping } from "./sales.schemas";
import { addDays, endOfMonth } from "./sales-drill";

export type SalesSource = "header" | "product" | "lines";
/** Which of the product rollup's document counts adds up to the figure's document count. */
export type ProductDocuments = "documents" | "productDocuments" | "hsnDocuments";

const headerGroupings = new Set<SalesGrouping>(["retailer", "state", "salesperson", "warehouse"]);
const productGroupings = new Set<SalesGrouping>(["product", "hsn"]);

/** The source of the groups (groupBy given) or of the totals (groupBy null: the filters alone decide). */
export function salesSourceFor(groupBy: SalesGrouping | null, f: SalesFilterValues): SalesSource {
  if (groupBy === "category" || f.categoryId !== undefined) return "lines";
  const product = (groupBy !== null && productGroupings.has(groupBy)) || f.productId !== undefined || f.hsn !== undefined;
  const header = (groupBy !== null && headerGroupings.has(groupBy)) || f.connectionId !== undefined || f.state !== undefined || f.salespersonId !== undefined || f.warehouseId !== undefined;
  if (product && header) return "lines";
  return product ? "product" : "header";
}

/**
 * A product-rollup figure's document count: per product and HSN code when both are fixed (by the
 * grouping or a filter), else the count kept once per product, or once per HSN code.
 */
export function productDocumentsFor(groupBy: SalesGrouping | null, f: SalesFilterValues): ProductDocuments {
  const product = groupBy === "product" || f.productId !== undefined;
  const hsn = groupBy === "hsn" || f.hsn !== undefined;
  if (product && hsn) return "documents";
  return product ? "productDocuments" : "hsnDocuments";
}

export type RollupRange = {
  /** Whole months inside the range, read from the monthly table: first days of the first and last month. */
  months: { from: string; to: string } | null;
  /** The days outside those months, read from the daily table. */
  days: { from: string; to: string }[];
};

/**
 * A date range as whole months plus the days at its edges. Days and weeks are read day by day
 * (`byDay`): a week does not fit in months.
 */
export function splitRange(from: string, to: string, byDay: boolean): RollupRange {
  if (byDay) return { months: null, days: [{ from, to }] };
  const firstMonth = from.endsWith("-01") ? from : addDays(endOfMonth(from.slice(0, 7)), 1);
  const lastEnd = to === endOfMonth(to.slice(0, 7)) ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (firstMonth > lastEnd) return { months: null, days: [{ from, to }] };
  const days: RollupRange["days"] = [];
  if (from < firstMonth) days.push({ from, to: addDays(firstMonth, -1) });
  if (lastEnd < to) days.push({ from: addDays(lastEnd, 1), to });
  return { months: { from: firstMonth, to: `${lastEnd.slice(0, 7)}-01` }, days };
}
