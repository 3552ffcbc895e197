// Shipments and the GST order of documents: invoicing from packed, no dispatch of a taxable supply
// without its invoice (order door and shipment alike), one consignee and warehouse per shipment, an
// order on at most one shipment that is not cancelled (also under two parallel requests), dispatch
// moving stock and writing the tracking history, the REST routes with tenancy and bad input.
import { describe, expect, it } from "vitest";
import * as shipments from "@/app/api/v1/shipments/route";
import * as shipment from "@/app/api/v1/shipments/[id]/route";
import * as cancel from "@/app/api/v1/shipments/[id]/cancel/route";
import * as dispatch from "@/app/api/v1/shipments/[id]/dispatch/route";
import * as events from "@/app/api/v1/shipments/[id]/events/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { listInvoiceableOrders } from "@/lib/billing/list-invoiceable-orders";
import { prisma } from "@/lib/db/client";
import { cancelShipment } from "@/lib/logistics/shipments/cancel-shipment";
import { createShipment } from "@/lib/logistics/shipments/create-shipment";
import { dispatchShipment } from "@/lib/logistics/shipments/dispatch-shipment";
import { listShippableOrders } from "@/lib/logistics/shipments/list-shippable-orders";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { call } from "../support/http";
import { packedInvoiced, secondRetailer } from "../support/logistics-core-fixtures";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";
import { rejects } from "../support/rejects";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

describe("the GST order of documents", () => {
  it("a packed order can be invoiced; dispatch of a taxable supply is refused until it is fully invoiced, and nothing changes", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 20);
    const o = await orderIn(shop, "PACKED", p.id, 4);
    expect((await listInvoiceableOrders(shop.staff)).data.map((x) => x.id)).toContain(o.id);

    const before = await level(p.id, shop.wh.id);
    const refused = await rejects(dispatchOrder(shop.staff, o.id, { vehicleNumber: "MH12AB1234" }));
    expect(refused).toMatchObject({ code: "conflict", status: 409, details: { reason: "invoice_required" } });
    expect(refused.message).toContain("issue the invoice first");
    expect(await level(p.id, shop.wh.id)).toEqual(before);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PACKED");

    // Partly invoiced is not enough either.
    await invoiceOrder(shop.staff, o.id, { lines: [{ orderLineId: o.lines[0]!.id, quantity: "1" }] });
    expect((await rejects(dispatchOrder(shop.staff, o.id, {}))).details).toMatchObject({ linesNotInvoiced: [{ quantity: "3.000" }] });
    await invoiceOrder(shop.staff, o.id, {});
    expect((await dispatchOrder(shop.staff, o.id, {})).status).toBe("DISPATCHED");
  });

  it("a supply without GST (nil-rated) leaves without an invoice", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 20, { gstRate: "0" });
    const o = await orderIn(shop, "PACKED", p.id, 2);
    expect((await dispatchOrder(shop.staff, o.id, {})).status).toBe("DISPATCHED");
  });
});

