// GET /api/v1/reports/receivables/dso — days sales outstanding per month, week or retailer and for the range (?format=csv|xlsx for the file)
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportReceivablesReport } from "@/lib/reporting/receivables/export-receivables-report";
import { getDso } from "@/lib/reporting/receivables/get-dso";

export const GET = reportRoute(getDso, (ctx, q) => exportReceivablesReport(ctx, "dso", q));
