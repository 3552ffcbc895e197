// POST /api/v1/eway-bills/{id}/cancel — cancel (CANEWB) within 24 hours of generation; queued for the e-way bill system (202)
import { apiRoute, Reply } from "@/lib/http/route";
import { cancelEwayBill } from "@/lib/logistics/ewaybills/ewaybill-actions";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await cancelEwayBill(ctx, params.id, body ?? {})));
