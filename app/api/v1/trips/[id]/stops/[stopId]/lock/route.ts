// POST /api/v1/trips/{id}/stops/{stopId}/lock — lock or unlock a stop at its place
import { setStopLock } from "@/lib/logistics/trips/set-lock";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => setStopLock(ctx, params.id, params.stopId, body ?? {}));
