// GET /api/v1/driver/trips/{id}/stops/{stopId} — a stop: what to hand over, call and navigate links, the POD once done
import { getMyStopOrThrow } from "@/lib/logistics/driver/get-my-stop";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getMyStopOrThrow(ctx, params.id, params.stopId));
