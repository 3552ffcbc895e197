// GET /api/v1/reports/receivables/documents — the payments or sales documents behind a receivables figure (the report's drill-down), with their sum
import { reportRoute } from "@/lib/reporting/export/report-route";
import { listReceivablesDocuments } from "@/lib/reporting/receivables/list-receivables-documents";

export const GET = reportRoute(listReceivablesDocuments);
