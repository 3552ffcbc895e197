import "server-only";
// "Plan the day": every ready shipment of a depot not yet on a trip, the vehicles the dispatcher picked
// and the stops' receiving windows go to the route solver (lib/routing), and its routes become draft
// trips with their stops in order and ETAs. Re-planning rebuilds the unlocked draft trips of that day
// and depot; a locked trip stays exactly as it is, and a locked stop stays on its vehicle in its place.
// Shipments the plan cannot take are listed with the reason (no position, capacity, window, too far).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { resolveDeliveryPoint, windowOnDay } from "@/lib/logistics/geo/delivery-point";
import { pincodePosition } from "@/lib/logistics/geo/pincodes";
import { planDayInput } from "@/lib/logistics/planning/planning.schemas";
import { getDayPlan, type DayPlanView, type UnplacedView } from "@/lib/logistics/planning/day-plan";
import { TRAVEL_MODEL, travelProvider } from "@/lib/logistics/planning/travel-model";
import { dayToDbDate, isCalendarDay, istDay, startOfIstDay } from "@/lib/pricing/dates";
import { withTravelMatrix } from "@/lib/routing/prepare";
import { solveWithMatrix } from "@/lib/routing/solve";
import type { LockedRoute, Problem, Stop as RoutingStop, Vehicle as RoutingVehicle } from "@/lib/routing/types";
import { parseInput } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

/** The planner's search budget when the caller gives no iteration count (the issue's target: 200 stops in 2 s end to end). */
const SOLVE_MS = 1_000;

const shipmentSelect = {
  id: true,
  number: true,
  kind: true,
  connectionId: true,
  retailerId: true,
  currentTripId: true,
  shipToName: true,
  shipToLine1: true,
  shipToLine2: true,
  shipToCity: true,
  shipToPincode: true,
  weightKg: true,
  volumeM3: true,
  crates: true,
  toWarehouse: { select: { latitude: true, longitude: true, pincode: true } },
  connection: { select: { deliveryLatitude: true, deliveryLongitude: true, receivingFromMin: true, receivingToMin: true, shippingLine1: true, shippingPincode: true } },
  retailer: { select: { phone: true, latitude: true, longitude: true, receivingFromMin: true, receivingToMin: true, pincode: true } },
} satisfies Prisma.ShipmentSelect;
type ShipmentRow = Prisma.ShipmentGetPayload<{ select: typeof shipmentSelect }>;

/** One door: the shipments for one consignee address. */
type Door = {
  key: string;
  name: string;
  addressLine: string;
  city: string;
  pincode: string;
  phone: string | null;
  connectionId: string | null;
  retailerId: string | null;
  position: { lat: number; lng: number } | null;
  /** Minutes after midnight IST. */
  window: { fromMin: number; toMin: number } | null;
  shipments: ShipmentRow[];
  lock: { vehicleId: string; position: number } | null;
};

