import "server-only";
// Locks a stop at its place, or the whole trip, so the route planner keeps them as they are (and a
// locked stop is not moved by hand either). Nothing changes on a completed or cancelled trip.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { assertTripEditable, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { lockInput } from "@/lib/logistics/trips/trips.schemas";
import { parseInput } from "@/lib/validation";

export async function setTripLock(ctx: Ctx, tripId: string, input: unknown): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(lockInput, input);
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    assertTripEditable(trip, data.locked ? "lock it" : "unlock it");
    await tx.deliveryTrip.update({ where: { id: trip.id, companyId: actor.companyId }, data: { locked: data.locked } });
    await recordAudit(ctx, tx, { action: "trip.lock", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, before: { locked: trip.locked }, after: { locked: data.locked } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}

export async function setStopLock(ctx: Ctx, tripId: string, stopId: string, input: unknown): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(lockInput, input);
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    const stop = trip.stops.find((s) => s.id === String(stopId));
    if (!stop) throw notFound("Stop");
    assertTripEditable(trip, data.locked ? "lock its stops" : "unlock its stops");
    await tx.tripStop.update({ where: { id: stop.id, tripId: trip.id }, data: { locked: data.locked } });
    await recordAudit(ctx, tx, { action: "trip.stop_lock", entityType: "TripStop", entityId: stop.id, companyId: actor.companyId, before: { locked: stop.locked }, after: { locked: data.locked } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}
