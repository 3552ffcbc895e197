// POST /api/v1/orders/{id}/place — place a draft order (re-priced today, stock reserved, credit checked)
import { apiRoute } from "@/lib/http/route";
import { submitDraftOrder } from "@/lib/orders/submit-draft-order";

export const POST = apiRoute(({ ctx, params }) => submitDraftOrder(ctx, params.id));
