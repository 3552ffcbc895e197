// GET /api/v1/reports/sales/documents — the documents behind a sales figure (the report's drill-down), with what each adds
import { apiRoute } from "@/lib/http/route";
import { listSalesDocuments } from "@/lib/reporting/sales/list-sales-documents";

export const GET = apiRoute(async ({ ctx, url }) => listSalesDocuments(ctx, Object.fromEntries(url.searchParams)));
