// GET /api/v1/orders/{id} — one order with lines, totals, timeline and the actions open to the caller; PATCH — edit a placed order
import { apiRoute } from "@/lib/http/route";
import { editOrder } from "@/lib/orders/edit-order";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";

export const GET = apiRoute(({ ctx, params }) => getOrderOrThrow(ctx, params.id));

export const PATCH = apiRoute(({ ctx, params, body }) => editOrder(ctx, params.id, body ?? {}));
