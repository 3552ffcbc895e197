// Delivery trips built by hand: stops per consignee with position and receiving window, order and
// locks, load against the vehicle's capacity, a shipment on at most one live trip (also under two
// parallel requests), schedule writing the LR, start dispatching every shipment (invoices required,
// expired papers warned), cancel freeing shipments, a completed trip refusing changes; REST routes
// with tenancy and bad input.
import { describe, expect, it } from "vitest";
import * as trips from "@/app/api/v1/trips/route";
import * as trip from "@/app/api/v1/trips/[id]/route";
import * as tripShipments from "@/app/api/v1/trips/[id]/shipments/route";
import * as tripShipment from "@/app/api/v1/trips/[id]/shipments/[shipmentId]/route";
import * as reorder from "@/app/api/v1/trips/[id]/reorder/route";
import * as tripLock from "@/app/api/v1/trips/[id]/lock/route";
import * as stopLock from "@/app/api/v1/trips/[id]/stops/[stopId]/lock/route";
import * as schedule from "@/app/api/v1/trips/[id]/schedule/route";
import * as start from "@/app/api/v1/trips/[id]/start/route";
import * as cancel from "@/app/api/v1/trips/[id]/cancel/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { createShipment } from "@/lib/logistics/shipments/create-shipment";
import { addShipmentsToTrip } from "@/lib/logistics/trips/add-shipments-to-trip";
import { cancelTrip } from "@/lib/logistics/trips/cancel-trip";
import { createTrip } from "@/lib/logistics/trips/create-trip";
import { removeShipmentFromTrip } from "@/lib/logistics/trips/remove-shipment-from-trip";
import { reorderStops } from "@/lib/logistics/trips/reorder-stops";
import { scheduleTrip } from "@/lib/logistics/trips/schedule-trip";
import { setStopLock, setTripLock } from "@/lib/logistics/trips/set-lock";
import { startTrip } from "@/lib/logistics/trips/start-trip";
import { updateTrip } from "@/lib/logistics/trips/update-trip";
import { istDay } from "@/lib/pricing/dates";
import { call } from "../support/http";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { insertDriver, insertVehicle, readyShipment, secondRetailer } from "../support/logistics-core-fixtures";
import { orderIn, orderShop, stockedProduct, type Shop } from "../support/order-factories";
import { rejects } from "../support/rejects";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const today = () => istDay(new Date());

async function setup() {
  const shop = await orderShop();
  await prisma.warehouse.update({ where: { id: shop.wh.id }, data: { latitude: "18.600000", longitude: "73.800000" } });
  await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { latitude: "18.530000", longitude: "73.850000", receivingFromMin: 540, receivingToMin: 1260, phone: "9822012345" } });
  const p = await stockedProduct(shop, 200);
  const vehicle = await insertVehicle(shop, { capacityKg: "500", capacityM3: "4", capacityCrates: 10 });
  const { driver } = await insertDriver(shop);
  return { shop, p, vehicle, driver };
}

async function draftTrip(shop: Shop, extra: Record<string, unknown> = {}) {
  return createTrip(shop.staff, { tripDate: today(), depotWarehouseId: shop.wh.id, plannedDeparture: `${today()}T08:30:00+05:30`, ...extra });
}

