// On the road: a driver sees only their own trips; arrive / deliver / partly deliver / refused / not
// home with proof of delivery; a replayed update (same clientUpdateId) applies once, also sent twice
// at once; late updates keep their own time but not before the trip started nor in the future; a
// short delivery returns the missing goods into the trip's depot (ledger RETURN) and drafts a credit
// note the accountant issues with one click; not home sends the shipment back to READY when the
// trip completes; stop status drives trip status.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { dismissPendingCreditNote, issuePendingCreditNote, listPendingCreditNotes } from "@/lib/billing/pending-credit-notes";
import { getMyStopOrThrow } from "@/lib/logistics/driver/get-my-stop";
import { getMyTripOrThrow, listMyTrips } from "@/lib/logistics/driver/my-trips";
import { recordDriverUpdate } from "@/lib/logistics/driver/record-driver-update";
import { addShipmentsToTrip } from "@/lib/logistics/trips/add-shipments-to-trip";
import { createTrip } from "@/lib/logistics/trips/create-trip";
import { scheduleTrip } from "@/lib/logistics/trips/schedule-trip";
import { startTrip } from "@/lib/logistics/trips/start-trip";
import { istDay, startOfIstDay } from "@/lib/pricing/dates";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { jpegImage, pngImage } from "../support/images";
import { insertDriver, insertVehicle, readyShipment, secondRetailer } from "../support/logistics-core-fixtures";
import { orderShop, stockedProduct } from "../support/order-factories";
import { rejects } from "../support/rejects";

