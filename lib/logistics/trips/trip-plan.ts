import "server-only";
// The trip's plan kept consistent inside the caller's transaction: load against the vehicle's
// capacity, stop sequence numbers 1..n, and ETAs and leg kilometres from the planned departure.
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshTripSchedule } from "@/lib/logistics/planning/trip-schedule";

type Tx = Prisma.TransactionClient;
const D = Prisma.Decimal;

export type TripLoad = { weightKg: Prisma.Decimal; volumeM3: Prisma.Decimal; crates: number };

/** What the shipments now on the trip weigh, fill and count. */
export async function tripLoad(tx: Tx, tripId: string): Promise<TripLoad> {
  const [row] = await tx.$queryRaw<{ kg: string; m3: string; crates: number }[]>`
    SELECT coalesce(sum("weightKg"), 0)::text AS kg, coalesce(sum("volumeM3"), 0)::text AS m3, coalesce(sum(crates), 0)::int AS crates
    FROM "Shipment" WHERE "currentTripId" = ${tripId}`;
  return { weightKg: new D(row.kg), volumeM3: new D(row.m3), crates: row.crates };
}

/** 409 naming the first dimension over the vehicle's capacity (kg, m³, crates where the vehicle counts them). */
export function assertWithinCapacity(load: TripLoad, vehicle: { registrationNo: string; capacityKg: Prisma.Decimal; capacityM3: Prisma.Decimal; capacityCrates: number | null } | null) {
  if (!vehicle) return;
  const over = (dimension: string, label: string, loaded: string, capacity: string) => {
    throw new AppError("conflict", `Over the capacity of ${vehicle.registrationNo}: ${label} ${loaded} of ${capacity}`, { details: { reason: "over_capacity", dimension, load: loaded, capacity } });
  };
  if (load.weightKg.gt(vehicle.capacityKg)) over("weightKg", "weight (kg)", load.weightKg.toFixed(2), vehicle.capacityKg.toFixed(2));
  if (load.volumeM3.gt(vehicle.capacityM3)) over("volumeM3", "volume (m³)", load.volumeM3.toFixed(3), vehicle.capacityM3.toFixed(3));
  if (vehicle.capacityCrates != null && load.crates > vehicle.capacityCrates) over("crates", "crates", String(load.crates), String(vehicle.capacityCrates));
}

/** Gives the stops the sequence 1..n in the order given (two steps, as (tripId, sequence) is unique). */
export async function resequenceStops(tx: Tx, tripId: string, orderedStopIds: string[]) {
  if (orderedStopIds.length === 0) return;
  await tx.$executeRaw`UPDATE "TripStop" SET sequence = -sequence - 1000000 WHERE "tripId" = ${tripId}`;
  for (const [i, id] of orderedStopIds.entries()) await tx.tripStop.update({ where: { id, tripId }, data: { sequence: i + 1 } });
}

/**
 * Recomputes leg kilometres and ETAs of the trip's stops from its depot and planned departure, with the
 * route planner's own evaluator and travel model (waiting for a shop's window included), so a trip
 * built or edited by hand shows the times the planner would.
 */
export async function refreshEtas(tx: Tx, tripId: string) {
  await refreshTripSchedule(tx, tripId);
}