describe("shipments", () => {
  it("from packed orders of one consignee: READY, declared value = the orders' totals, a 'created' event; dispatch moves the stock and writes vehicle and LR", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const [a, b] = [await orderIn(shop, "PACKED", p.id, 2), await orderIn(shop, "PACKED", p.id, 3)];
    expect((await listShippableOrders(shop.staff)).flatMap((g) => g.orders.map((o) => [o.id, o.invoiced]))).toEqual(expect.arrayContaining([[a.id, false], [b.id, false]]));
    const s = await createShipment(shop.staff, { orderIds: [a.id, b.id], packages: 3, weightKg: "42.5", volumeM3: "0.35", crates: 2 });
    expect(s).toMatchObject({ status: "READY", kind: "SUPPLY", packages: 3, weightKg: "42.50", volumeM3: "0.350", crates: 2, carrier: { type: "OWN_FLEET" }, declaredValue: "590.00", availableActions: ["dispatch", "cancel"] });
    expect(s.number).toMatch(/^SHP\/\d{2}-\d{2}\/000001$/);
    expect(s.events.map((e) => e.code)).toEqual(["created"]);
    expect(await prisma.auditLog.count({ where: { entityId: s.id, action: "shipment.create" } })).toBe(1);
    expect(await listShippableOrders(shop.staff)).toEqual([]);

    // Not invoiced: 409 naming the order, and nothing moves.
    const refused = await rejects(dispatchShipment(shop.staff, s.id, { vehicleNumber: "MH12AB1234", lrNumber: "LR-77" }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toMatch(new RegExp(`Order ${a.number.replaceAll("/", "\\/")} is not fully invoiced: issue the invoice first`));
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("READY");
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "50.000", reserved: "5.000" });

    // The order's own door refuses an order on a shipment.
    await invoiceOrder(shop.staff, a.id, {});
    await invoiceOrder(shop.staff, b.id, {});
    expect((await rejects(dispatchOrder(shop.staff, a.id, {}))).message).toContain(`on shipment ${s.number}`);

    const out = await dispatchShipment(shop.staff, s.id, { vehicleNumber: "MH12AB1234", lrNumber: "LR-77", lrDate: "2026-12-05" });
    expect(out).toMatchObject({ status: "DISPATCHED", lrNumber: "LR-77", lrDate: "2026-12-05", availableActions: [] });
    expect(out.orders.map((o) => o.status)).toEqual(["DISPATCHED", "DISPATCHED"]);
    expect(out.events.map((e) => e.code)).toEqual(["created", "dispatched"]);
    expect(out.events[1]!.description).toContain("MH12AB1234");
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "45.000", reserved: "0.000" });
    const ev = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: a.id, kind: "dispatched" } });
    expect(ev.data).toMatchObject({ vehicleNumber: "MH12AB1234", lrNumber: "LR-77", shipmentNumber: s.number });
    expect((await rejects(dispatchShipment(shop.staff, s.id, {}))).code).toBe("invalid_transition");
    expect((await rejects(cancelShipment(shop.staff, s.id, {}))).code).toBe("invalid_transition");
    await expectLedgerMatchesLevels(shop.co);
  });

  it("one consignee, one warehouse, packed orders only, an order on one live shipment; cancelling frees the orders", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const other = await secondRetailer(shop);
    const mine = await packedInvoiced(shop, p.id, 1);
    const { placeOrder } = await import("@/lib/orders/place-order");
    const theirs = await placeOrder(shop.staff, { connectionId: other.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    const mixed = await rejects(createShipment(shop.staff, { orderIds: [mine.id, theirs.id] }));
    expect(mixed.fieldErrors?.["orderIds.1"]?.[0]).toMatch(/placed: only packed orders|another consignee/);

    const confirmed = await orderIn(shop, "CONFIRMED", p.id, 1);
    expect((await rejects(createShipment(shop.staff, { orderIds: [confirmed.id] }))).fieldErrors?.["orderIds.0"]?.[0]).toMatch(/confirmed: only packed orders/);
    const bad = await rejects(createShipment(shop.staff, { orderIds: [mine.id], packages: 0, weightKg: "-2" }));
    expect(bad.code).toBe("validation");
    expect(Object.keys(bad.fieldErrors!)).toEqual(expect.arrayContaining(["packages", "weightKg"]));

    const s1 = await createShipment(shop.staff, { orderIds: [mine.id] });
    const twice = await rejects(createShipment(shop.staff, { orderIds: [mine.id] }));
    expect(twice.code).toBe("conflict");
    expect(twice.fieldErrors?.["orderIds.0"]?.[0]).toContain(`already on shipment ${s1.number}`);
    const cancelled = await cancelShipment(shop.staff, s1.id, { reason: "Truck full" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.events.map((e) => e.code)).toEqual(["created", "cancelled"]);
    expect((await createShipment(shop.staff, { orderIds: [mine.id] })).status).toBe("READY");
  });

  it("two shipments of the same order at once: exactly one is made", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const o = await packedInvoiced(shop, p.id, 1);
    const results = await Promise.allSettled([createShipment(shop.staff, { orderIds: [o.id] }), createShipment(shop.staff, { orderIds: [o.id] })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await prisma.shipmentOrder.count({ where: { orderId: o.id } })).toBe(1);
  });

  it("roles: sales read but cannot create; the warehouse creates and dispatches; a driver cannot dispatch", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const o = await packedInvoiced(shop, p.id, 1);
    const [sales, warehouse, driver] = [await shop.staffAs("SALES"), await shop.staffAs("WAREHOUSE"), await shop.staffAs("DRIVER")];
    expect((await rejects(createShipment(sales, { orderIds: [o.id] }))).code).toBe("forbidden");
    const s = await createShipment(warehouse, { orderIds: [o.id] });
    expect((await rejects(dispatchShipment(driver, s.id, {}))).code).toBe("forbidden");
    expect((await dispatchShipment(warehouse, s.id, {})).status).toBe("DISPATCHED");
  });
});

