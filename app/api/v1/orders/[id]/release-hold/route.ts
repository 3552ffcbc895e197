// POST /api/v1/orders/{id}/release-hold — approve an order held over the retailer's credit limit
import { apiRoute } from "@/lib/http/route";
import { releaseCreditHold } from "@/lib/orders/release-credit-hold";

export const POST = apiRoute(({ ctx, params, body }) => releaseCreditHold(ctx, params.id, body ?? {}));
