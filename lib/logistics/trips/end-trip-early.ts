import "server-only";
// A trip on the road comes back before every stop was reached (a breakdown, the weather, the driver
// taken ill). The stops not reached are SKIPPED; the trip then completes like any other, so their
// shipments go back to READY at the depot for another trip. Their orders stay dispatched: invoiced goods
// are the buyer's, held at the depot, not stock to sell again.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { completeTripIfDone } from "@/lib/logistics/trips/complete-trip";
import { describeTripStatus, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { endTripInput } from "@/lib/logistics/trips/trips.schemas";
import { parseInput } from "@/lib/validation";

export async function endTripEarly(ctx: Ctx, tripId: string, input: unknown): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(endTripInput, input ?? {});
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    if (trip.status !== "IN_TRANSIT") throw new AppError("invalid_transition", `Cannot bring trip ${trip.number} back: it is ${describeTripStatus(trip.status)}`, { details: { currentState: trip.status, action: "end" } });
    const now = ctx.now();
    const skipped = await tx.tripStop.updateMany({ where: { tripId: trip.id, companyId: actor.companyId, status: { in: ["PENDING", "ARRIVED"] } }, data: { status: "SKIPPED", completedAt: now } });
    if (skipped.count === 0) throw new AppError("invalid_transition", `Every stop of trip ${trip.number} is done`, { details: { currentState: trip.status, action: "end" } });
    await tx.deliveryTrip.update({ where: { id: trip.id, companyId: actor.companyId }, data: { notes: [trip.notes, `Brought back early: ${data.reason}`].filter(Boolean).join("\n") } });
    await completeTripIfDone(ctx, tx, trip.id, now);
    await recordAudit(ctx, tx, { action: "trip.end_early", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, before: { status: trip.status }, after: { status: "COMPLETED", stopsSkipped: skipped.count, reason: data.reason } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}
