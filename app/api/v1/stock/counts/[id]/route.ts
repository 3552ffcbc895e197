// GET /api/v1/stock/counts/{id} — one count sheet with expected, counted and difference per product
import { getStockCountOrThrow } from "@/lib/inventory/stock-counts";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getStockCountOrThrow(ctx, params.id));
