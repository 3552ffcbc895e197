// POST /api/v1/trips/{id}/stops/{stopId}/move — move a stop to a place in another trip of the day (or its own); ETAs follow
import { apiRoute } from "@/lib/http/route";
import { moveStop } from "@/lib/logistics/planning/day-plan";

export const POST = apiRoute(({ ctx, params, body }) => moveStop(ctx, params.id, params.stopId, body ?? {}));
