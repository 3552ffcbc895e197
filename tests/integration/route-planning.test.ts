// Plan the day on real records: ready shipments become draft trips within each vehicle's capacity and the
// shops' receiving windows; re-planning keeps locked trips and stops; what cannot be placed is listed
// with the reason; a stop moved by hand carries its shipments and its ETAs follow. Through the domain
// functions and the REST doors, with tenancy and bad input.
import { beforeAll, describe, expect, it } from "vitest";
import * as routePlans from "@/app/api/v1/route-plans/route";
import * as moveRoute from "@/app/api/v1/trips/[id]/stops/[stopId]/move/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { getDayPlan, moveStop } from "@/lib/logistics/planning/day-plan";
import { planDay } from "@/lib/logistics/planning/plan-day";
import { createTrip } from "@/lib/logistics/trips/create-trip";
import { setTripLock } from "@/lib/logistics/trips/set-lock";
import { istDay } from "@/lib/pricing/dates";
import { tenant } from "../support/factories";
import { call } from "../support/http";
import { insertVehicle, readyShipment, secondRetailer } from "../support/logistics-core-fixtures";
import { orderShop, stockedProduct, type Shop } from "../support/order-factories";
import { rejects } from "../support/rejects";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const today = () => istDay(new Date());

/** Shops around Nashik's Old City (the depot): a few km apart, each with its own receiving window. */
const shops = [
  { lat: "20.0120", lng: "73.7700", from: 600, to: 840 },
  { lat: "20.0240", lng: "73.8010", from: 540, to: 1140 },
  { lat: "19.9810", lng: "73.7560", from: 660, to: 900 },
  { lat: "19.9650", lng: "73.8150", from: 540, to: 780 },
  { lat: "20.0050", lng: "73.8400", from: 900, to: 1140 },
  { lat: "19.9900", lng: "73.7300", from: 540, to: 1140 },
  { lat: "20.0400", lng: "73.7800", from: 600, to: 1020 },
  { lat: "19.9500", lng: "73.7800", from: 540, to: 1140 },
];

type Setup = Awaited<ReturnType<typeof setup>>;

async function setup(weights: string[] = shops.map(() => "120")) {
  const shop = await orderShop();
  await prisma.warehouse.update({ where: { id: shop.wh.id }, data: { latitude: "19.997500", longitude: "73.789800" } });
  const product = await stockedProduct(shop, 1000);
  const vans = [
    await insertVehicle(shop, { capacityKg: "400", capacityM3: "6", costPerKm: "18", costPerTrip: "600" }),
    await insertVehicle(shop, { capacityKg: "400", capacityM3: "6", costPerKm: "18", costPerTrip: "600" }),
    await insertVehicle(shop, { capacityKg: "1500", capacityM3: "14", costPerKm: "30", costPerTrip: "1200" }),
  ];
  const shipments = [];
  for (const [i, s] of shops.entries()) {
    const r = await secondRetailer(shop, { lat: s.lat, lng: s.lng });
    await prisma.retailer.update({ where: { id: r.retailer.id }, data: { receivingFromMin: s.from, receivingToMin: s.to } });
    shipments.push(await readyShipment(shop, product.id, { connectionId: r.connection.id, weightKg: weights[i], volumeM3: "0.8" }));
  }
  return { shop, product, vans, shipments };
}

const plan = (s: Setup, over: Record<string, unknown> = {}) =>
  planDay(s.shop.staff, { tripDate: today(), depotWarehouseId: s.shop.wh.id, vehicleIds: s.vans.map((v) => v.id), shiftStart: "08:00", shiftEnd: "20:00", iterations: 3000, seed: 7, ...over });

