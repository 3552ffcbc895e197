// PUT /api/v1/stock/counts/{id}/lines — save counted quantities of a draft count
import { saveCountLines } from "@/lib/inventory/stock-counts";
import { apiRoute } from "@/lib/http/route";

export const PUT = apiRoute(({ ctx, params, body }) => saveCountLines(ctx, params.id, body ?? {}));
