// POST /api/v1/trips/{id}/lock — lock or unlock the whole trip for the route planner
import { setTripLock } from "@/lib/logistics/trips/set-lock";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => setTripLock(ctx, params.id, body ?? {}));
