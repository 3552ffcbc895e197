import "server-only";
// Vehicle, driver, planned departure and notes of a draft or scheduled trip. A new vehicle must
// carry what is already loaded; a scheduled trip keeps a vehicle and a driver.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { assertFleet } from "@/lib/logistics/trips/create-trip";
import { assertWithinCapacity, refreshEtas, tripLoad } from "@/lib/logistics/trips/trip-plan";
import { assertTripEditable, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { updateTripInput } from "@/lib/logistics/trips/trips.schemas";
import { parseInput } from "@/lib/validation";

export async function updateTrip(ctx: Ctx, tripId: string, input: unknown): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(updateTripInput, input ?? {});
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    assertTripEditable(trip);
    await assertFleet(tx, actor.companyId, data);
    const next = {
      vehicleId: data.vehicleId === undefined ? trip.vehicleId : data.vehicleId,
      driverId: data.driverId === undefined ? trip.driverId : data.driverId,
    };
    if (trip.status === "SCHEDULED" && (!next.vehicleId || !next.driverId)) throw new AppError("conflict", `Trip ${trip.number} is scheduled: it needs a vehicle and a driver`, { fieldErrors: { [!next.vehicleId ? "vehicleId" : "driverId"]: ["Required on a scheduled trip"] } });
    if (next.vehicleId && next.vehicleId !== trip.vehicleId) assertWithinCapacity(await tripLoad(tx, trip.id), await tx.vehicle.findUniqueOrThrow({ where: { id: next.vehicleId } }));
    await tx.deliveryTrip.update({
      where: { id: trip.id, companyId: actor.companyId },
      data: {
        ...next,
        ...(data.plannedDeparture !== undefined ? { plannedDeparture: data.plannedDeparture ? new Date(data.plannedDeparture) : null } : {}),
        ...(data.notes !== undefined ? { notes: data.notes } : {}),
      },
    });
    await refreshEtas(tx, trip.id);
    await recordAudit(ctx, tx, { action: "trip.update", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, before: { vehicleId: trip.vehicleId, driverId: trip.driverId, plannedDeparture: trip.plannedDeparture, notes: trip.notes }, after: data });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}
