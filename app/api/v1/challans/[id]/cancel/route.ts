// POST /api/v1/challans/{id}/cancel — cancel an issued delivery challan with a reason
import { apiRoute } from "@/lib/http/route";
import { cancelChallan } from "@/lib/logistics/challans/cancel-challan";

export const POST = apiRoute(({ ctx, params, body }) => cancelChallan(ctx, params.id, body ?? {}));