describe("plan the day", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  }, 120_000);

  it("puts every ready shipment on a draft trip within capacity, every ETA inside its shop's window", async () => {
    const day = await plan(s);
    expect(day.lastRun!.unplaced).toEqual([]);
    const onTrips = day.trips.flatMap((t) => t.stops.flatMap((st) => st.shipments.map((x) => x.id)));
    expect(onTrips.sort()).toEqual(s.shipments.map((x) => x.id).sort());
    for (const t of day.trips) {
      expect(t).toMatchObject({ status: "DRAFT", plannedBy: "planner" });
      expect(Number(t.load.weightKg)).toBeLessThanOrEqual(Number(t.vehicle!.capacityKg));
      expect(t.stops.map((x) => x.sequence)).toEqual(t.stops.map((_, i) => i + 1));
      for (const st of t.stops) {
        expect(st.eta).not.toBeNull();
        expect(new Date(st.eta!).getTime()).toBeGreaterThanOrEqual(new Date(st.windowStart!).getTime());
        expect(new Date(st.eta!).getTime()).toBeLessThanOrEqual(new Date(st.windowEnd!).getTime());
      }
    }
    const rows = await prisma.shipment.findMany({ where: { id: { in: s.shipments.map((x) => x.id) } }, select: { currentTripId: true } });
    expect(rows.every((r) => r.currentTripId)).toBe(true);
    expect(day.lastRun!.stats).toMatchObject({ trips: day.trips.length, stops: shops.length });
    expect(day.waitingShipments).toBe(0);
  });

  it("the same seed and iterations give the same plan; re-planning keeps a locked trip exactly and rebuilds the rest", async () => {
    const first = await plan(s);
    const shape = (d: typeof first) => d.trips.map((t) => ({ vehicle: t.vehicle!.id, shipments: t.stops.map((x) => x.shipments.map((y) => y.id).join(",")) })).sort((a, b) => a.vehicle.localeCompare(b.vehicle));
    const again = await plan(s);
    expect(shape(again)).toEqual(shape(first));
    const keep = again.trips[0];
    await setTripLock(s.shop.staff, keep.id, { locked: true });
    const before = await prisma.tripStop.findMany({ where: { tripId: keep.id }, orderBy: { sequence: "asc" }, select: { id: true, sequence: true, eta: true } });
    const third = await plan(s, { seed: 99 });
    const after = await prisma.tripStop.findMany({ where: { tripId: keep.id }, orderBy: { sequence: "asc" }, select: { id: true, sequence: true, eta: true } });
    expect(after).toEqual(before);
    expect(third.trips.find((t) => t.id === keep.id)).toMatchObject({ locked: true });
    expect(third.trips.flatMap((t) => t.stops).length).toBe(shops.length);
    await setTripLock(s.shop.staff, keep.id, { locked: false });
  });

  it("a stop moved by hand takes its shipments, gets new ETAs and stays where it was put when the day is planned again", async () => {
    const day = await plan(s, { vehicleIds: [s.vans[2].id] });
    expect(day.trips.length).toBe(1);
    const a = day.trips[0];
    // The dispatcher opens a second trip for a small van and drags a stop onto it.
    const b = await createTrip(s.shop.staff, { tripDate: today(), depotWarehouseId: s.shop.wh.id, vehicleId: s.vans[0].id, plannedDeparture: `${today()}T09:00:00+05:30` });
    const moving = a.stops[a.stops.length - 1];
    const moved = await moveStop(s.shop.staff, a.id, moving.id, { toTripId: b.id, position: 1 });
    expect(moved.to.stops[0]).toMatchObject({ id: moving.id, locked: true, sequence: 1 });
    expect(moved.from.stops.map((x) => x.id)).not.toContain(moving.id);
    expect(moved.from.stops.map((x) => x.sequence)).toEqual(moved.from.stops.map((_, i) => i + 1));
    const shipmentIds = moving.shipments.map((x) => x.id);
    expect((await prisma.shipment.findMany({ where: { id: { in: shipmentIds } } })).every((x) => x.currentTripId === b.id)).toBe(true);
    // The ETA is the new trip's: its first stop, straight from the depot after 09:00.
    expect(Number(moved.to.stops[0].legKm)).toBeGreaterThan(0);
    expect(new Date(moved.to.stops[0].eta!).getTime()).toBeGreaterThan(new Date(`${today()}T09:00:00+05:30`).getTime());
    const replanned = await plan(s, { vehicleIds: [s.vans[2].id, s.vans[0].id], seed: 3 });
    const holder = replanned.trips.find((t) => t.stops.some((x) => x.shipments.some((y) => y.id === shipmentIds[0])))!;
    expect(holder.vehicle!.id).toBe(s.vans[0].id);
  });

  it("moving a stop onto a full vehicle is refused and changes nothing", async () => {
    // Two 400 kg vans for eight 120 kg shipments: each van takes three (360 kg), two wait.
    await prisma.tripStop.updateMany({ where: { companyId: s.shop.co }, data: { locked: false } });
    const day = await plan(s, { vehicleIds: [s.vans[0].id, s.vans[1].id] });
    expect(day.trips.map((t) => Number(t.load.weightKg))).toEqual([360, 360]);
    expect(day.lastRun!.unplaced.map((u) => u.reason)).toEqual(["capacity", "capacity"]);
    const [a, b] = day.trips;
    const stop = a.stops[0];
    const err = await rejects(moveStop(s.shop.staff, a.id, stop.id, { toTripId: b.id, position: 1 }));
    expect(err).toMatchObject({ code: "conflict", details: { dimension: "weightKg" } });
    expect(await prisma.tripStop.findUniqueOrThrow({ where: { id: stop.id } })).toMatchObject({ tripId: a.id, sequence: 1, locked: false });
    expect((await prisma.shipment.findMany({ where: { id: { in: stop.shipments.map((x) => x.id) } } })).every((x) => x.currentTripId === a.id)).toBe(true);
  });
});

