// GET /api/v1/reports/receivables/collections — money received by day, week, month, mode of payment or retailer, refunds netted (?format=csv|xlsx for the file)
import { reportRoute } from "@/lib/reporting/export/report-route";
import { exportReceivablesReport } from "@/lib/reporting/receivables/export-receivables-report";
import { getCollections } from "@/lib/reporting/receivables/get-collections";

export const GET = reportRoute(getCollections, (ctx, q) => exportReceivablesReport(ctx, "collections", q));
