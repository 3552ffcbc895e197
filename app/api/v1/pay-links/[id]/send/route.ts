// POST /api/v1/pay-links/{id}/send — e-mail and/or text the pay link to the retailer (once per link per day; again the same day answers alreadySent with the first send's time)
import { sendPayLink } from "@/lib/billing/gateway/send-pay-link";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => sendPayLink(ctx, params.id, body ?? {}));
