// GET /api/v1/reports/stock/movements — opening, in by kind, out by kind and closing stock of a period (?format=csv|xlsx for the file)
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportStockReport } from "@/lib/reporting/stock/export-stock-report";
import { getStockMovements } from "@/lib/reporting/stock/get-stock-movements";

export const GET = reportRoute(getStockMovements, (ctx, q) => exportStockReport(ctx, "movements", q));
