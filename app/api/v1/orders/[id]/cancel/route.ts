// POST /api/v1/orders/{id}/cancel — cancel before dispatch, with a reason (reserved stock is released)
import { apiRoute } from "@/lib/http/route";
import { cancelOrder } from "@/lib/orders/cancel-order";

export const POST = apiRoute(({ ctx, params, body }) => cancelOrder(ctx, params.id, body ?? {}));
