// POST /api/v1/shipping-accounts/{id}/verify|disable|enable — check the credentials at the partner, or switch the account off/on
import { changeShippingAccount } from "@/lib/logistics/shipping/shipping-accounts";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params }) => changeShippingAccount(ctx, params.id, params.action));
