// GET /api/v1/eway-bills/{id} — one e-way bill: status, validity, Part B history and the operations sent
import { apiRoute } from "@/lib/http/route";
import { getEwayBillOrThrow } from "@/lib/logistics/ewaybills/ewaybill-views";

export const GET = apiRoute(({ ctx, params }) => getEwayBillOrThrow(ctx, params.id));
