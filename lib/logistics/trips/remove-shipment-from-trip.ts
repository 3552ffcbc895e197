import "server-only";
// Takes a shipment off a draft or scheduled trip: it is free for another trip; a stop left empty goes.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { refreshEtas, resequenceStops } from "@/lib/logistics/trips/trip-plan";
import { assertTripEditable, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

const input = z.strictObject({});

export async function removeShipmentFromTrip(ctx: Ctx, tripId: string, shipmentId: string, body: unknown = {}): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  parseInput(input, body ?? {});
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    assertTripEditable(trip, "remove shipments from it");
    const link = await tx.tripStopShipment.findFirst({ where: { companyId: actor.companyId, shipmentId: String(shipmentId), stop: { tripId: trip.id } }, select: { stopId: true, shipment: { select: { number: true } } } });
    if (!link) throw notFound("Shipment on this trip");
    const n = await tx.$executeRaw`UPDATE "Shipment" SET "currentTripId" = NULL, "updatedAt" = now() WHERE id = ${String(shipmentId)} AND "companyId" = ${actor.companyId} AND "currentTripId" = ${trip.id}`;
    if (n !== 1) throw new AppError("conflict", `Shipment ${link.shipment.number} is not on trip ${trip.number}`);
    await tx.tripStopShipment.delete({ where: { stopId_shipmentId: { stopId: link.stopId, shipmentId: String(shipmentId) } } });
    if ((await tx.tripStopShipment.count({ where: { stopId: link.stopId } })) === 0) {
      await tx.tripStop.delete({ where: { id: link.stopId } });
      await resequenceStops(tx, trip.id, trip.stops.filter((s) => s.id !== link.stopId).map((s) => s.id));
    }
    await refreshEtas(tx, trip.id);
    await recordAudit(ctx, tx, { action: "trip.remove_shipment", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, after: { shipment: link.shipment.number } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}
