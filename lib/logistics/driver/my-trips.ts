import "server-only";
// The driver's own trips of a day (today by default, IST), and one of them with its stops in order.
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { driverOfActorOrThrow } from "@/lib/logistics/driver/driver-access";
import { myTripsInput } from "@/lib/logistics/driver/driver.schemas";
import { tripViewArgs, toTripView, type TripView } from "@/lib/logistics/trips/trip-views";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export async function listMyTrips(ctx: Ctx, input: unknown = {}): Promise<TripView[]> {
  const q = parseInput(myTripsInput, input ?? {});
  const driver = await driverOfActorOrThrow(ctx.db, ctx.actor).catch(() => null);
  if (!driver) return [];
  const rows = await ctx.db.deliveryTrip.findMany({
    where: { companyId: driver.companyId, driverId: driver.id, tripDate: dayToDbDate(q.date ?? istDay(ctx.now())), status: { in: ["SCHEDULED", "IN_TRANSIT", "COMPLETED"] } },
    ...tripViewArgs,
    orderBy: [{ plannedDeparture: "asc" }, { number: "asc" }],
  });
  return rows.map((r) => toTripView(null, r)).map(forDriver);
}

export async function getMyTripOrThrow(ctx: Ctx, tripId: string): Promise<TripView> {
  const driver = await driverOfActorOrThrow(ctx.db, ctx.actor);
  const row = await ctx.db.deliveryTrip.findFirst({ where: { id: String(tripId), companyId: driver.companyId, driverId: driver.id, status: { in: ["SCHEDULED", "IN_TRANSIT", "COMPLETED"] } }, ...tripViewArgs });
  if (!row) throw notFound("Trip");
  return forDriver(toTripView(null, row));
}

/** The driver acts through stop updates only, not the dispatcher's actions. */
function forDriver(t: TripView): TripView {
  return { ...t, availableActions: [] };
}