describe("building a trip", () => {
  it("one stop per consignee address with the shop's position and receiving window; reorder, locks, schedule writes the LR, start dispatches every shipment", async () => {
    const { shop, p, vehicle, driver } = await setup();
    const other = await secondRetailer(shop, { lat: "18.510000", lng: "73.930000" });
    const s1 = await readyShipment(shop, p.id, { weightKg: "100" });
    const s2 = await readyShipment(shop, p.id, { weightKg: "80" });
    const s3 = await readyShipment(shop, p.id, { weightKg: "60", connectionId: other.connection.id });
    let t = await draftTrip(shop);
    expect(t).toMatchObject({ status: "DRAFT", availableActions: ["edit", "schedule", "cancel"] });
    expect(t.number).toMatch(/^TRP\/\d{2}-\d{2}\/00001$/);

    t = await addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [s1.id, s2.id, s3.id] });
    expect(t.stops).toHaveLength(2);
    expect(t.stops[0]).toMatchObject({ sequence: 1, retailerId: shop.retailer.id, latitude: "18.530000", longitude: "73.850000", phone: "9822012345", windowStart: new Date(`${today()}T09:00:00+05:30`).toISOString(), windowEnd: new Date(`${today()}T21:00:00+05:30`).toISOString() });
    expect(t.stops[0]!.shipments.map((s) => s.id).sort()).toEqual([s1.id, s2.id].sort());
    expect(t.stops[1]).toMatchObject({ sequence: 2, retailerId: other.retailer.id, windowStart: new Date(`${today()}T10:00:00+05:30`).toISOString() });
    expect(t.load).toMatchObject({ shipments: 3, weightKg: "240.00" });
    expect(t.stops[0]!.eta).not.toBeNull();
    expect(new Date(t.stops[1]!.eta!).getTime()).toBeGreaterThan(new Date(t.stops[0]!.eta!).getTime());

    const [first, second] = t.stops.map((s) => s.id);
    t = await reorderStops(shop.staff, t.id, { stopIds: [second, first] });
    expect(t.stops.map((s) => s.id)).toEqual([second, first]);
    expect((await rejects(reorderStops(shop.staff, t.id, { stopIds: [second] }))).fieldErrors).toHaveProperty("stopIds");
    t = await setStopLock(shop.staff, t.id, second!, { locked: true });
    expect((await rejects(reorderStops(shop.staff, t.id, { stopIds: [first, second] }))).message).toMatch(/locked/);
    expect((await setTripLock(shop.staff, t.id, { locked: true })).locked).toBe(true);

    // Schedule needs a vehicle and a driver.
    const early = await rejects(scheduleTrip(shop.staff, t.id));
    expect(early).toMatchObject({ code: "conflict" });
    expect(Object.keys(early.fieldErrors!)).toEqual(["vehicleId", "driverId"]);
    await updateTrip(shop.staff, t.id, { vehicleId: vehicle.id, driverId: driver.id });
    t = await scheduleTrip(shop.staff, t.id);
    expect(t.status).toBe("SCHEDULED");
    const lr = await prisma.shipment.findMany({ where: { id: { in: [s1.id, s2.id, s3.id] } }, select: { lrNumber: true, lrDate: true } });
    expect(lr.every((s) => s.lrNumber === t.number && s.lrDate?.toISOString().slice(0, 10) === today())).toBe(true);

    t = await startTrip(shop.staff, t.id);
    expect(t).toMatchObject({ status: "IN_TRANSIT", warnings: [] });
    const after = await prisma.shipment.findMany({ where: { id: { in: [s1.id, s2.id, s3.id] } }, include: { events: true, orders: { include: { order: { select: { status: true } } } } } });
    for (const s of after) {
      expect(s.status).toBe("DISPATCHED");
      expect(s.orders[0]!.order.status).toBe("DISPATCHED");
      expect(s.events.map((e) => e.code)).toEqual(["created", "out_for_delivery"]);
      expect(s.events[1]!.description).toContain(vehicle.registrationNo);
    }
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "197.000", reserved: "0.000" });
    await expectLedgerMatchesLevels(shop.co);
    // On the road: no more changes.
    expect((await rejects(addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [(await readyShipment(shop, p.id)).id] }))).code).toBe("invalid_transition");
    expect((await rejects(cancelTrip(shop.staff, t.id))).code).toBe("invalid_transition");
  });

  it("load is checked against the vehicle's capacity, naming the dimension", async () => {
    const { shop, p, vehicle } = await setup();
    const heavy = await readyShipment(shop, p.id, { weightKg: "450" });
    const t = await draftTrip(shop, { vehicleId: vehicle.id });
    await addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [heavy.id] });
    const kg = await rejects(addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [(await readyShipment(shop, p.id, { weightKg: "60" })).id] }));
    expect(kg).toMatchObject({ code: "conflict", details: { dimension: "weightKg", load: "510.00", capacity: "500.00" } });
    const bulky = await readyShipment(shop, p.id, { weightKg: "1", volumeM3: "3.9" });
    expect((await rejects(addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [bulky.id] }))).details).toMatchObject({ dimension: "volumeM3" });
    const crates = await readyShipment(shop, p.id, { weightKg: "1", volumeM3: "0", crates: 11 });
    expect((await rejects(addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [crates.id] }))).details).toMatchObject({ dimension: "crates" });
    // Nothing of the refused loads stuck.
    expect(await prisma.shipment.count({ where: { currentTripId: t.id } })).toBe(1);
    // A smaller vehicle cannot take the load either.
    const small = await insertVehicle(shop, { capacityKg: "300", capacityM3: "2" });
    expect((await rejects(updateTrip(shop.staff, t.id, { vehicleId: small.id }))).details).toMatchObject({ dimension: "weightKg" });
  });

  it("a shipment is on at most one live trip: refused on a second, also under two parallel requests; cancelling or removing frees it", async () => {
    const { shop, p } = await setup();
    const s = await readyShipment(shop, p.id);
    const [a, b] = [await draftTrip(shop), await draftTrip(shop)];
    const results = await Promise.allSettled([addShipmentsToTrip(shop.staff, a.id, { shipmentIds: [s.id] }), addShipmentsToTrip(shop.staff, b.id, { shipmentIds: [s.id] })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason;
    expect(lost.code).toBe("conflict");
    const holder = (await prisma.shipment.findUniqueOrThrow({ where: { id: s.id } })).currentTripId!;
    const free = holder === a.id ? b : a;
    expect(await prisma.tripStop.count({ where: { tripId: free.id } })).toBe(0);
    const again = await rejects(addShipmentsToTrip(shop.staff, free.id, { shipmentIds: [s.id] }));
    expect(again.message).toMatch(/already on trip TRP\//);

    const afterRemove = await removeShipmentFromTrip(shop.staff, holder, s.id);
    expect(afterRemove.stops).toEqual([]);
    await addShipmentsToTrip(shop.staff, free.id, { shipmentIds: [s.id] });
    const cancelled = await cancelTrip(shop.staff, free.id, { reason: "Truck under repair" });
    expect(cancelled.status).toBe("CANCELLED");
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: s.id } })).currentTripId).toBeNull();
    expect((await rejects(addShipmentsToTrip(shop.staff, free.id, { shipmentIds: [s.id] }))).code).toBe("invalid_transition");
    expect((await addShipmentsToTrip(shop.staff, holder, { shipmentIds: [s.id] })).load.shipments).toBe(1);
  });

  it("start needs every invoice (409 naming the order, nothing moves); expired papers and licence are warnings, not blocks", async () => {
    const { shop, p } = await setup();
    const vehicle = await insertVehicle(shop, { insuranceExpiry: new Date("2020-01-31"), pucExpiry: new Date("2020-02-29") });
    const { driver } = await insertDriver(shop, { licenceExpiry: new Date("2021-06-30") });
    const o = await orderIn(shop, "PACKED", p.id, 2);
    const s = await createShipment(shop.staff, { orderIds: [o.id] });
    let t = await draftTrip(shop, { vehicleId: vehicle.id, driverId: driver.id });
    t = await addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [s.id] });
    expect(t.warnings).toEqual([`Vehicle ${vehicle.registrationNo}: insurance expired on 2020-01-31`, `Vehicle ${vehicle.registrationNo}: PUC certificate expired on 2020-02-29`, `Driver ${driver.name}: driving licence expired on 2021-06-30`]);
    t = await scheduleTrip(shop.staff, t.id);
    const refused = await rejects(startTrip(shop.staff, t.id));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toContain(`Order ${o.number} is not fully invoiced: issue the invoice first`);
    expect((await prisma.deliveryTrip.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("SCHEDULED");
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("READY");
    const { invoiceOrder } = await import("@/lib/billing/invoice-order");
    await invoiceOrder(shop.staff, o.id, {});
    const started = await startTrip(shop.staff, t.id);
    expect(started.status).toBe("IN_TRANSIT");
    expect(started.warnings).toHaveLength(3);
  });

  it("a completed trip refuses every change", async () => {
    const { shop, p, vehicle, driver } = await setup();
    const s = await readyShipment(shop, p.id);
    const t = await draftTrip(shop, { vehicleId: vehicle.id, driverId: driver.id });
    await addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [s.id] });
    await prisma.deliveryTrip.update({ where: { id: t.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    const stopId = (await prisma.tripStop.findFirstOrThrow({ where: { tripId: t.id } })).id;
    const fresh = await readyShipment(shop, p.id);
    for (const attempt of [
      () => addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [fresh.id] }),
      () => removeShipmentFromTrip(shop.staff, t.id, s.id),
      () => reorderStops(shop.staff, t.id, { stopIds: [stopId] }),
      () => setStopLock(shop.staff, t.id, stopId, { locked: true }),
      () => setTripLock(shop.staff, t.id, { locked: true }),
      () => updateTrip(shop.staff, t.id, { notes: "late" }),
      () => scheduleTrip(shop.staff, t.id),
      () => startTrip(shop.staff, t.id),
      () => cancelTrip(shop.staff, t.id),
    ]) {
      const e = await rejects(attempt());
      expect(e.code).toBe("invalid_transition");
      expect(e.message).toMatch(/completed/);
    }
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: fresh.id } })).currentTripId).toBeNull();
  });

  it("bad input names the field; a driver or salesman cannot build trips", async () => {
    const { shop } = await setup();
    const bad = await rejects(createTrip(shop.staff, { tripDate: "tomorrow", depotWarehouseId: "", plannedDeparture: "8 am", extra: 1 }));
    expect(Object.keys(bad.fieldErrors!)).toEqual(expect.arrayContaining(["tripDate", "depotWarehouseId", "plannedDeparture", "extra"]));
    expect((await rejects(createTrip(shop.staff, { tripDate: "2020-01-01", depotWarehouseId: shop.wh.id }))).fieldErrors).toHaveProperty("tripDate");
    const other = await orderShop();
    expect((await rejects(createTrip(shop.staff, { tripDate: today(), depotWarehouseId: other.wh.id }))).fieldErrors).toHaveProperty("depotWarehouseId");
    const foreignVehicle = await insertVehicle(other);
    expect((await rejects(createTrip(shop.staff, { tripDate: today(), depotWarehouseId: shop.wh.id, vehicleId: foreignVehicle.id }))).fieldErrors).toHaveProperty("vehicleId");
    expect((await rejects(createTrip(await shop.staffAs("SALES"), { tripDate: today(), depotWarehouseId: shop.wh.id }))).code).toBe("forbidden");
    expect((await rejects(createTrip(await shop.staffAs("DRIVER"), { tripDate: today(), depotWarehouseId: shop.wh.id }))).code).toBe("forbidden");
  });
});

