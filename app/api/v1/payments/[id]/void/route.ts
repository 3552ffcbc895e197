// POST /api/v1/payments/{id}/void — void a receipt or refund with a reason (a bounced cheque); its allocations are released
import { voidPayment } from "@/lib/billing/void-payment";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => voidPayment(ctx, params.id, body ?? {}));
