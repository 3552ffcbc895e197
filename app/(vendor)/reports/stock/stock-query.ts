// The stock report's URL: read the query string into each view's input (a value the report would
// refuse is dropped and said so, instead of failing the page) and write links back.
import { istDay } from "@/lib/pricing/dates";
import { movementGroupings, stockFilters, stockViews, valuationGroupings, type MovementGrouping, type StockView, type ValuationGrouping } from "@/lib/reporting/stock/stock.schemas";
import { one, queryReader } from "@/lib/search-params";

export type StockQuery = {
  view: StockView;
  from: string;
  to: string;
  valuationGroupBy: ValuationGrouping;
  movementGroupBy: MovementGrouping;
  minDays: number;
  leadTimeDays: number;
  coverDays: number;
  filters: Record<string, string>;
};
const filterKeys = Object.keys(stockFilters) as (keyof typeof stockFilters)[];

export function readStockQuery(sp: Record<string, string | string[] | undefined>, now: Date): { query: StockQuery; dropped: string[] } {
  const today = istDay(now);
  const { dropped, pick, day, int } = queryReader(sp);
  const view = pick("view", stockViews, "valuation");
  const from = day("from", `${today.slice(0, 7)}-01`);
  const to = day("to", today);
  const groupBy = one(sp.groupBy);
  const filters: Record<string, string> = {};
  for (const k of filterKeys) {
    const v = one(sp[k]);
    if (!v) continue;
    if (stockFilters[k].safeParse(v).success) filters[k] = v;
    else dropped.push(k);
  }
  return {
    query: {
      view,
      from,
      to: to < from ? from : to,
      valuationGroupBy: view === "valuation" && groupBy ? pick("groupBy", valuationGroupings, "warehouse") : "warehouse",
      movementGroupBy: view === "movements" && groupBy ? pick("groupBy", movementGroupings, "product") : "product",
      minDays: int("minDays", 0, 3650, 0),
      leadTimeDays: int("leadTimeDays", 1, 180, 7),
      coverDays: int("coverDays", 0, 180, 14),
      filters,
    },
    dropped,
  };
}

/** The query of a view as URL parameters (defaults left out). */
export function stockParams(q: StockQuery, over: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const base: Record<string, string | undefined> = { view: q.view === "valuation" ? undefined : q.view, ...q.filters };
  if (q.view === "valuation") base.groupBy = q.valuationGroupBy === "warehouse" ? undefined : q.valuationGroupBy;
  if (q.view === "movements") Object.assign(base, { from: q.from, to: q.to, groupBy: q.movementGroupBy === "product" ? undefined : q.movementGroupBy });
  if (q.view === "ageing") base.minDays = q.minDays ? String(q.minDays) : undefined;
  if (q.view === "reorder") Object.assign(base, { leadTimeDays: q.leadTimeDays === 7 ? undefined : String(q.leadTimeDays), coverDays: q.coverDays === 14 ? undefined : String(q.coverDays) });
  return { ...base, ...over };
}

export { withQuery as href } from "@/lib/search-params";
