// GET /api/v1/reports/receivables/ageing — the receivables ageing (the billing domain's own) as a report: JSON, or ?format=csv|xlsx for every retailer as a file
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportReceivablesReport } from "@/lib/reporting/receivables/export-receivables-report";
import { getReceivablesAgeing } from "@/lib/reporting/receivables/get-receivables-ageing";

export const GET = reportRoute(getReceivablesAgeing, (ctx, q) => exportReceivablesReport(ctx, "ageing", q));
