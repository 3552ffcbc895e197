// GET /api/v1/trips/{id} — one trip with its stops, shipments, load and warnings; PATCH — vehicle, driver, departure, notes
import { getTripOrThrow } from "@/lib/logistics/trips/get-trip-or-throw";
import { updateTrip } from "@/lib/logistics/trips/update-trip";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getTripOrThrow(ctx, params.id));

export const PATCH = apiRoute(({ ctx, params, body }) => updateTrip(ctx, params.id, body ?? {}));
