// GET /api/v1/reports/stock/reorder — products below their reorder level or with less cover than the lead time, with a suggested quantity (?format=csv|xlsx)
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportStockReport } from "@/lib/reporting/stock/export-stock-report";
import { getReorderSuggestions } from "@/lib/reporting/stock/get-reorder-suggestions";

export const GET = reportRoute(getReorderSuggestions, (ctx, q) => exportStockReport(ctx, "reorder", q));
