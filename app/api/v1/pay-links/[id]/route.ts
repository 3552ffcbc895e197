// GET /api/v1/pay-links/{id} — one pay link: status, amount paid, and each gateway payment
import { getPayLinkOrThrow } from "@/lib/billing/gateway/get-pay-link-or-throw";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getPayLinkOrThrow(ctx, params.id));
