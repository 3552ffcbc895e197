// GET /api/v1/orders/export — the orders list under its filters as a CSV or XLSX file (streamed)
import { apiRoute } from "@/lib/http/route";
import { fileResponse } from "@/lib/reporting/export/stream-table";
import { exportOrders } from "@/lib/reporting/lists/export-orders";

export const GET = apiRoute(async ({ ctx, url }) => fileResponse(await exportOrders(ctx, Object.fromEntries(url.searchParams))));
