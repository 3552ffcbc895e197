// POST /api/v1/orders/{id}/return — goods of a delivered order came back (per-line quantities and a reason)
import { apiRoute } from "@/lib/http/route";
import { returnOrder } from "@/lib/orders/return-order";

export const POST = apiRoute(({ ctx, params, body }) => returnOrder(ctx, params.id, body ?? {}));
