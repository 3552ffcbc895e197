// GET /api/v1/payments/{id} — one receipt or refund with its allocations
import { getPaymentOrThrow } from "@/lib/billing/get-payment-or-throw";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getPaymentOrThrow(ctx, params.id));
