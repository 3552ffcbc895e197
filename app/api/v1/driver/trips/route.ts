// GET /api/v1/driver/trips — the signed-in driver's trips of a day (today, IST, by default)
import { listMyTrips } from "@/lib/logistics/driver/my-trips";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => ({ data: await listMyTrips(ctx, { date: url.searchParams.get("date") ?? undefined }) }));
