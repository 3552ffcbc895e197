// GET /api/v1/reports/stock/valuation — stock on hand and its value at cost by warehouse, category or product (?format=csv|xlsx for the file)
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportStockReport } from "@/lib/reporting/stock/export-stock-report";
import { getStockValuation } from "@/lib/reporting/stock/get-stock-valuation";

export const GET = reportRoute(getStockValuation, (ctx, q) => exportStockReport(ctx, "valuation", q));
