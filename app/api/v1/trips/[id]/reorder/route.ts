// POST /api/v1/trips/{id}/reorder — the stops in their new order (a locked stop keeps its place)
import { reorderStops } from "@/lib/logistics/trips/reorder-stops";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => reorderStops(ctx, params.id, body ?? {}));
