import "server-only";
// SCHEDULED → IN_TRANSIT: the truck leaves. Every shipment on the trip is dispatched in this one
// transaction (its orders' stock goes out; a taxable supply needs its invoice, else 409 and nothing
// moves), with the vehicle and the trip's LR, and an "out for delivery" event. Expired vehicle papers
// or an expired licence do not stop the trip: they come back as warnings. Live e-way bills of the goods
// get the vehicle and LR as Part B, queued in the same transaction.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { updatePartBForTripInTx } from "@/lib/logistics/ewaybills/ewaybill-actions";
import { dispatchShipmentInTx } from "@/lib/logistics/shipments/dispatch-shipment";
import { assertReadyToGo, writeLr } from "@/lib/logistics/trips/schedule-trip";
import { refreshEtas } from "@/lib/logistics/trips/trip-plan";
import { describeTripStatus, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { dbDateToDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

type Tx = Prisma.TransactionClient;
const noBody = z.strictObject({});

export async function startTrip(ctx: Ctx, tripId: string, input: unknown = {}): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  parseInput(noBody, input ?? {});
  return ctx.db.$transaction(async (tx) => {
    await startTripInTx(ctx, tx, actor.companyId, tripId);
    return loadTripView(tx, actor, actor.companyId, tripId);
  }, { timeout: 60_000, maxWait: 20_000 });
}

/** Inside the caller's transaction (also the driver's first arrival on a scheduled trip). */
export async function startTripInTx(ctx: Ctx, tx: Tx, companyId: string, tripId: string, at?: Date): Promise<void> {
  const trip = await lockTripOrThrow(tx, companyId, tripId);
  if (trip.status !== "SCHEDULED") throw new AppError("invalid_transition", `Cannot start trip ${trip.number}: it is ${describeTripStatus(trip.status)}`, { details: { currentState: trip.status, action: "start" } });
  await assertReadyToGo(tx, trip);
  await writeLr(tx, trip);
  const shipments = await tx.shipment.findMany({ where: { currentTripId: trip.id, companyId }, select: { id: true }, orderBy: { id: "asc" } });
  for (const s of shipments) {
    await dispatchShipmentInTx(ctx, tx, s.id, {
      vehicleNumber: trip.vehicle!.registrationNo,
      lrNumber: trip.number,
      lrDate: dbDateToDay(trip.tripDate),
      tripNumber: trip.number,
      eventCode: "out_for_delivery",
      eventDescription: `Out for delivery on ${trip.vehicle!.registrationNo} with ${trip.driver!.name} (trip ${trip.number})`,
    });
  }
  // The e-way bills of the goods on board get this vehicle and the trip's LR as their Part B (queued with the dispatch).
  await updatePartBForTripInTx(ctx, tx, companyId, trip.id);
  const startedAt = at ?? ctx.now();
  await tx.deliveryTrip.update({ where: { id: trip.id, companyId }, data: { status: "IN_TRANSIT", startedAt } });
  await refreshEtas(tx, trip.id);
  await recordAudit(ctx, tx, { action: "trip.start", entityType: "DeliveryTrip", entityId: trip.id, companyId, before: { status: trip.status }, after: { status: "IN_TRANSIT", shipments: shipments.length } });
}
