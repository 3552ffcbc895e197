// POST /api/v1/trips/{id}/end — bring a running trip back early; stops not reached are skipped and their shipments wait at the depot
import { endTripEarly } from "@/lib/logistics/trips/end-trip-early";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => endTripEarly(ctx, params.id, body ?? {}));