describe("/api/v1/trips", () => {
  it("create, list by day, get, patch, load, reorder, locks, schedule, start over HTTP", async () => {
    const { shop, p, vehicle, driver } = await setup();
    const t = await token(shop.owner);
    const s = await readyShipment(shop, p.id);
    const made = await call(trips.POST, { method: "POST", token: t, body: { tripDate: today(), depotWarehouseId: shop.wh.id } });
    expect(made.status).toBe(201);
    const id = made.json.id as string;
    expect((await call(trips.GET, { path: `/api/v1/trips?date=${today()}`, token: t })).json.total).toBe(1);
    expect((await call(trips.GET, { path: "/api/v1/trips?date=2000-01-01", token: t })).json.total).toBe(0);
    expect(Object.keys((await call(trips.GET, { path: "/api/v1/trips?status=FLYING", token: t })).json.errors)).toEqual(["status"]);
    const loaded = await call(tripShipments.POST, { method: "POST", token: t, params: { id }, body: { shipmentIds: [s.id] } });
    expect(loaded.json.stops).toHaveLength(1);
    const stopId = loaded.json.stops[0].id as string;
    expect((await call(reorder.POST, { method: "POST", token: t, params: { id }, body: { stopIds: [stopId] } })).status).toBe(200);
    expect((await call(stopLock.POST, { method: "POST", token: t, params: { id, stopId }, body: { locked: true } })).json.stops[0].locked).toBe(true);
    expect((await call(tripLock.POST, { method: "POST", token: t, params: { id }, body: { locked: "maybe" } })).json.errors).toHaveProperty("locked");
    expect((await call(trip.PATCH, { method: "PATCH", token: t, params: { id }, body: { vehicleId: vehicle.id, driverId: driver.id, plannedDeparture: `${today()}T09:00:00+05:30` } })).status).toBe(200);
    expect((await call(schedule.POST, { method: "POST", token: t, params: { id }, body: {} })).json.status).toBe("SCHEDULED");
    const started = await call(start.POST, { method: "POST", token: t, params: { id }, body: {} });
    expect(started.json).toMatchObject({ status: "IN_TRANSIT", warnings: [] });
    expect((await call(cancel.POST, { method: "POST", token: t, params: { id }, body: {} })).status).toBe(409);
  });

  it("another company's trip, stop and shipment ids are 404", async () => {
    const { shop, p } = await setup();
    const s = await readyShipment(shop, p.id);
    const tr = await draftTrip(shop);
    const loaded = await addShipmentsToTrip(shop.staff, tr.id, { shipmentIds: [s.id] });
    const stopId = loaded.stops[0]!.id;
    const other = await orderShop();
    const t = await token(other.owner);
    const params = { id: tr.id };
    expect((await call(trip.GET, { token: t, params })).status).toBe(404);
    expect((await call(trip.PATCH, { method: "PATCH", token: t, params, body: { notes: "x" } })).status).toBe(404);
    expect((await call(tripShipments.POST, { method: "POST", token: t, params, body: { shipmentIds: [s.id] } })).status).toBe(404);
    expect((await call(tripShipment.DELETE, { method: "DELETE", token: t, params: { id: tr.id, shipmentId: s.id } })).status).toBe(404);
    expect((await call(reorder.POST, { method: "POST", token: t, params, body: { stopIds: [stopId] } })).status).toBe(404);
    expect((await call(tripLock.POST, { method: "POST", token: t, params, body: { locked: true } })).status).toBe(404);
    expect((await call(stopLock.POST, { method: "POST", token: t, params: { id: tr.id, stopId }, body: { locked: true } })).status).toBe(404);
    for (const r of [schedule, start, cancel]) expect((await call(r.POST, { method: "POST", token: t, params, body: {} })).status).toBe(404);
    // Their own trip cannot load my shipment, nor lock my stop through their trip.
    const theirs = await createTrip(other.staff, { tripDate: today(), depotWarehouseId: other.wh.id });
    expect((await call(tripShipments.POST, { method: "POST", token: t, params: { id: theirs.id }, body: { shipmentIds: [s.id] } })).status).toBe(404);
    expect((await call(stopLock.POST, { method: "POST", token: t, params: { id: theirs.id, stopId }, body: { locked: true } })).status).toBe(404);
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: s.id } })).currentTripId).toBe(tr.id);
  });

  it("the OpenAPI document lists the trip operations", async () => {
    const doc = (await call(openapi.GET)).json;
    for (const [path, method] of [["/api/v1/trips", "get"], ["/api/v1/trips", "post"], ["/api/v1/trips/{id}", "get"], ["/api/v1/trips/{id}", "patch"], ["/api/v1/trips/{id}/shipments", "post"], ["/api/v1/trips/{id}/shipments/{shipmentId}", "delete"], ["/api/v1/trips/{id}/reorder", "post"], ["/api/v1/trips/{id}/lock", "post"], ["/api/v1/trips/{id}/stops/{stopId}/lock", "post"], ["/api/v1/trips/{id}/schedule", "post"], ["/api/v1/trips/{id}/start", "post"], ["/api/v1/trips/{id}/cancel", "post"]] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
  });
});
