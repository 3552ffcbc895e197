// POST /api/v1/eway-bills/trips/{tripId}/part-b — update Part B of every live e-way bill on a trip's shipments from the trip's vehicle
import { apiRoute, Reply } from "@/lib/http/route";
import { updatePartBForTrip } from "@/lib/logistics/ewaybills/ewaybill-actions";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await updatePartBForTrip(ctx, params.tripId, body ?? {})));
