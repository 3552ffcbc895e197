import "server-only";
// When every stop of a trip on the road is done, the trip is COMPLETED: its shipments leave it
// (currentTripId cleared), and those nobody was home for — or whose stop was not reached because the
// trip was brought back early — go back to READY for another trip.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/ctx";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TripStatus } from "@/lib/generated/prisma/enums";
import { appendTrackingEvent } from "@/lib/logistics/tracking/append-tracking-event";

type Tx = Prisma.TransactionClient;

export async function completeTripIfDone(ctx: Ctx, tx: Tx, tripId: string, at: Date): Promise<TripStatus> {
  const trip = await tx.deliveryTrip.findUniqueOrThrow({ where: { id: tripId }, select: { id: true, companyId: true, number: true, status: true, stops: { select: { id: true, status: true } } } });
  if (trip.status !== "IN_TRANSIT" || trip.stops.some((s) => s.status === "PENDING" || s.status === "ARRIVED")) return trip.status;
  const notHome = trip.stops.filter((s) => s.status === "NOT_HOME" || s.status === "SKIPPED").map((s) => s.id);
  const back = await tx.shipment.findMany({ where: { currentTripId: trip.id, status: "DISPATCHED", stops: { some: { stopId: { in: notHome } } } }, select: { id: true } });
  for (const s of back) {
    await tx.shipment.update({ where: { id: s.id, companyId: trip.companyId }, data: { status: "READY", currentTripId: null } });
    await appendTrackingEvent(tx, { companyId: trip.companyId, shipmentId: s.id, code: "returned", description: `Back at the depot after trip ${trip.number}: ready for another trip`, source: "system", occurredAt: at });
  }
  await tx.shipment.updateMany({ where: { currentTripId: trip.id }, data: { currentTripId: null } });
  await tx.deliveryTrip.update({ where: { id: trip.id }, data: { status: "COMPLETED", completedAt: at } });
  await recordAudit(ctx, tx, { action: "trip.complete", entityType: "DeliveryTrip", entityId: trip.id, companyId: trip.companyId, before: { status: trip.status }, after: { status: "COMPLETED", backToReady: back.length } });
  return "COMPLETED";
}
