// GET /api/v1/reports/stock/ageing — slow movers: days since each shelf's last outward movement and the value idle 0–30/31–60/61–90/90+ days (?format=csv|xlsx)
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportStockReport } from "@/lib/reporting/stock/export-stock-report";
import { getStockAgeing } from "@/lib/reporting/stock/get-stock-ageing";

export const GET = reportRoute(getStockAgeing, (ctx, q) => exportStockReport(ctx, "ageing", q));
