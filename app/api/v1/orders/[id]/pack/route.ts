// POST /api/v1/orders/{id}/pack — the goods of a confirmed order are picked and packed
import { apiRoute } from "@/lib/http/route";
import { packOrder } from "@/lib/orders/pack-order";

export const POST = apiRoute(({ ctx, params, body }) => packOrder(ctx, params.id, body ?? {}));
