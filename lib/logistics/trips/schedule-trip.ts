import "server-only";
// DRAFT → SCHEDULED: the trip has a vehicle, a driver and at least one stop, and its load fits.
// Own-fleet shipments get their LR: the trip number, dated the trip date (the e-way bill's Part B).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertWithinCapacity, refreshEtas, tripLoad } from "@/lib/logistics/trips/trip-plan";
import { describeTripStatus, loadTripView, lockTripOrThrow, type LockedTrip, type TripView } from "@/lib/logistics/trips/trip-views";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

type Tx = Prisma.TransactionClient;
const noBody = z.strictObject({});

export async function scheduleTrip(ctx: Ctx, tripId: string, input: unknown = {}): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  parseInput(noBody, input ?? {});
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    if (trip.status !== "DRAFT") throw new AppError("invalid_transition", `Cannot schedule trip ${trip.number}: it is ${describeTripStatus(trip.status)}`, { details: { currentState: trip.status, action: "schedule" } });
    await assertReadyToGo(tx, trip);
    await tx.deliveryTrip.update({ where: { id: trip.id, companyId: actor.companyId }, data: { status: "SCHEDULED" } });
    await writeLr(tx, trip);
    await refreshEtas(tx, trip.id);
    await recordAudit(ctx, tx, { action: "trip.schedule", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, before: { status: trip.status }, after: { status: "SCHEDULED" } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}

/** A vehicle, a driver, at least one stop, and a load within the vehicle's capacity. */
export async function assertReadyToGo(tx: Tx, trip: LockedTrip) {
  const missing: Record<string, string[]> = {};
  if (!trip.vehicleId) missing.vehicleId = ["Choose the vehicle"];
  if (!trip.driverId) missing.driverId = ["Choose the driver"];
  if (trip.stops.length === 0) missing.stops = ["Add at least one shipment"];
  if (Object.keys(missing).length) throw new AppError("conflict", `Trip ${trip.number} needs ${Object.values(missing).map((m) => m[0].toLowerCase().replace("choose ", "")).join(", ")} first`, { fieldErrors: missing });
  assertWithinCapacity(await tripLoad(tx, trip.id), trip.vehicle);
}

/** Own fleet: LR number = trip number, LR date = trip date, on every shipment the trip carries. */
export async function writeLr(tx: Tx, trip: Pick<LockedTrip, "id" | "number" | "tripDate">) {
  await tx.shipment.updateMany({ where: { currentTripId: trip.id, carrierType: "OWN_FLEET" }, data: { lrNumber: trip.number, lrDate: trip.tripDate } });
}
