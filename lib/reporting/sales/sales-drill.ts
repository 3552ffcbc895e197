// Pure helpers of the sales report: what a group's figure drills down to (the same filters plus
// the group's own value, or the group's days for a period), and group labels. No database here.
import { stateName } from "@/lib/integrations/gst/states";
import type { SalesFilterValues } from "./sales-sql";
import type { SalesGrouping } from "./sales.schemas";

export type SalesRange = { from: string; to: string };
const DAY_MS = 86_400_000;

export const isPeriodGrouping = (g: SalesGrouping) => g === "day" || g === "week" || g === "month";

export const groupingLabels: Record<SalesGrouping, string> = {
  day: "Day",
  week: "Week",
  month: "Month",
  retailer: "Retailer",
  product: "Product",
  category: "Category",
  hsn: "HSN",
  state: "State (place of supply)",
  salesperson: "Salesperson",
  warehouse: "Warehouse",
};

/** The filters that select exactly the documents behind one group of the report. */
export function drillFilters(g: SalesGrouping, key: string, range: SalesRange, filters: SalesFilterValues): SalesRange & SalesFilterValues {
  const base = { ...filters, ...range };
  switch (g) {
    case "day":
      return { ...base, from: key, to: key };
    case "week":
      return { ...base, from: maxDay(key, range.from), to: minDay(addDays(key, 6), range.to) };
    case "month":
      return { ...base, from: maxDay(`${key}-01`, range.from), to: minDay(endOfMonth(key), range.to) };
    case "retailer":
      return { ...base, connectionId: key };
    case "product":
      return { ...base, productId: key };
    case "category":
      return { ...base, categoryId: key };
    case "hsn":
      return { ...base, hsn: key };
    case "state":
      return { ...base, state: key };
    case "salesperson":
      return { ...base, salespersonId: key };
    case "warehouse":
      return { ...base, warehouseId: key };
  }
}

/** How a group is named on screen and in exports. */
export function groupName(g: SalesGrouping, key: string, label: string | null): string {
  switch (g) {
    case "day":
      return key;
    case "week":
      return `Week of ${key}`;
    case "month":
      return monthName(key);
    case "state":
      return `${stateName(key) ?? "Unknown state"} (${key})`;
    case "hsn":
      return key;
    default:
      if (key === "none") return { retailer: "—", product: "Lines without a product", category: "Uncategorised", salesperson: "No salesperson (portal, API or direct invoice)", warehouse: "Direct invoices (no order)" }[g];
      return label ?? key;
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export function monthName(ym: string): string {
  return `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
}

/** Every key of a period grouping inside the range, so a chart shows days without sales as zero. */
export function periodKeys(g: "day" | "week" | "month", range: SalesRange): string[] {
  const keys: string[] = [];
  if (g === "month") {
    for (let ym = range.from.slice(0, 7); ym <= range.to.slice(0, 7); ym = nextMonth(ym)) keys.push(ym);
    return keys;
  }
  let d = g === "week" ? mondayOf(range.from) : range.from;
  for (; d <= range.to; d = addDays(d, g === "week" ? 7 : 1)) keys.push(d);
  return keys;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
export function endOfMonth(ym: string): string {
  return addDays(`${nextMonth(ym)}-01`, -1);
}
function nextMonth(ym: string): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}
const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);
