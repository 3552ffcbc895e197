// GET /api/v1/shipping-accounts/{id} — one shipping partner account (secrets never returned)
import { getShippingAccountOrThrow } from "@/lib/logistics/shipping/shipping-accounts";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getShippingAccountOrThrow(ctx, params.id));
