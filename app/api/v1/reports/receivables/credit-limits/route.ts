// GET /api/v1/reports/receivables/credit-limits — each retailer's credit limit, exposure, share used, over-limit flag and orders on hold (?format=csv|xlsx)
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportReceivablesReport } from "@/lib/reporting/receivables/export-receivables-report";
import { getCreditUsage } from "@/lib/reporting/receivables/get-credit-usage";

export const GET = reportRoute(getCreditUsage, (ctx, q) => exportReceivablesReport(ctx, "credit", q));
