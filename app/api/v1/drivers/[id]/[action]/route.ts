// POST /api/v1/drivers/{id}/deactivate|activate — take a driver off the roster or back
import { setDriverActive } from "@/lib/logistics/fleet/drivers";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params }) => setDriverActive(ctx, params.id, params.action));
