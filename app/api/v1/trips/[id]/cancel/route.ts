// POST /api/v1/trips/{id}/cancel — cancel a draft or scheduled trip; its shipments are free again
import { cancelTrip } from "@/lib/logistics/trips/cancel-trip";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => cancelTrip(ctx, params.id, body ?? {}));