export async function planDay(ctx: Ctx, input: unknown): Promise<DayPlanView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(planDayInput, input);
  if (!isCalendarDay(data.tripDate)) throw new AppError("validation", "Not a calendar day", { fieldErrors: { tripDate: ["Not a calendar day"] } });
  if (data.tripDate < istDay(ctx.now())) throw new AppError("validation", "A day in the past cannot be planned", { fieldErrors: { tripDate: ["In the past"] } });
  const companyId = actor.companyId;
  const startedAt = performance.now();

  const runId = await ctx.db.$transaction(
    async (tx) => {
      // One planner at a time per company, day and depot: a second click waits for the first plan.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${companyId}:${data.tripDate}:${data.depotWarehouseId}`}))`;
      const depot = await tx.warehouse.findFirst({ where: { id: data.depotWarehouseId, companyId, active: true }, select: { id: true, name: true, latitude: true, longitude: true, pincode: true } });
      if (!depot) throw new AppError("validation", "Choose an active warehouse of your company as the depot", { fieldErrors: { depotWarehouseId: ["Not an active warehouse"] } });
      const depotPosition = depot.latitude && depot.longitude ? { lat: Number(depot.latitude), lng: Number(depot.longitude) } : pincodePosition(depot.pincode);
      if (!depotPosition) throw new AppError("conflict", `${depot.name} has no position: set its PIN code or drop its pin, then plan`, { fieldErrors: { depotWarehouseId: ["The depot has no position"] } });

      const vehicles = await tx.vehicle.findMany({ where: { id: { in: data.vehicleIds }, companyId, active: true } });
      const byId = new Map(vehicles.map((v) => [v.id, v]));
      const missing: FieldErrors = {};
      data.vehicleIds.forEach((id, i) => {
        if (!byId.has(id)) missing[`vehicleIds.${i}`] = ["Not an active vehicle of your fleet"];
      });
      if (Object.keys(missing).length) throw new AppError("validation", "Choose active vehicles of your fleet", { fieldErrors: missing });

      const day = dayToDbDate(data.tripDate);
      const dayStart = startOfIstDay(data.tripDate).getTime();
      const trips = await tx.deliveryTrip.findMany({
        where: { companyId, tripDate: day, depotWarehouseId: depot.id, status: { in: ["DRAFT", "SCHEDULED", "IN_TRANSIT"] } },
        include: { stops: { orderBy: { sequence: "asc" }, include: { shipments: { select: { shipmentId: true } } } } },
        orderBy: { number: "asc" },
      });
      // Lock the trips the plan may rewrite, in a fixed order.
      if (trips.length) await tx.$queryRaw`SELECT id FROM "DeliveryTrip" WHERE id = ANY(${trips.map((t) => t.id)}) ORDER BY id FOR UPDATE`;
      const kept = trips.filter((t) => t.status !== "DRAFT" || t.locked || !t.vehicleId);
      const replanned = trips.filter((t) => !kept.includes(t));
      const busy = new Set(trips.filter((t) => t.status !== "DRAFT" && t.vehicleId).map((t) => t.vehicleId!));
      const lockedTrips = kept.filter((t) => t.status === "DRAFT" && t.locked && t.vehicleId && data.vehicleIds.includes(t.vehicleId));
      const planVehicles = vehicles.filter((v) => !busy.has(v.id));
      if (planVehicles.length === 0) throw new AppError("conflict", "Every chosen vehicle is already on a scheduled or running trip that day", { fieldErrors: { vehicleIds: ["All already on the road that day"] } });

      // Locked stops of the trips being rebuilt stay on their vehicle, in their order.
      const stopLocks = new Map<string, { vehicleId: string; position: number }>();
      for (const t of replanned) for (const s of t.stops) if (s.locked) for (const sh of s.shipments) stopLocks.set(sh.shipmentId, { vehicleId: t.vehicleId!, position: s.sequence });

      // Free the shipments of the trips being rebuilt and drop their stops.
      const replannedIds = replanned.map((t) => t.id);
      if (replannedIds.length) {
        await tx.shipment.updateMany({ where: { companyId, currentTripId: { in: replannedIds } }, data: { currentTripId: null } });
        await tx.tripStop.deleteMany({ where: { tripId: { in: replannedIds } } });
      }
      const lockedShipmentIds = new Set(lockedTrips.flatMap((t) => t.stops.flatMap((s) => s.shipments.map((x) => x.shipmentId))));
      const shipments = await tx.shipment.findMany({
        where: { companyId, warehouseId: depot.id, status: "READY", OR: [{ currentTripId: null }, { id: { in: [...lockedShipmentIds] } }] },
        select: shipmentSelect,
        orderBy: { number: "asc" },
      });

      // A locked trip's shipments are doors of their own (keyed by the trip), never merged with free ones.
      const doors = toDoors(shipments, stopLocks, (sh) => (lockedShipmentIds.has(sh.id) ? sh.currentTripId : null));
      const unplaced: UnplacedView[] = [];
      const routingStops: RoutingStop[] = [];
      const lockedRoutes: LockedRoute[] = [];
      const lockedDoorKeys = new Set<string>();
      for (const t of lockedTrips) {
        const keys: string[] = [];
        for (const s of t.stops) {
          const ids = new Set(s.shipments.map((x) => x.shipmentId));
          const door = doors.find((d) => d.shipments.some((sh) => ids.has(sh.id)));
          if (!door) continue;
          lockedDoorKeys.add(door.key);
          if (door.position) keys.push(door.key);
        }
        lockedRoutes.push({ vehicleId: t.vehicleId!, stopIds: keys });
      }
      for (const d of doors) {
        if (lockedDoorKeys.has(d.key) && !d.position) continue;
        if (!d.position) {
          unplaced.push(unplacedOf(d, "no_position", `No position for ${d.name}: drop the delivery pin on the retailer's page (PIN ${d.pincode} is not in the table)`));
          continue;
        }
        routingStops.push({
          id: d.key,
          location: d.position,
          demand: [sum(d.shipments, (s) => Number(s.weightKg)), sum(d.shipments, (s) => Number(s.volumeM3)), sum(d.shipments, (s) => s.crates)],
          timeWindows: d.window ? [[d.window.fromMin * 60, d.window.toMin * 60]] : undefined,
          serviceTime: data.minutesPerStop * 60,
          lock: lockedDoorKeys.has(d.key) ? undefined : (d.lock ?? undefined),
        });
      }
      const shiftStart = minutesOf(data.shiftStart) * 60;
      const shiftEnd = minutesOf(data.shiftEnd) * 60;
      const routingVehicles: RoutingVehicle[] = planVehicles.map((v) => ({
        id: v.id,
        depotId: depot.id,
        capacity: [Number(v.capacityKg), Number(v.capacityM3) > 0 ? Number(v.capacityM3) : Number.MAX_SAFE_INTEGER, v.capacityCrates ?? Number.MAX_SAFE_INTEGER],
        shiftStart,
        shiftEnd,
        fixedCost: v.costPerTrip ? Number(v.costPerTrip) : 0,
        // Without a rate a kilometre costs ₹1: with no rates at all the plan minimises distance.
        costPerKm: v.costPerKm ? Number(v.costPerKm) : 1,
      }));
      const problem: Problem = {
        depots: [{ id: depot.id, location: depotPosition, open: shiftStart, close: shiftEnd }],
        vehicles: routingVehicles,
        stops: routingStops,
        lockedRoutes: lockedRoutes.filter((r) => planVehicles.some((v) => v.id === r.vehicleId)),
      };
      const loadMs = Math.round(performance.now() - startedAt);
      const solveStart = performance.now();
      const solution = solveWithMatrix(await withTravelMatrix(problem, travelProvider()), data.iterations ? { seed: data.seed, iterations: data.iterations } : { seed: data.seed, timeLimitMs: SOLVE_MS });
      const solveMs = Math.round(performance.now() - solveStart);
      const writeStart = performance.now();
      const doorByKey = new Map(doors.map((d) => [d.key, d]));
      for (const u of solution.unassigned) unplaced.push(unplacedOf(doorByKey.get(u.stopId)!, u.reason, u.detail));

      // Write the plan: one draft trip per route (reusing the rebuilt trips of the same vehicle).
      const reusable = new Map(replanned.map((t) => [t.vehicleId!, t]));
      let stopCount = 0;
      for (const route of solution.routes) {
        if (route.locked) continue;
        const vehicle = byId.get(route.vehicleId)!;
        const departure = new Date(dayStart + route.departure * 1000);
        const again = reusable.get(vehicle.id);
        reusable.delete(vehicle.id);
        const trip = again
          ? await tx.deliveryTrip.update({ where: { id: again.id }, data: { plannedDeparture: departure, plannedBy: "planner" }, select: { id: true } })
          : await tx.deliveryTrip.create({
              data: { companyId, number: await nextDocumentNumber(tx, { companyId, prefix: "TRP", date: day }), tripDate: day, depotWarehouseId: depot.id, vehicleId: vehicle.id, plannedDeparture: departure, plannedBy: "planner", createdById: actor.userId },
              select: { id: true },
            });
        await writeStops(tx, { tripId: trip.id, companyId, dayStart, stops: route.stops.map((t) => ({ door: doorByKey.get(t.stopId)!, etaSeconds: t.start, legMetres: t.distanceFromPrevious })) });
        stopCount += route.stops.length;
        await tx.deliveryTrip.update({ where: { id: trip.id }, data: { plannedDistanceKm: (route.distance / 1000).toFixed(2), plannedDurationMin: Math.round((route.returnTime - route.departure) / 60) } });
      }
      // A rebuilt draft the new plan left empty goes away (drafts carry no document).
      const emptied = [...reusable.values()].map((t) => t.id);
      if (emptied.length) await tx.deliveryTrip.deleteMany({ where: { id: { in: emptied }, companyId, status: "DRAFT" } });

      const stats = {
        trips: solution.routes.length,
        stops: stopCount + solution.routes.filter((r) => r.locked).reduce((n, r) => n + r.stopIds.length, 0),
        distanceKm: Math.round(solution.distance / 10) / 100,
        cost: Math.round(solution.cost * 100) / 100,
        loadMs,
        solveMs,
        writeMs: Math.round(performance.now() - writeStart),
        totalMs: Math.round(performance.now() - startedAt),
        iterations: solution.stats.iterations,
        busyVehicles: vehicles.filter((v) => busy.has(v.id)).map((v) => v.registrationNo),
      };
      const run = await tx.routePlanRun.create({
        data: { companyId, tripDate: day, depotWarehouseId: depot.id, input: { ...data }, unplaced: unplaced as unknown as Prisma.InputJsonValue, stats, createdById: actor.userId },
        select: { id: true },
      });
      await recordAudit(ctx, tx, { action: "route_plan.run", entityType: "RoutePlanRun", entityId: run.id, companyId, after: { tripDate: data.tripDate, depot: depot.name, ...stats, unplaced: unplaced.length } });
      return run.id;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  void runId;
  return getDayPlan(ctx, { tripDate: data.tripDate, depotWarehouseId: data.depotWarehouseId });
}

/** Shipments grouped by door (consignee and address), with the delivery point each door resolves to. */
function toDoors(shipments: ShipmentRow[], stopLocks: Map<string, { vehicleId: string; position: number }>, lockedTripOf: (s: ShipmentRow) => string | null): Door[] {
  const doors = new Map<string, Door>();
  for (const s of shipments) {
    const addressLine = [s.shipToLine1, s.shipToLine2].filter(Boolean).join(", ");
    const key = `${lockedTripOf(s) ?? ""}|${s.connectionId ?? "wh"}|${addressLine}|${s.shipToPincode}`;
    let d = doors.get(key);
    if (!d) {
      const point =
        s.connection && s.retailer
          ? resolveDeliveryPoint({ connection: s.connection, retailer: s.retailer }, pincodePosition)
          : { position: s.toWarehouse?.latitude && s.toWarehouse.longitude ? { lat: Number(s.toWarehouse.latitude), lng: Number(s.toWarehouse.longitude) } : pincodePosition(s.shipToPincode), window: null };
      d = {
        key,
        name: s.shipToName,
        addressLine,
        city: s.shipToCity,
        pincode: s.shipToPincode,
        phone: s.retailer?.phone ?? null,
        connectionId: s.connectionId,
        retailerId: s.retailerId,
        position: point.position ? { lat: point.position.lat, lng: point.position.lng } : null,
        window: point.window ? { fromMin: point.window.fromMin, toMin: point.window.toMin } : null,
        shipments: [],
        lock: null,
      };
      doors.set(key, d);
    }
    d.shipments.push(s);
    d.lock ??= stopLocks.get(s.id) ?? null;
  }
  return [...doors.values()];
}

/** The route's stops in order, and their shipments taken for the trip: a few statements per trip, whatever its size. */
async function writeStops(tx: Tx, a: { tripId: string; companyId: string; dayStart: number; stops: { door: Door; etaSeconds: number; legMetres: number }[] }) {
  if (a.stops.length === 0) return;
  const created = await tx.tripStop.createManyAndReturn({
    data: a.stops.map(({ door: d, etaSeconds, legMetres }, i) => ({
      tripId: a.tripId,
      companyId: a.companyId,
      sequence: i + 1,
      connectionId: d.connectionId,
      retailerId: d.retailerId,
      name: d.name,
      addressLine: d.addressLine,
      city: d.city,
      pincode: d.pincode,
      phone: d.phone,
      latitude: d.position ? d.position.lat.toFixed(6) : null,
      longitude: d.position ? d.position.lng.toFixed(6) : null,
      ...windowOnDay(a.dayStart, d.window),
      eta: new Date(a.dayStart + etaSeconds * 1000),
      legKm: (legMetres / 1000).toFixed(2),
      locked: !!d.lock,
    })),
    select: { id: true, sequence: true },
  });
  const stopIdAt = new Map(created.map((c) => [c.sequence, c.id]));
  const ids = a.stops.flatMap((s) => s.door.shipments.map((x) => x.id));
  // Free shipments only (the plan freed them, or they were on no trip): the same conditional update as by hand.
  const taken = await tx.$executeRaw`UPDATE "Shipment" SET "currentTripId" = ${a.tripId}, "updatedAt" = now() WHERE id = ANY(${ids}) AND "companyId" = ${a.companyId} AND status = 'READY'::"ShipmentStatus" AND ("currentTripId" IS NULL OR "currentTripId" = ${a.tripId})`;
  if (taken !== ids.length) throw new AppError("conflict", "A shipment was put on another trip while the plan was being made; plan again");
  await tx.tripStopShipment.createMany({ data: a.stops.flatMap((s, i) => s.door.shipments.map((x) => ({ stopId: stopIdAt.get(i + 1)!, shipmentId: x.id, companyId: a.companyId }))) });
}

function unplacedOf(d: Door, reason: string, detail: string): UnplacedView {
  return { name: d.name, city: d.city, pincode: d.pincode, reason, detail, shipmentIds: d.shipments.map((s) => s.id), shipmentNumbers: d.shipments.map((s) => s.number), weightKg: sum(d.shipments, (s) => Number(s.weightKg)).toFixed(2) };
}

function sum<T>(xs: T[], f: (x: T) => number) {
  return xs.reduce((n, x) => n + f(x), 0);
}

function minutesOf(hhmm: string) {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

export { TRAVEL_MODEL };