describe("/api/v1/shipments", () => {
  it("create (idempotent), list with filters, get, events, dispatch, cancel; bad input names the field", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const [a, b] = [await packedInvoiced(shop, p.id, 1), await packedInvoiced(shop, p.id, 1)];
    const t = await token(shop.owner);
    const k = `k-${Math.random()}`;
    const made = await call(shipments.POST, { method: "POST", token: t, body: { orderIds: [a.id], packages: 2, weightKg: "12.5" }, headers: { "idempotency-key": k } });
    expect(made.status).toBe(201);
    const replay = await call(shipments.POST, { method: "POST", token: t, body: { orderIds: [a.id], packages: 2, weightKg: "12.5" }, headers: { "idempotency-key": k } });
    expect(replay.json.id).toBe(made.json.id);
    const id = made.json.id as string;

    const bad = await call(shipments.POST, { method: "POST", token: t, body: { orderIds: [], packages: "many", carrier: "x" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors)).toEqual(expect.arrayContaining(["orderIds", "packages", "carrier"]));
    const badDispatch = await call(dispatch.POST, { method: "POST", token: t, params: { id }, body: { lrDate: "yesterday" } });
    expect(badDispatch.status).toBe(400);
    expect(Object.keys(badDispatch.json.errors)).toEqual(["lrDate"]);
    const badEvent = await call(events.POST, { method: "POST", token: t, params: { id }, body: { code: "teleported", description: "" } });
    expect(Object.keys(badEvent.json.errors)).toEqual(expect.arrayContaining(["code", "description"]));
    const badFilter = await call(shipments.GET, { path: "/api/v1/shipments?status=LOST", token: t });
    expect(Object.keys(badFilter.json.errors)).toEqual(["status"]);

    const list = await call(shipments.GET, { path: "/api/v1/shipments?status=READY&limit=10", token: t });
    expect(list.json).toMatchObject({ total: 1, data: [{ id, status: "READY" }] });
    expect((await call(shipments.GET, { path: `/api/v1/shipments?q=${encodeURIComponent(a.number)}`, token: t })).json.total).toBe(1);
    expect((await call(shipments.GET, { path: "/api/v1/shipments?from=2000-01-01&to=2000-01-02", token: t })).json.total).toBe(0);
    const ev = await call(events.POST, { method: "POST", token: t, params: { id }, body: { code: "note", description: "Customer asked for delivery after 4 pm" } });
    expect(ev.status).toBe(201);
    expect((await call(events.GET, { token: t, params: { id } })).json.data.map((e: { code: string }) => e.code)).toEqual(["created", "note"]);
    const out = await call(dispatch.POST, { method: "POST", token: t, params: { id }, body: { vehicleNumber: "MH12AB1234" } });
    expect(out.json).toMatchObject({ status: "DISPATCHED" });

    const second = await call(shipments.POST, { method: "POST", token: t, body: { orderIds: [b.id] } });
    const c = await call(cancel.POST, { method: "POST", token: t, params: { id: second.json.id }, body: { reason: "Retailer shut for Diwali" } });
    expect(c.json.status).toBe("CANCELLED");
    expect((await call(shipment.GET, { token: t, params: { id: second.json.id } })).json.events.at(-1).description).toContain("Diwali");
  });

  it("another company's shipment is 404 on every route, and its orders cannot be shipped", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const p = await stockedProduct(shop, 50);
    const o = await packedInvoiced(shop, p.id, 1);
    const s = await createShipment(shop.staff, { orderIds: [o.id] });
    const t = await token(other.owner);
    const params = { id: s.id };
    expect((await call(shipment.GET, { token: t, params })).status).toBe(404);
    expect((await call(events.GET, { token: t, params })).status).toBe(404);
    expect((await call(events.POST, { method: "POST", token: t, params, body: { code: "note", description: "x" } })).status).toBe(404);
    expect((await call(dispatch.POST, { method: "POST", token: t, params, body: {} })).status).toBe(404);
    expect((await call(cancel.POST, { method: "POST", token: t, params, body: {} })).status).toBe(404);
    expect((await call(shipments.GET, { token: t })).json.total).toBe(0);
    const steal = await call(shipments.POST, { method: "POST", token: t, body: { orderIds: [o.id] } });
    expect(steal.status).toBe(404);
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("READY");
    // A retailer has no door to the vendor's shipments.
    expect((await call(shipment.GET, { token: await token(shop.retailerActor), params })).status).toBe(403);
  });

  it("the OpenAPI document lists the shipment operations", async () => {
    const doc = (await call(openapi.GET)).json;
    for (const [path, method] of [["/api/v1/shipments", "get"], ["/api/v1/shipments", "post"], ["/api/v1/shipments/{id}", "get"], ["/api/v1/shipments/{id}/cancel", "post"], ["/api/v1/shipments/{id}/dispatch", "post"], ["/api/v1/shipments/{id}/events", "get"], ["/api/v1/shipments/{id}/events", "post"]] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
  });
});
