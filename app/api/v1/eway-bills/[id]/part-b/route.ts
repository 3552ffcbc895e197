// POST /api/v1/eway-bills/{id}/part-b — update Part B (VEHEWB): a new vehicle or transport document with a reason; queued for the e-way bill system (202)
import { apiRoute, Reply } from "@/lib/http/route";
import { updatePartB } from "@/lib/logistics/ewaybills/ewaybill-actions";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await updatePartB(ctx, params.id, body ?? {})));
