import "server-only";
// A day's plan at a depot as the planner screen and the API show it: the trips of that day (any
// maker: planner or by hand), the last planning run's figures and what it could not place, and where
// the depot is. Also moving a stop by hand between trips (its ETAs follow, the stop is then locked so
// a re-plan keeps it where the dispatcher put it).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { pincodePosition } from "@/lib/logistics/geo/pincodes";
import { moveStopInput } from "@/lib/logistics/planning/planning.schemas";
import { refreshTripSchedule } from "@/lib/logistics/planning/trip-schedule";
import { assertWithinCapacity, resequenceStops, tripLoad } from "@/lib/logistics/trips/trip-plan";
import { assertTripEditable, loadTripView, tripViewArgs, toTripView, type TripView } from "@/lib/logistics/trips/trip-views";
import { dayToDbDate, isCalendarDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export type UnplacedView = {
  name: string;
  city: string;
  pincode: string;
  /** no_position | capacity | time_window | too_far | no_vehicle */
  reason: string;
  detail: string;
  shipmentIds: string[];
  shipmentNumbers: string[];
  weightKg: string;
};

export type PlanRunView = {
  id: string;
  createdAt: string;
  input: Record<string, unknown>;
  stats: { trips: number; stops: number; distanceKm: number; cost: number; loadMs: number; solveMs: number; writeMs: number; totalMs: number; iterations: number; busyVehicles: string[] };
  unplaced: UnplacedView[];
};

export type DayPlanView = {
  tripDate: string;
  depot: { id: string; code: string; name: string; position: { lat: number; lng: number } | null };
  trips: TripView[];
  lastRun: PlanRunView | null;
  /** Ready shipments at the depot on no trip yet. */
  waitingShipments: number;
};

export async function getDayPlan(ctx: Ctx, input: { tripDate: string; depotWarehouseId: string }): Promise<DayPlanView> {
  assertCan(ctx.actor, "logistics.read");
  const actor = ctx.actor;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.tripDate) || !isCalendarDay(input.tripDate)) throw new AppError("validation", "Enter a date as YYYY-MM-DD", { fieldErrors: { tripDate: ["Enter a date as YYYY-MM-DD"] } });
  const depot = await ctx.db.warehouse.findFirst({ where: { id: input.depotWarehouseId, companyId: actor.companyId }, select: { id: true, code: true, name: true, latitude: true, longitude: true, pincode: true } });
  if (!depot) throw notFound("Warehouse");
  const day = dayToDbDate(input.tripDate);
  const [trips, run, waiting] = await Promise.all([
    ctx.db.deliveryTrip.findMany({ where: { companyId: actor.companyId, tripDate: day, depotWarehouseId: depot.id, status: { not: "CANCELLED" } }, ...tripViewArgs, orderBy: { number: "asc" } }),
    ctx.db.routePlanRun.findFirst({ where: { companyId: actor.companyId, tripDate: day, depotWarehouseId: depot.id }, orderBy: { createdAt: "desc" } }),
    ctx.db.shipment.count({ where: { companyId: actor.companyId, warehouseId: depot.id, status: "READY", currentTripId: null } }),
  ]);
  return {
    tripDate: input.tripDate,
    depot: { id: depot.id, code: depot.code, name: depot.name, position: depot.latitude && depot.longitude ? { lat: Number(depot.latitude), lng: Number(depot.longitude) } : pincodePosition(depot.pincode) },
    trips: trips.map((t) => toTripView(actor, t)),
    lastRun: run ? { id: run.id, createdAt: run.createdAt.toISOString(), input: run.input as Record<string, unknown>, stats: run.stats as PlanRunView["stats"], unplaced: run.unplaced as UnplacedView[] } : null,
    waitingShipments: waiting,
  };
}

/**
 * Moves a stop (with its shipments) to a place in another trip of the same day and depot, or to another
 * place in its own trip. Both trips must still be drafts or scheduled; the target's load stays within its
 * vehicle. ETAs of both trips are recomputed, and the moved stop is locked.
 */
export async function moveStop(ctx: Ctx, tripId: string, stopId: string, input: unknown): Promise<{ from: TripView; to: TripView }> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(moveStopInput, input);
  return ctx.db.$transaction(
    async (tx) => {
      const ids = [...new Set([tripId, data.toTripId])].sort();
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DeliveryTrip" WHERE id = ANY(${ids}) AND "companyId" = ${actor.companyId} ORDER BY id FOR UPDATE`;
      if (!locked.some((r) => r.id === tripId)) throw notFound("Trip");
      if (!locked.some((r) => r.id === data.toTripId)) throw new AppError("not_found", "Trip not found", { fieldErrors: { toTripId: ["Not a trip of this company"] } });
      const [from, to] = await Promise.all([tripId, data.toTripId].map((id) => tx.deliveryTrip.findUniqueOrThrow({ where: { id }, include: { vehicle: true, stops: { orderBy: { sequence: "asc" }, select: { id: true } } } })));
      const stop = await tx.tripStop.findFirst({ where: { id: stopId, tripId: from.id }, include: { shipments: { select: { shipmentId: true } } } });
      if (!stop) throw notFound("Stop");
      assertTripEditable(from, "move its stops");
      assertTripEditable(to, "add stops to it");
      if (from.tripDate.getTime() !== to.tripDate.getTime() || from.depotWarehouseId !== to.depotWarehouseId) {
        throw new AppError("conflict", `Trip ${to.number} leaves from another depot or on another day than ${from.number}`, { fieldErrors: { toTripId: ["Another day or depot"] } });
      }
      const target = to.stops.map((s) => s.id).filter((id) => id !== stop.id);
      target.splice(Math.min(data.position - 1, target.length), 0, stop.id);
      if (from.id !== to.id) {
        // Park the stop out of the target's numbering, then move it and its shipments across.
        await tx.tripStop.update({ where: { id: stop.id }, data: { tripId: to.id, sequence: -1, locked: true } });
        await tx.shipment.updateMany({ where: { companyId: actor.companyId, id: { in: stop.shipments.map((s) => s.shipmentId) }, currentTripId: from.id }, data: { currentTripId: to.id } });
        assertWithinCapacity(await tripLoad(tx, to.id), to.vehicle);
        await resequenceStops(tx, from.id, from.stops.map((s) => s.id).filter((id) => id !== stop.id));
      } else {
        await tx.tripStop.update({ where: { id: stop.id }, data: { locked: true } });
      }
      await resequenceStops(tx, to.id, target);
      await refreshTripSchedule(tx, from.id);
      if (to.id !== from.id) await refreshTripSchedule(tx, to.id);
      await recordAudit(ctx, tx, { action: "trip.move_stop", entityType: "TripStop", entityId: stop.id, companyId: actor.companyId, before: { trip: from.number, sequence: stop.sequence }, after: { trip: to.number, sequence: target.indexOf(stop.id) + 1 } });
      const [fromView, toView] = await Promise.all([loadTripView(tx, actor, actor.companyId, from.id), loadTripView(tx, actor, actor.companyId, to.id)]);
      return { from: fromView, to: toView };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}
