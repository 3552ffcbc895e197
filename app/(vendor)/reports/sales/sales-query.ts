// The sales report's URL: read the query string into the report's input (a value the report would
// refuse is dropped and said so, instead of failing the page) and write links back.
import { istDay } from "@/lib/pricing/dates";
import { salesFilters, salesGroupings, salesSorts, type SalesGrouping } from "@/lib/reporting/sales/sales.schemas";
import { one } from "@/lib/search-params";

export type SalesQuery = { from: string; to: string; groupBy: SalesGrouping; sort?: string; filters: Record<string, string> };
export const filterKeys = Object.keys(salesFilters) as (keyof typeof salesFilters)[];

export function readSalesQuery(sp: Record<string, string | string[] | undefined>, now: Date): { query: SalesQuery; dropped: string[] } {
  const today = istDay(now);
  const dropped: string[] = [];
  const day = (k: string, fallback: string) => {
    const v = one(sp[k]);
    if (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return v;
    if (v) dropped.push(k);
    return fallback;
  };
  const from = day("from", `${today.slice(0, 7)}-01`);
  const to = day("to", today);
  const g = one(sp.groupBy);
  const groupBy = (salesGroupings as readonly string[]).includes(g ?? "") ? (g as SalesGrouping) : "day";
  if (g && g !== groupBy) dropped.push("groupBy");
  const s = one(sp.sort);
  const sort = s && (salesSorts as readonly string[]).includes(s) ? s : undefined;
  const filters: Record<string, string> = {};
  for (const k of filterKeys) {
    const v = one(sp[k]);
    if (!v) continue;
    if (salesFilters[k].safeParse(v).success) filters[k] = v;
    else dropped.push(k);
  }
  return { query: { from, to: to < from ? from : to, groupBy, sort, filters }, dropped };
}

export function salesHref(path: string, q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
