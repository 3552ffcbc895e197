// POST /api/v1/stock/counts/{id}/post — post the differences as adjustments (once)
import { postStockCount } from "@/lib/inventory/stock-counts";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params }) => postStockCount(ctx, params.id));
