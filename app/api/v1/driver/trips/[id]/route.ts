// GET /api/v1/driver/trips/{id} — one of the driver's trips with its stops in order (another driver's is 404)
import { getMyTripOrThrow } from "@/lib/logistics/driver/my-trips";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getMyTripOrThrow(ctx, params.id));
