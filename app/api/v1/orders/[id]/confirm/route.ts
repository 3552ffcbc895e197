// POST /api/v1/orders/{id}/confirm — the vendor accepts a placed order
import { apiRoute } from "@/lib/http/route";
import { confirmOrder } from "@/lib/orders/confirm-order";

export const POST = apiRoute(({ ctx, params, body }) => confirmOrder(ctx, params.id, body ?? {}));
