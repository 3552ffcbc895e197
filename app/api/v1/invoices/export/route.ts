// GET /api/v1/invoices/export — the invoices list under its filters as a CSV or XLSX file (streamed)
import { apiRoute } from "@/lib/http/route";
import { fileResponse } from "@/lib/reporting/export/stream-table";
import { exportInvoices } from "@/lib/reporting/lists/export-invoices";

export const GET = apiRoute(async ({ ctx, url }) => fileResponse(await exportInvoices(ctx, Object.fromEntries(url.searchParams))));
