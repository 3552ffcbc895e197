// GET /api/v1/route-plans?tripDate=&depotWarehouseId= — the day's trips at a depot and the last planning run;
// POST — plan the day: ready shipments onto draft trips for the chosen vehicles (re-plans unlocked drafts)
import { apiRoute } from "@/lib/http/route";
import { getDayPlan } from "@/lib/logistics/planning/day-plan";
import { planDay } from "@/lib/logistics/planning/plan-day";

export const GET = apiRoute(({ ctx, url }) => getDayPlan(ctx, { tripDate: url.searchParams.get("tripDate") ?? "", depotWarehouseId: url.searchParams.get("depotWarehouseId") ?? "" }));
export const POST = apiRoute(({ ctx, body }) => planDay(ctx, body ?? {}));
