// GET /api/v1/drivers/{id} — one driver with the licence warning; PATCH — change name, phone, licence
import { getDriverOrThrow, updateDriver } from "@/lib/logistics/fleet/drivers";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getDriverOrThrow(ctx, params.id));

export const PATCH = apiRoute(({ ctx, params, body }) => updateDriver(ctx, params.id, body ?? {}));
