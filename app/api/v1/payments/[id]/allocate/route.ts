// POST /api/v1/payments/{id}/allocate — replace a receipt's allocation: by hand or "auto" (oldest due first)
import { allocatePayment } from "@/lib/billing/allocate-payment";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => allocatePayment(ctx, params.id, body ?? {}));
