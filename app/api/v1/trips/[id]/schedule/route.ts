// POST /api/v1/trips/{id}/schedule — DRAFT → SCHEDULED (vehicle, driver, a stop, load within capacity; LR written)
import { scheduleTrip } from "@/lib/logistics/trips/schedule-trip";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => scheduleTrip(ctx, params.id, body ?? {}));
