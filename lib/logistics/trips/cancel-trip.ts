import "server-only";
// A draft or scheduled trip that will not run: its shipments are free again (READY, on no trip).
// A trip on the road or done cannot be cancelled.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { describeTripStatus, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { cancelTripInput } from "@/lib/logistics/trips/trips.schemas";
import { parseInput } from "@/lib/validation";

export async function cancelTrip(ctx: Ctx, tripId: string, input: unknown = {}): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(cancelTripInput, input ?? {});
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    if (trip.status !== "DRAFT" && trip.status !== "SCHEDULED") throw new AppError("invalid_transition", `Cannot cancel trip ${trip.number}: it is ${describeTripStatus(trip.status)}`, { details: { currentState: trip.status, action: "cancel" } });
    const freed = await tx.shipment.updateMany({ where: { currentTripId: trip.id, companyId: actor.companyId }, data: { currentTripId: null, lrNumber: null, lrDate: null } });
    await tx.deliveryTrip.update({ where: { id: trip.id, companyId: actor.companyId }, data: { status: "CANCELLED", cancelledAt: ctx.now(), notes: data.reason ? [trip.notes, `Cancelled: ${data.reason}`].filter(Boolean).join("\n") : trip.notes } });
    await recordAudit(ctx, tx, { action: "trip.cancel", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, before: { status: trip.status }, after: { status: "CANCELLED", reason: data.reason ?? null, shipmentsFreed: freed.count } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}
