// POST /api/v1/vehicles/{id}/deactivate|activate — take a vehicle out of service or back
import { setVehicleActive } from "@/lib/logistics/fleet/vehicles";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params }) => setVehicleActive(ctx, params.id, params.action));
