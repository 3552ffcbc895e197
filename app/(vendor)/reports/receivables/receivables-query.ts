// The receivables report's URL: read the query string into each view's input (a value the report
// would refuse is dropped and said so, instead of failing the page) and write links back.
import { paymentMethods } from "@/lib/billing/payments.schemas";
import { istDay } from "@/lib/pricing/dates";
import { collectionGroupings, creditUsageStatuses, dsoGroupings, receivablesFilters, receivablesViews, type CollectionGrouping, type DsoGrouping, type ReceivablesView } from "@/lib/reporting/receivables/receivables.schemas";
import { addDays } from "@/lib/reporting/sales/sales-drill";
import { one, queryReader } from "@/lib/search-params";

export type ReceivablesQuery = {
  view: ReceivablesView;
  from: string;
  to: string;
  collectionsGroupBy: CollectionGrouping;
  dsoGroupBy: DsoGrouping;
  method?: (typeof paymentMethods)[number];
  status: (typeof creditUsageStatuses)[number];
  filters: Record<string, string>;
};

export function readReceivablesQuery(sp: Record<string, string | string[] | undefined>, now: Date): { query: ReceivablesQuery; dropped: string[] } {
  const today = istDay(now);
  const { dropped, pick, day } = queryReader(sp);
  const view = pick("view", receivablesViews, "collections");
  // By default the last three months up to today: enough for a DSO and a collections trend.
  const from = day("from", `${addDays(`${today.slice(0, 7)}-01`, -62).slice(0, 7)}-01`);
  const to = day("to", today);
  const groupBy = one(sp.groupBy);
  const methodParam = one(sp.method);
  const method = methodParam ? pick("method", paymentMethods, "CASH") : undefined;
  const filters: Record<string, string> = {};
  const conn = one(sp.connectionId);
  if (conn) {
    if (receivablesFilters.connectionId.safeParse(conn).success) filters.connectionId = conn;
    else dropped.push("connectionId");
  }
  return {
    query: {
      view,
      from,
      to: to < from ? from : to,
      collectionsGroupBy: view === "collections" && groupBy ? pick("groupBy", collectionGroupings, "month") : "month",
      dsoGroupBy: view === "dso" && groupBy ? pick("groupBy", dsoGroupings, "month") : "month",
      method: dropped.includes("method") ? undefined : method,
      status: view === "credit" ? pick("status", creditUsageStatuses, "all") : "all",
      filters,
    },
    dropped,
  };
}

/** The query of a view as URL parameters (defaults left out). */
export function receivablesParams(q: ReceivablesQuery, over: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const base: Record<string, string | undefined> = { view: q.view === "collections" ? undefined : q.view, ...q.filters };
  if (q.view !== "credit") Object.assign(base, { from: q.from, to: q.to });
  if (q.view === "collections") Object.assign(base, { groupBy: q.collectionsGroupBy === "month" ? undefined : q.collectionsGroupBy, method: q.method });
  if (q.view === "dso") base.groupBy = q.dsoGroupBy === "month" ? undefined : q.dsoGroupBy;
  if (q.view === "credit") base.status = q.status === "all" ? undefined : q.status;
  return { ...base, ...over };
}

export { withQuery as href } from "@/lib/search-params";