describe("what the plan cannot take", () => {
  it("a shipment heavier than every vehicle and a shop with no position are listed with the reason, the rest planned", async () => {
    const s = await setup(["120", "2000", "120", "120", "120", "120", "120", "120"]);
    const lost = await secondRetailer(s.shop, { lat: "20.0", lng: "73.8" });
    await prisma.retailer.update({ where: { id: lost.retailer.id }, data: { latitude: null, longitude: null, pincode: "999999" } });
    const nowhere = await readyShipment(s.shop, s.product.id, { connectionId: lost.connection.id, weightKg: "10" });
    const day = await plan(s);
    const reasons = Object.fromEntries(day.lastRun!.unplaced.map((u) => [u.shipmentIds[0], u.reason]));
    expect(reasons).toEqual({ [s.shipments[1].id]: "capacity", [nowhere.id]: "no_position" });
    expect(day.lastRun!.unplaced.find((u) => u.reason === "no_position")!.detail).toMatch(/drop the delivery pin/);
    expect(day.trips.flatMap((t) => t.stops).length).toBe(shops.length - 1);
    expect(day.waitingShipments).toBe(2);
  });
});

describe("doors: bad input, tenancy, roles", () => {
  let s: Shop & { vanId: string };
  beforeAll(async () => {
    const shop = await orderShop();
    s = Object.assign(shop, { vanId: (await insertVehicle(shop)).id });
  });

  it("bad input names the field and plans nothing", async () => {
    const base = { tripDate: today(), depotWarehouseId: s.wh.id, vehicleIds: [s.vanId] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, vehicleIds: [] }, "vehicleIds"],
      [{ ...base, tripDate: "06-12-2026" }, "tripDate"],
      [{ ...base, tripDate: "2020-01-01" }, "tripDate"],
      [{ ...base, tripDate: "2026-02-30" }, "tripDate"],
      [{ ...base, shiftStart: "18:00", shiftEnd: "09:00" }, "shiftEnd"],
      [{ ...base, vehicleIds: ["nope"] }, "vehicleIds.0"],
      [{ ...base, minutesPerStop: -1 }, "minutesPerStop"],
      [{ ...base, colour: "red" }, "colour"],
    ];
    for (const [input, field] of cases) {
      const err = await rejects(planDay(s.staff, input));
      expect(err.code, JSON.stringify(input)).toBe("validation");
      expect(Object.keys(err.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await prisma.routePlanRun.count({ where: { companyId: s.co } })).toBe(0);
    expect(await prisma.deliveryTrip.count({ where: { companyId: s.co } })).toBe(0);
  });

  it("another company's depot, vehicle and trips are not found; a driver cannot plan", async () => {
    const other = await tenant();
    const otherVan = await prisma.vehicle.create({ data: { companyId: other.company.id, registrationNo: "KA01AB1234", type: "LCV", capacityKg: "800", capacityM3: "6" } });
    expect((await rejects(planDay(s.staff, { tripDate: today(), depotWarehouseId: s.wh.id, vehicleIds: [otherVan.id] }))).fieldErrors).toHaveProperty("vehicleIds.0");
    expect((await rejects(planDay(other.ctx, { tripDate: today(), depotWarehouseId: s.wh.id, vehicleIds: [otherVan.id] }))).fieldErrors).toHaveProperty("depotWarehouseId");
    expect((await rejects(getDayPlan(other.ctx, { tripDate: today(), depotWarehouseId: s.wh.id }))).code).toBe("not_found");
    const driver = await s.staffAs("DRIVER");
    expect((await rejects(planDay(driver, { tripDate: today(), depotWarehouseId: s.wh.id, vehicleIds: [s.vanId] }))).code).toBe("forbidden");

    const t = await token(other.actor);
    const get = await call(routePlans.GET, { path: `/api/v1/route-plans?tripDate=${today()}&depotWarehouseId=${s.wh.id}`, token: t });
    expect(get.status).toBe(404);
    const trip = await prisma.deliveryTrip.create({ data: { companyId: s.co, number: "TRP/26-27/99999", tripDate: new Date(`${today()}T00:00:00Z`), depotWarehouseId: s.wh.id } });
    const stop = await prisma.tripStop.create({ data: { tripId: trip.id, companyId: s.co, sequence: 1, name: "X", addressLine: "Y", city: "Nashik", pincode: "422001" } });
    const mv = await call(moveRoute.POST, { method: "POST", path: `/api/v1/trips/${trip.id}/stops/${stop.id}/move`, token: t, params: { id: trip.id, stopId: stop.id }, body: { toTripId: trip.id, position: 1 } });
    expect(mv.status).toBe(404);
  });

  it("the REST door plans and answers the day; a bad body is 400 naming the field", async () => {
    const t = await token(s.owner);
    const bad = await call(routePlans.POST, { method: "POST", path: "/api/v1/route-plans", token: t, body: { tripDate: today(), depotWarehouseId: s.wh.id } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toHaveProperty("vehicleIds");
    const ok = await call(routePlans.POST, { method: "POST", path: "/api/v1/route-plans", token: t, body: { tripDate: today(), depotWarehouseId: s.wh.id, vehicleIds: [s.vanId], iterations: 100 } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ tripDate: today(), depot: { id: s.wh.id }, lastRun: { stats: { trips: 0 } } });
  });
});
