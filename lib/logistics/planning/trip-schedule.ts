import "server-only";
// A trip's ETAs and leg kilometres, recomputed inside the caller's transaction with the route solver's
// own evaluator and travel model, so a trip edited by hand (stops added, reordered, moved) shows the
// same times the planner would: waiting for a shop's window, a fixed time at each door. Stops without a
// position get no ETA, nor do the stops after them (the van's time there is unknown).
import type { Prisma } from "@/lib/generated/prisma/client";
import { TRAVEL_MODEL, travelProvider } from "@/lib/logistics/planning/travel-model";
import { pincodePosition } from "@/lib/logistics/geo/pincodes";
import { dbDateToDay, startOfIstDay } from "@/lib/pricing/dates";
import { evaluateRoute } from "@/lib/routing/evaluate";
import { withTravelMatrix } from "@/lib/routing/prepare";
import type { Problem } from "@/lib/routing/types";

type Tx = Prisma.TransactionClient;

export async function refreshTripSchedule(tx: Tx, tripId: string): Promise<void> {
  const trip = await tx.deliveryTrip.findUniqueOrThrow({
    where: { id: tripId },
    select: {
      tripDate: true,
      plannedDeparture: true,
      startedAt: true,
      depot: { select: { id: true, latitude: true, longitude: true, pincode: true } },
      stops: { orderBy: { sequence: "asc" }, select: { id: true, latitude: true, longitude: true, windowStart: true, windowEnd: true } },
    },
  });
  const dayStart = startOfIstDay(dbDateToDay(trip.tripDate)!).getTime();
  const depot = trip.depot.latitude && trip.depot.longitude ? { lat: Number(trip.depot.latitude), lng: Number(trip.depot.longitude) } : pincodePosition(trip.depot.pincode);
  const leaves = trip.startedAt ?? trip.plannedDeparture;
  // The stops up to the first without a position can be timed; the rest cannot.
  const cut = trip.stops.findIndex((s) => !s.latitude || !s.longitude);
  const timed = depot ? (cut < 0 ? trip.stops : trip.stops.slice(0, cut)) : [];
  let km = 0;
  const plan = new Map<string, { eta: Date | null; legKm: string }>();
  if (timed.length) {
    const sec = (d: Date | null) => (d ? (d.getTime() - dayStart) / 1000 : undefined);
    const problem: Problem = {
      depots: [{ id: "depot", location: depot! }],
      vehicles: [{ id: "van", depotId: "depot", capacity: [], shiftStart: sec(leaves) ?? 0 }],
      stops: timed.map((s) => ({
        id: s.id,
        location: { lat: Number(s.latitude), lng: Number(s.longitude) },
        demand: [],
        serviceTime: TRAVEL_MODEL.minutesPerStop * 60,
        timeWindows: s.windowStart && s.windowEnd ? [[sec(s.windowStart)!, sec(s.windowEnd)!]] : undefined,
      })),
    };
    const route = evaluateRoute(await withTravelMatrix(problem, travelProvider()), "van", timed.map((s) => s.id));
    for (const t of route.stops) {
      km += t.distanceFromPrevious / 1000;
      plan.set(t.stopId, { eta: leaves ? new Date(dayStart + t.start * 1000) : null, legKm: (t.distanceFromPrevious / 1000).toFixed(2) });
    }
  }
  for (const s of trip.stops) {
    const p = plan.get(s.id);
    await tx.tripStop.update({ where: { id: s.id }, data: { eta: p?.eta ?? null, legKm: p?.legKm ?? null } });
  }
  await tx.deliveryTrip.update({ where: { id: tripId }, data: { plannedDistanceKm: timed.length ? km.toFixed(2) : null } });
}
