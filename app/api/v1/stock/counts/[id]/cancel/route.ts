// POST /api/v1/stock/counts/{id}/cancel — cancel a draft count
import { cancelStockCount } from "@/lib/inventory/stock-counts";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params }) => cancelStockCount(ctx, params.id));