const today = () => istDay(new Date());
let seq = 0;
const uid = () => `upd-${Date.now()}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function tripOnTheRoad(opts: { stops?: number; start?: boolean } = {}) {
  const shop = await orderShop();
  const p = await stockedProduct(shop, 100);
  const q = await stockedProduct(shop, 100, { basePrice: "50.00" });
  await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { phone: "98220 12345", latitude: "18.530000", longitude: "73.850000" } });
  const vehicle = await insertVehicle(shop);
  const { driver, staff } = await insertDriver(shop);
  const other = await secondRetailer(shop);
  const third = await secondRetailer(shop, { lat: "18.560000", lng: "73.900000" });
  const s1 = await readyShipment(shop, p.id, { quantity: 4 });
  const s2 = await readyShipment(shop, q.id, { quantity: 10, connectionId: other.connection.id });
  const s3 = await readyShipment(shop, p.id, { quantity: 2, connectionId: third.connection.id });
  let t = await createTrip(shop.staff, { tripDate: today(), depotWarehouseId: shop.wh.id, vehicleId: vehicle.id, driverId: driver.id });
  t = await addShipmentsToTrip(shop.staff, t.id, { shipmentIds: [s1.id, s2.id, s3.id].slice(0, opts.stops ?? 3) });
  t = await scheduleTrip(shop.staff, t.id);
  if (opts.start !== false) t = await startTrip(shop.staff, t.id);
  return { shop, p, q, driver, staff: staff!, trip: t, shipments: [s1, s2, s3] };
}

const signature = async () => ({ contentType: "image/png", dataBase64: (await pngImage(40, 20)).toString("base64") });
const soon = (ms = 0) => new Date(Date.now() + ms).toISOString();

describe("the driver's trips", () => {
  it("a driver sees only their own trips; another driver's trip and stop are 404", async () => {
    const { shop, trip, staff } = await tripOnTheRoad({ stops: 1 });
    const mine = await listMyTrips(staff.ctx);
    expect(mine.map((t) => t.id)).toEqual([trip.id]);
    const stop = await getMyStopOrThrow(staff.ctx, trip.id, trip.stops[0]!.id);
    expect(stop.callHref).toBe("tel:+919822012345");
    expect(stop.navigateHref).toBe("https://www.google.com/maps/dir/?api=1&destination=18.530000%2C73.850000&travelmode=driving");
    expect(stop.geoHref).toMatch(/^geo:18\.530000,73\.850000\?q=/);
    expect(stop.orders[0]!.lines[0]!.quantity).toBe("4.000");
    const { staff: otherDriver } = await insertDriver(shop);
    expect(await listMyTrips(otherDriver!.ctx)).toEqual([]);
    expect((await rejects(getMyTripOrThrow(otherDriver!.ctx, trip.id))).code).toBe("not_found");
    expect((await rejects(getMyStopOrThrow(otherDriver!.ctx, trip.id, trip.stops[0]!.id))).code).toBe("not_found");
    expect((await rejects(recordDriverUpdate(otherDriver!.ctx, trip.id, trip.stops[0]!.id, { clientUpdateId: uid(), kind: "arrive", occurredAt: soon() }))).code).toBe("not_found");
    // Another company's driver too; a salesman has no driver pages.
    const elsewhere = await orderShop();
    const { staff: foreign } = await insertDriver(elsewhere);
    expect((await rejects(getMyTripOrThrow(foreign!.ctx, trip.id))).code).toBe("not_found");
    expect((await rejects(getMyTripOrThrow(await shop.staffAs("SALES"), trip.id))).code).toBe("forbidden");
  });
});

describe("updates from the road", () => {
  it("deliver in full with POD: orders and shipment delivered; a replay applies once, also two at once; the trip completes", async () => {
    const { shop, trip, staff, shipments } = await tripOnTheRoad({ stops: 1 });
    const stopId = trip.stops[0]!.id;
    const arrive = { clientUpdateId: uid(), kind: "arrive", occurredAt: soon(), latitude: 18.53, longitude: 73.85 };
    const [a, b] = await Promise.all([recordDriverUpdate(staff.ctx, trip.id, stopId, arrive), recordDriverUpdate(staff.ctx, trip.id, stopId, arrive)]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await prisma.driverUpdate.count({ where: { stopId } })).toBe(1);
    expect(await prisma.trackingEvent.count({ where: { shipmentId: shipments[0]!.id, code: "arrived" } })).toBe(1);
    // The same id with another body is refused.
    expect((await rejects(recordDriverUpdate(staff.ctx, trip.id, stopId, { ...arrive, kind: "not_home" }))).code).toBe("idempotency_mismatch");

    const deliver = { clientUpdateId: uid(), kind: "deliver", occurredAt: soon(1000), receivedBy: "Sunita Sharma", signature: await signature(), latitude: "18.530100", longitude: "73.850200" };
    const done = await recordDriverUpdate(staff.ctx, trip.id, stopId, deliver);
    expect(done).toMatchObject({ stopStatus: "DELIVERED", tripStatus: "COMPLETED", replayed: false });
    expect(await recordDriverUpdate(staff.ctx, trip.id, stopId, deliver)).toMatchObject({ stopStatus: "DELIVERED", replayed: true });
    const pod = await prisma.proofOfDelivery.findUniqueOrThrow({ where: { stopId } });
    expect(pod).toMatchObject({ outcome: "delivered", receivedBy: "Sunita Sharma", signatureType: "image/png" });
    expect(pod.latitude?.toFixed(4)).toBe("18.5301");
    const s = await prisma.shipment.findUniqueOrThrow({ where: { id: shipments[0]!.id }, include: { orders: { include: { order: true } } } });
    expect(s).toMatchObject({ status: "DELIVERED", currentTripId: null });
    expect(s.orders[0]!.order).toMatchObject({ status: "DELIVERED", receivedBy: "Sunita Sharma" });
    expect(await prisma.orderEvent.count({ where: { orderId: s.orders[0]!.orderId, kind: "delivered" } })).toBe(1);
    const t = await prisma.deliveryTrip.findUniqueOrThrow({ where: { id: trip.id } });
    expect(t.status).toBe("COMPLETED");
    // The retailer is told through the usual channels: out for delivery when the trip started, then delivered.
    const { notifyOrderEvent } = await import("@/lib/notifications/notify-order-event");
    const orderId = s.orders[0]!.orderId;
    const number = s.orders[0]!.order.number;
    for (const [kind, title] of [["dispatched", `Order ${number} out for delivery`], ["delivered", `Order ${number} delivered`]] as const) {
      const ev = await prisma.orderEvent.findFirstOrThrow({ where: { orderId, kind } });
      await notifyOrderEvent(ev.id);
      const n = await prisma.notification.findFirstOrThrow({ where: { dedupeKey: { startsWith: `order-event:${ev.id}:` }, userId: shop.retailerActor.userId } });
      expect(n.title).toBe(title);
    }
    // A completed trip takes no more updates.
    expect((await rejects(recordDriverUpdate(staff.ctx, trip.id, stopId, { clientUpdateId: uid(), kind: "arrive", occurredAt: soon(2000) }))).code).toBe("invalid_transition");
    await expectLedgerMatchesLevels(shop.co);
  });

  it("a short delivery returns the missing quantity into the depot and drafts a credit note the accountant issues with one click", async () => {
    const { shop, q, trip, staff, shipments } = await tripOnTheRoad({ stops: 2 });
    const stop = trip.stops.find((s) => s.shipments.some((x) => x.id === shipments[1]!.id))!;
    const detail = await getMyStopOrThrow(staff.ctx, trip.id, stop.id);
    const line = detail.orders[0]!.lines[0]!;
    expect(line.quantity).toBe("10.000");
    const before = await level(q.id, shop.wh.id);
    const res = await recordDriverUpdate(staff.ctx, trip.id, stop.id, { clientUpdateId: uid(), kind: "partly_deliver", occurredAt: soon(), receivedBy: "Bhavesh", signature: await signature(), lines: [{ orderLineId: line.orderLineId, deliveredQty: "7" }], note: "Three packets torn" });
    expect(res).toMatchObject({ stopStatus: "PARTLY_DELIVERED", tripStatus: "IN_TRANSIT" });
    // Stock: 3 back on the depot's shelf, as a RETURN movement of the order.
    expect(await level(q.id, shop.wh.id)).toEqual({ onHand: (Number(before.onHand) + 3).toFixed(3), reserved: before.reserved });
    const orderId = detail.orders[0]!.id;
    const movement = await prisma.stockMovement.findFirstOrThrow({ where: { companyId: shop.co, refId: orderId, kind: "RETURN" } });
    expect(movement).toMatchObject({ warehouseId: shop.wh.id });
    expect(movement.onHandDelta.toFixed(3)).toBe("3.000");
    const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order.status).toBe("RETURNED");
    expect(order.lines[0]!.returnedQty.toFixed(3)).toBe("3.000");
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: shipments[1]!.id } })).status).toBe("PARTLY_DELIVERED");
    const pod = await prisma.proofOfDelivery.findUniqueOrThrow({ where: { stopId: stop.id } });
    expect(pod.lines).toEqual([expect.objectContaining({ orderLineId: line.orderLineId, ordered: "10.000", delivered: "7.000" })]);

    // The credit-note draft for the 3 missing, against the order's invoice.
    const drafts = await listPendingCreditNotes(shop.staff);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ orderId, status: "PENDING", lines: [expect.objectContaining({ quantity: "3.000" })] });
    const note = await issuePendingCreditNote(shop.staff, drafts[0]!.id);
    expect(note).toMatchObject({ type: "CREDIT_NOTE", noteReason: "RETURN" });
    expect(note.lines[0]!.quantity).toBe("3.000");
    expect(await prisma.pendingCreditNote.findUniqueOrThrow({ where: { id: drafts[0]!.id } })).toMatchObject({ status: "ISSUED", issuedNoteId: note.id });
    expect((await rejects(issuePendingCreditNote(shop.staff, drafts[0]!.id))).code).toBe("invalid_transition");
    expect((await rejects(issuePendingCreditNote((await orderShop()).staff, drafts[0]!.id))).code).toBe("not_found");
    await expectLedgerMatchesLevels(shop.co);
  });

  it("a delivered quantity is counted in the line's unit: 6.5 pieces is refused naming the line; the stop stays open, nothing moves", async () => {
    const { shop, trip, staff, shipments } = await tripOnTheRoad({ stops: 2 });
    const stop = trip.stops.find((s) => s.shipments.some((x) => x.id === shipments[1]!.id))!;
    const before = await getMyStopOrThrow(staff.ctx, trip.id, stop.id);
    const line = before.orders[0]!.lines[0]!;
    const moved = await prisma.stockMovement.count({ where: { companyId: shop.co } });
    const e = await rejects(recordDriverUpdate(staff.ctx, trip.id, stop.id, { clientUpdateId: uid(), kind: "partly_deliver", occurredAt: soon(), receivedBy: "Bhavesh", signature: await signature(), lines: [{ orderLineId: line.orderLineId, deliveredQty: "6.5" }] }));
    expect(e).toMatchObject({ code: "validation", fieldErrors: { "lines.0.deliveredQty": ["Delivered quantity must be a whole number of PCS"] } });
    expect(await prisma.stockMovement.count({ where: { companyId: shop.co } })).toBe(moved);
    expect(await prisma.proofOfDelivery.count({ where: { stopId: stop.id } })).toBe(0);
    expect((await getMyStopOrThrow(staff.ctx, trip.id, stop.id)).status).toBe(before.status);
  });

  it("refused: everything back into the depot, shipment undelivered, a credit-note draft (dismissable); not home: back to READY when the trip completes", async () => {
    const { shop, p, trip, staff, shipments } = await tripOnTheRoad({ stops: 3 });
    const stopOf = (i: number) => trip.stops.find((s) => s.shipments.some((x) => x.id === shipments[i]!.id))!;
    const before = await level(p.id, shop.wh.id);
    await recordDriverUpdate(staff.ctx, trip.id, stopOf(2).id, { clientUpdateId: uid(), kind: "refused", occurredAt: soon(), note: "Shop says it did not order" });
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: (Number(before.onHand) + 2).toFixed(3), reserved: before.reserved });
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: shipments[2]!.id } })).status).toBe("UNDELIVERED");
    const refusedOrder = (await prisma.shipmentOrder.findFirstOrThrow({ where: { shipmentId: shipments[2]!.id } })).orderId;
    expect((await prisma.order.findUniqueOrThrow({ where: { id: refusedOrder } })).status).toBe("RETURNED");
    const [draft] = await listPendingCreditNotes(shop.staff);
    expect(draft).toMatchObject({ orderId: refusedOrder });
    expect((await dismissPendingCreditNote(shop.staff, draft!.id)).status).toBe("DISMISSED");

    const nh = await recordDriverUpdate(staff.ctx, trip.id, stopOf(1).id, { clientUpdateId: uid(), kind: "not_home", occurredAt: soon(1000), note: "Shutter down" });
    expect(nh.tripStatus).toBe("IN_TRANSIT");
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: shipments[1]!.id } })).status).toBe("DISPATCHED");
    const last = await recordDriverUpdate(staff.ctx, trip.id, stopOf(0).id, { clientUpdateId: uid(), kind: "deliver", occurredAt: soon(2000), receivedBy: "Ramesh", signature: await signature() });
    expect(last.tripStatus).toBe("COMPLETED");
    const back = await prisma.shipment.findUniqueOrThrow({ where: { id: shipments[1]!.id }, include: { events: { orderBy: { occurredAt: "asc" } } } });
    expect(back).toMatchObject({ status: "READY", currentTripId: null });
    expect(back.events.map((e) => e.code)).toEqual(["created", "out_for_delivery", "not_home", "returned"]);

    // It goes on another trip, and out again without dispatching its order twice.
    const vehicle = await insertVehicle(shop);
    const { driver } = await insertDriver(shop);
    let next = await createTrip(shop.staff, { tripDate: today(), depotWarehouseId: shop.wh.id, vehicleId: vehicle.id, driverId: driver.id });
    next = await addShipmentsToTrip(shop.staff, next.id, { shipmentIds: [back.id] });
    await scheduleTrip(shop.staff, next.id);
    expect((await startTrip(shop.staff, next.id)).status).toBe("IN_TRANSIT");
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: back.id } })).status).toBe("DISPATCHED");
    await expectLedgerMatchesLevels(shop.co);
  });

  it("late updates keep their time: not in the future, not before the trip started; the first arrival starts a scheduled trip; bad input names the field", async () => {
    const { trip, staff, shipments } = await tripOnTheRoad({ stops: 1, start: false });
    const stopId = trip.stops[0]!.id;
    const future = await rejects(recordDriverUpdate(staff.ctx, trip.id, stopId, { clientUpdateId: uid(), kind: "arrive", occurredAt: soon(3_600_000) }));
    expect(future.fieldErrors).toHaveProperty("occurredAt");
    const bad = await rejects(recordDriverUpdate(staff.ctx, trip.id, stopId, { clientUpdateId: "x", kind: "teleport", occurredAt: "now", latitude: 200 }));
    expect(Object.keys(bad.fieldErrors!)).toEqual(expect.arrayContaining(["clientUpdateId", "kind", "occurredAt"]));
    const noSign = await rejects(recordDriverUpdate(staff.ctx, trip.id, stopId, { clientUpdateId: uid(), kind: "deliver", occurredAt: soon() }));
    expect(Object.keys(noSign.fieldErrors!)).toEqual(expect.arrayContaining(["receivedBy", "signature"]));
    const notPng = await rejects(recordDriverUpdate(staff.ctx, trip.id, stopId, { clientUpdateId: uid(), kind: "deliver", occurredAt: soon(), receivedBy: "A", signature: { contentType: "image/png", dataBase64: Buffer.from("not an image at all").toString("base64") } }));
    expect(Object.keys(notPng.fieldErrors!)[0]).toMatch(/^signature\./);
    expect(await prisma.driverUpdate.count({ where: { stopId } })).toBe(0);

    // The driver taps "arrived" ten minutes ago (sent late): the trip starts then, its shipments go out.
    // (In the first ten minutes of an Indian day, the day's first moment: ten minutes ago was the day before the trip's.)
    const at = new Date(Math.max(Date.now() - 10 * 60_000, startOfIstDay(today()).getTime())).toISOString();
    const r = await recordDriverUpdate(staff.ctx, trip.id, stopId, { clientUpdateId: uid(), kind: "arrive", occurredAt: at });
    expect(r.tripStatus).toBe("IN_TRANSIT");
    const t = await prisma.deliveryTrip.findUniqueOrThrow({ where: { id: trip.id } });
    expect(t.startedAt?.toISOString()).toBe(at);
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: shipments[0]!.id } })).status).toBe("DISPATCHED");
    const early = await rejects(recordDriverUpdate(staff.ctx, trip.id, stopId, { clientUpdateId: uid(), kind: "not_home", occurredAt: new Date(Date.now() - 60 * 60_000).toISOString() }));
    expect(early.fieldErrors?.occurredAt?.[0]).toMatch(/before the trip started/i);
  });
});

describe("/api/v1/driver and /api/v1/credit-note-drafts", () => {
  it("a driver's trips and updates over HTTP; replays; another driver or company gets 404; bad input names the field", async () => {
    const { issueTokenPair } = await import("@/lib/auth/tokens");
    const { call } = await import("../support/http");
    const trips = await import("@/app/api/v1/driver/trips/route");
    const trip = await import("@/app/api/v1/driver/trips/[id]/route");
    const stopRoute = await import("@/app/api/v1/driver/trips/[id]/stops/[stopId]/route");
    const updates = await import("@/app/api/v1/driver/trips/[id]/stops/[stopId]/updates/route");
    const drafts = await import("@/app/api/v1/credit-note-drafts/route");
    const issue = await import("@/app/api/v1/credit-note-drafts/[id]/issue/route");
    const openapi = await import("@/app/api/v1/openapi.json/route");
    const { shop, trip: t, staff } = await tripOnTheRoad({ stops: 1 });
    const token = (await issueTokenPair(prisma, staff.actor)).accessToken;
    const stopId = t.stops[0]!.id;
    expect((await call(trips.GET, { token })).json.data.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect((await call(trip.GET, { token, params: { id: t.id } })).json.stops).toHaveLength(1);
    const detail = await call(stopRoute.GET, { token, params: { id: t.id, stopId } });
    expect(detail.json.orders[0].lines[0].quantity).toBe("4.000");

    const body = { clientUpdateId: uid(), kind: "partly_deliver", occurredAt: soon(), receivedBy: "Sunita", signature: await signature(), lines: [{ orderLineId: detail.json.orders[0].lines[0].orderLineId, deliveredQty: "3" }] };
    const first = await call(updates.POST, { method: "POST", token, params: { id: t.id, stopId }, body });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ stopStatus: "PARTLY_DELIVERED", tripStatus: "COMPLETED", replayed: false });
    const again = await call(updates.POST, { method: "POST", token, params: { id: t.id, stopId }, body });
    expect(again.json).toMatchObject({ stopStatus: "PARTLY_DELIVERED", replayed: true });
    expect(await prisma.proofOfDelivery.count({ where: { stopId } })).toBe(1);
    const bad = await call(updates.POST, { method: "POST", token, params: { id: t.id, stopId }, body: { clientUpdateId: uid(), kind: "deliver", occurredAt: "yesterday", extra: true } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors)).toEqual(expect.arrayContaining(["occurredAt", "extra"]));

    const { staff: other } = await insertDriver(shop);
    const otherToken = (await issueTokenPair(prisma, other!.actor)).accessToken;
    expect((await call(trip.GET, { token: otherToken, params: { id: t.id } })).status).toBe(404);
    expect((await call(stopRoute.GET, { token: otherToken, params: { id: t.id, stopId } })).status).toBe(404);
    expect((await call(updates.POST, { method: "POST", token: otherToken, params: { id: t.id, stopId }, body: { ...body, clientUpdateId: uid() } })).status).toBe(404);

    // The accountant: the draft of the missing one, issued once; another company's accountant gets 404.
    const owner = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const list = await call(drafts.GET, { token: owner });
    expect(list.json.data).toHaveLength(1);
    const foreign = (await issueTokenPair(prisma, (await orderShop()).owner)).accessToken;
    expect((await call(issue.POST, { method: "POST", token: foreign, params: { id: list.json.data[0].id }, body: {} })).status).toBe(404);
    expect((await call(drafts.GET, { token: foreign })).json.data).toEqual([]);
    expect((await call(issue.POST, { method: "POST", token: owner, params: { id: list.json.data[0].id }, body: {} })).status).toBe(201);
    expect((await call(issue.POST, { method: "POST", token: owner, params: { id: list.json.data[0].id }, body: {} })).status).toBe(409);

    const doc = (await call(openapi.GET)).json;
    for (const [path, method] of [["/api/v1/driver/trips", "get"], ["/api/v1/driver/trips/{id}", "get"], ["/api/v1/driver/trips/{id}/stops/{stopId}", "get"], ["/api/v1/driver/trips/{id}/stops/{stopId}/updates", "post"], ["/api/v1/credit-note-drafts", "get"], ["/api/v1/credit-note-drafts/{id}/issue", "post"], ["/api/v1/credit-note-drafts/{id}/dismiss", "post"]] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
  });
});

describe("proof of delivery for the office, and a trip brought back early", () => {
  it("staff see who received, when and where, the short lines, the signature and the photo; another company, a bad kind or a stop without proof is 404", async () => {
    const { shop, trip, staff } = await tripOnTheRoad({ stops: 2 });
    const [first, second] = trip.stops;
    const photo = { contentType: "image/jpeg", dataBase64: (await jpegImage(64, 48)).toString("base64") };
    const line = (await getMyStopOrThrow(staff.ctx, trip.id, first!.id)).orders[0]!.lines[0]!;
    await recordDriverUpdate(staff.ctx, trip.id, first!.id, { clientUpdateId: uid(), kind: "partly_deliver", occurredAt: soon(), receivedBy: "Sunita Sharma", signature: await signature(), photo, latitude: "18.530100", longitude: "73.850200", lines: [{ orderLineId: line.orderLineId, deliveredQty: "3" }], note: "One packet torn" });
    const { getTripOrThrow } = await import("@/lib/logistics/trips/get-trip-or-throw");
    const view = await getTripOrThrow(shop.staff, trip.id);
    const stop = view.stops.find((s) => s.id === first!.id)!;
    expect(stop.proof).toMatchObject({ outcome: "partly_delivered", receivedBy: "Sunita Sharma", hasSignature: true, hasPhoto: true, latitude: "18.530100", longitude: "73.850200", note: "One packet torn" });
    expect(stop.proof!.lines).toEqual([expect.objectContaining({ orderLineId: line.orderLineId, ordered: "4.000", delivered: "3.000" })]);
    expect(view.stops.find((s) => s.id === second!.id)!.proof).toBeNull();

    // The images over HTTP, with their own type and never sniffed.
    const { issueTokenPair } = await import("@/lib/auth/tokens");
    const route = await import("@/app/api/v1/trips/[id]/stops/[stopId]/proof/[kind]/route");
    const get = (token: string, stopId: string, kind: string) => route.GET(new Request("http://localhost/api/v1/x", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: trip.id, stopId, kind }) });
    const token = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const sig = await get(token, first!.id, "signature");
    expect(sig.status).toBe(200);
    expect(sig.headers.get("content-type")).toBe("image/png");
    expect(sig.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await sig.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    const pic = await get(token, first!.id, "photo");
    expect(pic.headers.get("content-type")).toBe("image/jpeg");
    expect((await get(token, first!.id, "passport")).status).toBe(404);
    expect((await get(token, second!.id, "signature")).status).toBe(404);
    const elsewhere = await orderShop();
    const foreign = (await issueTokenPair(prisma, elsewhere.owner)).accessToken;
    const leak = await get(foreign, first!.id, "signature");
    expect(leak.status).toBe(404);
    expect(leak.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("bringing a running trip back: stops not reached are skipped and their shipments wait at the depot, READY; deliveries done stay; a reason is required; only a trip on the road", async () => {
    const { shop, trip, staff, shipments } = await tripOnTheRoad({ stops: 3 });
    const [first, second] = trip.stops;
    const { endTripEarly } = await import("@/lib/logistics/trips/end-trip-early");
    await recordDriverUpdate(staff.ctx, trip.id, first!.id, { clientUpdateId: uid(), kind: "deliver", occurredAt: soon(), receivedBy: "Ravi", signature: await signature() });
    await recordDriverUpdate(staff.ctx, trip.id, second!.id, { clientUpdateId: uid(), kind: "arrive", occurredAt: soon(500) });

    const noReason = await rejects(endTripEarly(shop.staff, trip.id, { reason: " " }));
    expect(noReason.code).toBe("validation");
    expect(Object.keys(noReason.fieldErrors!)).toEqual(["reason"]);
    expect((await rejects(endTripEarly(shop.staff, trip.id, { reason: "Breakdown", extra: 1 }))).code).toBe("validation");
    expect(await prisma.tripStop.count({ where: { tripId: trip.id, status: "SKIPPED" } })).toBe(0);
    expect((await rejects(endTripEarly(await shop.staffAs("SALES"), trip.id, { reason: "Breakdown" }))).code).toBe("forbidden");
    const elsewhere = await orderShop();
    expect((await rejects(endTripEarly(elsewhere.staff, trip.id, { reason: "Breakdown" }))).code).toBe("not_found");

    const ended = await endTripEarly(shop.staff, trip.id, { reason: "Clutch gave way near Wakad" });
    expect(ended.status).toBe("COMPLETED");
    expect(ended.stops.map((s) => s.status)).toEqual(["DELIVERED", "SKIPPED", "SKIPPED"]);
    expect(ended.notes).toContain("Brought back early: Clutch gave way near Wakad");
    expect(ended.availableActions).not.toContain("end");
    const byId = new Map(ended.stops.flatMap((s) => s.shipments.map((x) => [x.id, s.status] as const)));
    for (const s of shipments) {
      const row = await prisma.shipment.findUniqueOrThrow({ where: { id: s.id } });
      if (byId.get(s.id) === "DELIVERED") expect(row).toMatchObject({ status: "DELIVERED", currentTripId: null });
      else {
        expect(row).toMatchObject({ status: "READY", currentTripId: null });
        expect(await prisma.trackingEvent.count({ where: { shipmentId: s.id, code: "returned" } })).toBe(1);
      }
    }
    expect(await prisma.auditLog.count({ where: { entityId: trip.id, action: "trip.end_early" } })).toBe(1);
    // A completed trip cannot end again; a late update for a skipped stop is refused.
    expect((await rejects(endTripEarly(shop.staff, trip.id, { reason: "Again" }))).code).toBe("invalid_transition");
    expect((await rejects(recordDriverUpdate(staff.ctx, trip.id, second!.id, { clientUpdateId: uid(), kind: "deliver", occurredAt: soon(1000), receivedBy: "A", signature: await signature() }))).code).toBe("invalid_transition");
    // A trip not yet on the road is cancelled, not brought back.
    const { shop: other, trip: waiting } = await tripOnTheRoad({ stops: 1, start: false });
    expect((await rejects(endTripEarly(other.staff, waiting.id, { reason: "Breakdown" }))).code).toBe("invalid_transition");

    // Over HTTP: the reason is named when missing.
    const { issueTokenPair } = await import("@/lib/auth/tokens");
    const { call } = await import("../support/http");
    const end = await import("@/app/api/v1/trips/[id]/end/route");
    const token = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const bad = await call(end.POST, { method: "POST", token, params: { id: trip.id }, body: {} });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors)).toEqual(["reason"]);
    expect((await call(end.POST, { method: "POST", token, params: { id: trip.id }, body: { reason: "Again" } })).status).toBe(409);
  });
});
