// POST /api/v1/orders/{id}/dispatch — a packed order leaves the warehouse (reserved stock goes out)
import { apiRoute } from "@/lib/http/route";
import { dispatchOrder } from "@/lib/orders/dispatch-order";

export const POST = apiRoute(({ ctx, params, body }) => dispatchOrder(ctx, params.id, body ?? {}));
