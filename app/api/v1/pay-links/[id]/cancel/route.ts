// POST /api/v1/pay-links/{id}/cancel — cancel a pay link at the gateway and here
import { cancelPayLink } from "@/lib/billing/gateway/cancel-pay-link";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => cancelPayLink(ctx, params.id, body ?? {}));
