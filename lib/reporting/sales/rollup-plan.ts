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
import { addDays, daysBetween, endOfMonth } from "./sales-drill";

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
  /** Months read from the monthly table: the first days of each run of months. */
  months: { from: string; to: string }[];
  /** Days read from the daily table, added (sign 1) or, for a month read whole, taken off again (sign −1). */
  days: { from: string; to: string; sign: 1 | -1 }[];
};

/**
 * A date range as rollup reads: each month the range covers entirely from the monthly table; a month
 * it covers mostly as that month less the days outside the range (fewer rows than its days one by
 * one: a month's products are a day's products, not thirty times as many); the rest day by day.
 * Days and weeks are read day by day (`byDay`): they do not fit in months.
 */
export function splitRange(from: string, to: string, byDay: boolean): RollupRange {
  if (byDay) return { months: [], days: [{ from, to, sign: 1 }] };
  const months: RollupRange["months"] = [];
  const days: RollupRange["days"] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = addDays(endOfMonth(m.slice(0, 7)), 1)) {
    const end = endOfMonth(m.slice(0, 7));
    const a = from > m ? from : m;
    const b = to < end ? to : end;
    const length = daysBetween(m, end) + 1;
    const covered = daysBetween(a, b) + 1;
    if (covered === length || covered * 2 > length) {
      const last = months.at(-1);
      if (last && addDays(endOfMonth(last.to.slice(0, 7)), 1) === m) last.to = m;
      else months.push({ from: m, to: m });
      if (a > m) days.push({ from: m, to: addDays(a, -1), sign: -1 });
      if (b < end) days.push({ from: addDays(b, 1), to: end, sign: -1 });
    } else {
      days.push({ from: a, to: b, sign: 1 });
    }
  }
  return { months, days };
}
