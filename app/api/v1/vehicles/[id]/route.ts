// GET /api/v1/vehicles/{id} — one vehicle with its document warnings; PATCH — change it
import { getVehicleOrThrow, updateVehicle } from "@/lib/logistics/fleet/vehicles";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getVehicleOrThrow(ctx, params.id));

export const PATCH = apiRoute(({ ctx, params, body }) => updateVehicle(ctx, params.id, body ?? {}));
