// /api/v1/orders over the route handlers with bearer tokens: idempotent placing, body rules,
// tenancy on every route, retailer scoping, problem+json for invalid transitions and short stock,
// and the lifecycle a mobile app drives (through to the delivery photo and a return).
import { describe, expect, it } from "vitest";
import * as orders from "@/app/api/v1/orders/route";
import * as order from "@/app/api/v1/orders/[id]/route";
import * as cancel from "@/app/api/v1/orders/[id]/cancel/route";
import * as confirm from "@/app/api/v1/orders/[id]/confirm/route";
import * as deliver from "@/app/api/v1/orders/[id]/deliver/route";
import * as deliveryPhoto from "@/app/api/v1/orders/[id]/delivery-photo/route";
import * as dispatch from "@/app/api/v1/orders/[id]/dispatch/route";
import * as orderInvoice from "@/app/api/v1/orders/[id]/invoice/route";
import * as pack from "@/app/api/v1/orders/[id]/pack/route";
import * as pickList from "@/app/api/v1/orders/[id]/pick-list/route";
import * as place from "@/app/api/v1/orders/[id]/place/route";
import * as releaseHold from "@/app/api/v1/orders/[id]/release-hold/route";
import * as reorderPreview from "@/app/api/v1/orders/[id]/reorder-preview/route";
import * as returns from "@/app/api/v1/orders/[id]/return/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { createRetailerUser } from "../support/factories";
import { call } from "../support/http";
import { bigJpeg, describeImage } from "../support/images";
import { orderShop, stockedProduct, staffPlace, type Shop } from "../support/order-factories";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const key = () => `test-${Math.random().toString(36).slice(2)}`;

/** Every order route a caller could aim at someone else's order, with a plausible body. */
function everyRoute(productId: string) {
  return {
    "GET /orders/{id}": { handler: order.GET, method: "GET" },
    "PATCH /orders/{id}": { handler: order.PATCH, method: "PATCH", body: { lines: [{ productId, quantity: "1" }] } },
    "POST confirm": { handler: confirm.POST, method: "POST", body: {} },
    "POST release-hold": { handler: releaseHold.POST, method: "POST", body: {} },
    "POST pack": { handler: pack.POST, method: "POST", body: {} },
    "POST dispatch": { handler: dispatch.POST, method: "POST", body: {} },
    "POST deliver": { handler: deliver.POST, method: "POST", body: { receivedBy: "Someone" } },
    "POST cancel": { handler: cancel.POST, method: "POST", body: { reason: "Not mine" } },
    "POST return": { handler: returns.POST, method: "POST", body: { reason: "Not mine", lines: [{ productId, quantity: "1" }] } },
    "POST place": { handler: place.POST, method: "POST" },
    "GET pick-list": { handler: pickList.GET, method: "GET" },
    "GET reorder-preview": { handler: reorderPreview.GET, method: "GET" },
    "GET delivery-photo": { handler: deliveryPhoto.GET, method: "GET" },
  } as const;
}

async function snapshot(shop: Shop) {
  return prisma.order.findMany({ where: { companyId: shop.co }, orderBy: { id: "asc" }, include: { lines: true, events: true } });
}

describe("POST /api/v1/orders", () => {
  it("the same Idempotency-Key twice places one order and answers the same both times", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const t = await token(shop.owner);
    const k = key();
    const body = { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "3" }], notes: "Mobile retry" };
    const first = await call(orders.POST, { method: "POST", path: "/api/v1/orders", token: t, body, headers: { "idempotency-key": k } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: "PLACED", source: "STAFF", number: expect.stringMatching(/^SO\/\d{2}-\d{2}\/\d{6}$/), totals: { taxable: "300.00", grandTotal: "354.00" } });
    const second = await call(orders.POST, { method: "POST", path: "/api/v1/orders", token: t, body, headers: { "idempotency-key": k } });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json).toEqual(first.json);
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(1);
    // Reserved once, not twice.
    expect((await prisma.stockLevel.findFirstOrThrow({ where: { productId: p.id, warehouseId: shop.wh.id } })).reserved.toFixed(3)).toBe("3.000");
  });

  it("a retry on another instance after the first died between the order's commit and storing its answer gets that order back, not a second one", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const t = await token(shop.owner);
    const k = key();
    const body = { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "3" }] };
    const first = await call(orders.POST, { method: "POST", path: "/api/v1/orders", token: t, body, headers: { "idempotency-key": k } });
    expect(first.status).toBe(201);
    // The order's own transaction wrote what it made on the key.
    const claim = await prisma.idempotencyKey.findFirstOrThrow({ where: { key: k } });
    expect(claim.resultRef).toBe(`Order:${first.json.id}`);
    // What an instance killed after the commit leaves: the claim without its answer, its lease run out.
    await prisma.$executeRaw`UPDATE "IdempotencyKey" SET "statusCode" = NULL, "responseBody" = NULL, "completedAt" = NULL, "createdAt" = now() - interval '61 seconds' WHERE id = ${claim.id}`;
    const retry = await call(orders.POST, { method: "POST", path: "/api/v1/orders", token: t, body, headers: { "idempotency-key": k } });
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ id: first.json.id, number: first.json.number, status: "PLACED" });
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(1);
    expect((await prisma.stockLevel.findFirstOrThrow({ where: { productId: p.id, warehouseId: shop.wh.id } })).reserved.toFixed(3)).toBe("3.000");
    // The answer is stored now: the next retry is a plain replay.
    const again = await call(orders.POST, { method: "POST", path: "/api/v1/orders", token: t, body, headers: { "idempotency-key": k } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.id).toBe(first.json.id);
  });

  it("a refused order leaves nothing on its key: its transaction rolled back, so a takeover runs the request again", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 20);
    const t = await token(shop.owner);
    const k = key();
    const body = { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "3" }] };
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { status: "SUSPENDED" } });
    expect((await call(orders.POST, { method: "POST", token: t, body, headers: { "idempotency-key": k } })).status).toBe(409);
    const claim = await prisma.idempotencyKey.findFirstOrThrow({ where: { key: k } });
    expect(claim).toMatchObject({ statusCode: 409, resultRef: null });
    // The account is reactivated; had the instance died mid-request, the retry places the order, once.
    await prisma.$executeRaw`UPDATE "IdempotencyKey" SET "statusCode" = NULL, "responseBody" = NULL, "createdAt" = now() - interval '61 seconds' WHERE id = ${claim.id}`;
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { status: "ACTIVE" } });
    const retry = await call(orders.POST, { method: "POST", token: t, body, headers: { "idempotency-key": k } });
    expect(retry.status).toBe(201);
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(1);
  });

  it("the same key with a different body is 422 and places nothing more", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const t = await token(shop.owner);
    const k = key();
    const body = { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "3" }] };
    expect((await call(orders.POST, { method: "POST", token: t, body, headers: { "idempotency-key": k } })).status).toBe(201);
    const other = await call(orders.POST, { method: "POST", token: t, body: { ...body, lines: [{ productId: p.id, quantity: "4" }] }, headers: { "idempotency-key": k } });
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect(other.json.code).toBe("idempotency_mismatch");
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(1);
  });

  it("bad bodies are 400 naming the field and write nothing: unknown field, no lines, bad quantity", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const t = await token(shop.owner);
    const unknown = await call(orders.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }], discount: "10" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ code: "validation", errors: { discount: ["Unknown field"] } });
    const noLines = await call(orders.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id } });
    expect(noLines.status).toBe(400);
    expect(noLines.json.errors.lines).toEqual([expect.stringMatching(/at least one product/i)]);
    const badQty = await call(orders.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "two" }] } });
    expect(badQty.status).toBe(400);
    expect(Object.keys(badQty.json.errors)).toEqual(["lines.0.quantity"]);
    const malformed = await call(orders.POST, { method: "POST", token: t, rawBody: '{"lines": [' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe("malformed_json");
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
  });

  it("insufficient stock is 409 insufficient_stock naming the line, and nothing is written", async () => {
    const shop = await orderShop();
    const plenty = await stockedProduct(shop, 50);
    const short = await stockedProduct(shop, 2);
    const res = await call(orders.POST, {
      method: "POST",
      token: await token(shop.owner),
      body: { connectionId: shop.connection.id, lines: [{ productId: plenty.id, quantity: "5" }, { productId: short.id, quantity: "3" }] },
      headers: { "idempotency-key": key() },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.code).toBe("insufficient_stock");
    expect(Object.keys(res.json.errors ?? {})).toContain("lines.1.quantity");
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
    expect((await prisma.stockLevel.findMany({ where: { companyId: shop.co } })).every((l) => l.reserved.isZero())).toBe(true);
  });

  it("a retailer with a token orders by vendor code (source API) and sees only its own orders", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const mine = await call(orders.POST, { method: "POST", token: await token(shop.retailerActor), body: { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "2" }] } });
    expect(mine.status).toBe(201);
    expect(mine.json).toMatchObject({ source: "API", retailer: { id: shop.retailer.id }, vendor: { code: shop.company.code } });
    // Another retailer of the same vendor, and the vendor's own order for that retailer.
    const other = await createRetailerUser();
    await prisma.connection.create({ data: { companyId: shop.co, retailerId: other.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
    const otherToken = await token(other.actor);
    const theirs = await call(orders.POST, { method: "POST", token: otherToken, body: { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] } });
    expect(theirs.status).toBe(201);

    const list = await call(orders.GET, { path: "/api/v1/orders", token: await token(shop.retailerActor) });
    expect(list.status).toBe(200);
    expect(list.json.data.map((o: { id: string }) => o.id)).toEqual([mine.json.id]);
    expect(list.json.counts.all).toEqual({ count: 1, capped: false });
    expect((await call(order.GET, { token: otherToken, params: { id: mine.json.id } })).status).toBe(404);
    expect((await call(order.GET, { token: await token(shop.retailerActor), params: { id: mine.json.id } })).json.availableActions).toEqual(["edit", "cancel"]);
    // The vendor sees both.
    const vendorList = await call(orders.GET, { path: "/api/v1/orders", token: await token(shop.owner) });
    expect(vendorList.json.data.map((o: { id: string }) => o.id).sort()).toEqual([mine.json.id, theirs.json.id].sort());
    // Vendor-only routes are refused to a retailer on its own order.
    expect((await call(confirm.POST, { method: "POST", token: await token(shop.retailerActor), params: { id: mine.json.id }, body: {} })).status).toBe(403);
    expect((await call(pickList.GET, { token: await token(shop.retailerActor), params: { id: mine.json.id } })).status).toBe(403);
  });
});

describe("/api/v1/orders/{id} across tenants", () => {
  it("another company's staff get 404 from every order route, and the order does not change", async () => {
    const a = await orderShop({ creditLimit: "100", creditPolicy: "HOLD" });
    const b = await orderShop();
    const p = await stockedProduct(a, 50);
    const held = await staffPlace(a, [{ productId: p.id, quantity: 2 }]);
    expect(held.creditHold).toBe(true);
    const draft = await staffPlace(a, [{ productId: p.id, quantity: 1 }], { draft: true });
    const before = await snapshot(a);
    const outsider = await token(b.owner);
    for (const target of [held, draft]) {
      for (const [name, r] of Object.entries(everyRoute(p.id))) {
        const res = await call(r.handler, { method: r.method, token: outsider, params: { id: target.id }, ...("body" in r ? { body: r.body } : {}) });
        expect(res.status, `${name} on ${target.status}`).toBe(404);
        expect(res.json.code, name).toBe("not_found");
      }
    }
    expect(await snapshot(a)).toEqual(before);
    const list = await call(orders.GET, { path: "/api/v1/orders", token: outsider });
    expect(list.json).toMatchObject({ data: [], total: 0 });
  });

  it("a retailer gets 404 from every route on another retailer's order", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const theirs = await staffPlace(shop, [{ productId: p.id, quantity: 2 }]);
    const stranger = await createRetailerUser();
    await prisma.connection.create({ data: { companyId: shop.co, retailerId: stranger.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
    const before = await snapshot(shop);
    const t = await token(stranger.actor);
    for (const [name, r] of Object.entries(everyRoute(p.id))) {
      const res = await call(r.handler, { method: r.method, token: t, params: { id: theirs.id }, ...("body" in r ? { body: r.body } : {}) });
      // The pick list is staff-only: 403 to any retailer for any id, so it tells nothing about the order.
      expect(res.status, name).toBe(name === "GET pick-list" ? 403 : 404);
    }
    expect((await call(pickList.GET, { token: t, params: { id: "no-such-order" } })).status).toBe(403);
    expect(await snapshot(shop)).toEqual(before);
  });
});

describe("order lifecycle over HTTP", () => {
  it("an invalid transition is 409 invalid_transition with the current state, and nothing changes", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 2 }]);
    const t = await token(shop.owner);
    const before = await snapshot(shop);
    const res = await call(dispatch.POST, { method: "POST", path: `/api/v1/orders/${o.id}/dispatch`, token: t, params: { id: o.id }, body: {} });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({ code: "invalid_transition", currentState: "PLACED", action: "dispatch", detail: expect.stringContaining("placed") });
    expect(await snapshot(shop)).toEqual(before);
    // Editing after confirmation is also a transition the state does not allow.
    expect((await call(confirm.POST, { method: "POST", token: t, params: { id: o.id }, body: {} })).status).toBe(200);
    const edit = await call(order.PATCH, { method: "PATCH", token: t, params: { id: o.id }, body: { lines: [{ productId: p.id, quantity: "3" }] } });
    expect(edit.status).toBe(409);
    expect(edit.json).toMatchObject({ code: "invalid_transition", currentState: "CONFIRMED" });
  });

  it("edit, confirm, pack, dispatch, deliver with a photo, the photo, a return, pick list and reorder preview", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, { barcode: "8901234567890" });
    const q = await stockedProduct(shop, 50);
    const staff = await token(shop.owner);
    const placed = await call(orders.POST, { method: "POST", token: staff, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "4" }] } });
    const id = placed.json.id as string;

    const edited = await call(order.PATCH, { method: "PATCH", token: staff, params: { id }, body: { lines: [{ productId: p.id, quantity: "5" }, { productId: q.id, quantity: "1" }], notes: "Two products now" } });
    expect(edited.status).toBe(200);
    expect(edited.json.lines.map((l: { quantity: string }) => l.quantity)).toEqual(["5.000", "1.000"]);
    expect(edited.json.notes).toBe("Two products now");

    const pick = await call(pickList.GET, { token: staff, params: { id } });
    expect(pick.status).toBe(200);
    expect(pick.json.lines[0]).toMatchObject({ sku: p.sku, barcode: "8901234567890", quantity: "5.000" });
    expect(pick.json.totalQuantity).toBe("6.000");

    const step = async (route: { POST: (typeof confirm)["POST"] }, body: unknown) => call(route.POST, { method: "POST", token: staff, params: { id }, body });
    expect((await step(confirm, { note: "OK" })).json.status).toBe("CONFIRMED");
    expect((await step(pack, {})).json.status).toBe("PACKED");
    // A taxable supply leaves with its invoice: 409 naming the fix, then the invoice, then dispatch.
    const early = await step(dispatch, { vehicleNumber: "MH12AB1234" });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: "conflict", reason: "invoice_required", detail: expect.stringContaining("issue the invoice first") });
    expect((await step(orderInvoice, {})).status).toBe(201);
    expect((await step(dispatch, { vehicleNumber: "MH12AB1234" })).json.status).toBe("DISPATCHED");

    // A photo over 1 MB as base64: the deliver route takes bodies up to 3 MB (a 2 MB photo).
    const jpeg = await bigJpeg(1_100_000);
    const delivered = await step(deliver, { receivedBy: "Ramesh", note: "At the shop", photo: { contentType: "image/jpeg", dataBase64: jpeg.toString("base64") } });
    expect(delivered.status).toBe(200);
    expect(delivered.json).toMatchObject({ status: "DELIVERED", delivery: { receivedBy: "Ramesh", note: "At the shop", hasPhoto: true } });
    const photo = await deliveryPhoto.GET(new Request(`http://localhost/api/v1/orders/${id}/delivery-photo`, { headers: { authorization: `Bearer ${staff}` } }), { params: Promise.resolve({ id }) });
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect(photo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await describeImage(Buffer.from(await photo.arrayBuffer()))).toMatchObject({ format: "jpeg", width: 1000, height: 1000 });
    // The retailer may see its own order's photo too.
    expect((await deliveryPhoto.GET(new Request("http://localhost/x", { headers: { authorization: `Bearer ${await token(shop.retailerActor)}` } }), { params: Promise.resolve({ id }) })).status).toBe(200);

    const tooMuch = await step(returns, { reason: "Torn", lines: [{ productId: p.id, quantity: "6" }] });
    expect(tooMuch.status).toBe(400);
    expect(Object.keys(tooMuch.json.errors)).toEqual(["lines.0.quantity"]);
    const returned = await step(returns, { reason: "Torn", lines: [{ productId: p.id, quantity: "2" }] });
    expect(returned.status).toBe(200);
    expect(returned.json).toMatchObject({ status: "RETURNED", lines: [{ returnedQty: "2.000" }, { returnedQty: "0.000" }] });
    expect(returned.json.timeline.map((e: { kind: string }) => e.kind)).toEqual(["placed", "edited", "confirmed", "packed", "invoiced", "dispatched", "delivered", "returned"]);

    const preview = await call(reorderPreview.GET, { token: await token(shop.retailerActor), params: { id } });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ sourceOrder: { id }, vendorCode: shop.company.code });
    expect(preview.json.lines).toHaveLength(2);
  });

  it("an order without a delivery photo answers 404 for it", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 5);
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 1 }]);
    const res = await call(deliveryPhoto.GET, { token: await token(shop.owner), params: { id: o.id } });
    expect(res.status).toBe(404);
  });

  it("drafts are placed with POST /orders/{id}/place; credit holds are released with /release-hold (orders.approve_credit)", async () => {
    const shop = await orderShop({ creditLimit: "100", creditPolicy: "HOLD" });
    const p = await stockedProduct(shop, 50);
    const staff = await token(shop.owner);
    const draft = await call(orders.POST, { method: "POST", token: staff, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }], draft: true } });
    expect(draft.json).toMatchObject({ status: "DRAFT", availableActions: ["place", "edit", "cancel"] });
    const placed = await call(place.POST, { method: "POST", token: staff, params: { id: draft.json.id } });
    expect(placed.status).toBe(200);
    expect(placed.json).toMatchObject({ status: "PLACED", creditHold: true, holdReason: expect.stringContaining("Over credit limit") });
    // On hold: confirming is an invalid transition; sales staff cannot release.
    expect((await call(confirm.POST, { method: "POST", token: staff, params: { id: draft.json.id }, body: {} })).json).toMatchObject({ code: "invalid_transition", currentState: "PLACED", creditHold: true });
    const sales = await shop.staffAs("SALES");
    expect((await call(releaseHold.POST, { method: "POST", token: await token(sales.actor), params: { id: draft.json.id }, body: {} })).status).toBe(403);
    const onHold = await call(orders.GET, { path: "/api/v1/orders?status=on_hold", token: staff });
    expect(onHold.json.data.map((o: { id: string }) => o.id)).toEqual([draft.json.id]);
    const released = await call(releaseHold.POST, { method: "POST", token: staff, params: { id: draft.json.id }, body: { note: "Paid by cheque" } });
    expect(released.status).toBe(200);
    expect(released.json).toMatchObject({ creditHold: false, availableActions: expect.arrayContaining(["confirm"]) });
  });
});

describe("GET /api/v1/orders", () => {
  it("filters, tab counts and cursor pages", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const staff = await token(shop.owner);
    const made = [];
    for (const qty of [1, 2, 3, 4, 5]) made.push(await staffPlace(shop, [{ productId: p.id, quantity: qty }]));
    await call(cancel.POST, { method: "POST", token: staff, params: { id: made[0]!.id }, body: { reason: "Duplicate" } });

    const first = await call(orders.GET, { path: "/api/v1/orders?limit=2&sort=grandTotal", token: staff });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ total: 5, totalIsCapped: false, counts: { all: { count: 5 }, placed: { count: 4 }, cancelled: { count: 1 } } });
    expect(first.json.data.map((o: { grandTotal: string }) => o.grandTotal)).toEqual(["118.00", "236.00"]);
    const second = await call(orders.GET, { path: `/api/v1/orders?limit=2&sort=grandTotal&cursor=${first.json.nextCursor}`, token: staff });
    expect(second.json.data.map((o: { grandTotal: string }) => o.grandTotal)).toEqual(["354.00", "472.00"]);
    const third = await call(orders.GET, { path: `/api/v1/orders?limit=2&sort=grandTotal&cursor=${second.json.nextCursor}`, token: staff });
    expect(third.json.data).toHaveLength(1);
    expect(third.json.nextCursor).toBeNull();

    const placedBig = await call(orders.GET, { path: "/api/v1/orders?status=placed&minTotal=300&maxTotal=500", token: staff });
    expect(placedBig.json.data.map((o: { grandTotal: string }) => o.grandTotal).sort()).toEqual(["354.00", "472.00"]);
    const byNumber = await call(orders.GET, { path: `/api/v1/orders?q=${encodeURIComponent(made[2]!.number)}`, token: staff });
    expect(byNumber.json.data.map((o: { id: string }) => o.id)).toEqual([made[2]!.id]);
    const bad = await call(orders.GET, { path: "/api/v1/orders?minTotal=lots&status=nope", token: staff });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors).sort()).toEqual(["minTotal", "status"]);
  });

  it("the OpenAPI document lists the order operations", async () => {
    const doc = (await call(openapi.GET, {})).json;
    for (const [path, method] of [
      ["/api/v1/orders", "get"],
      ["/api/v1/orders", "post"],
      ["/api/v1/orders/{id}", "get"],
      ["/api/v1/orders/{id}", "patch"],
      ["/api/v1/orders/{id}/confirm", "post"],
      ["/api/v1/orders/{id}/release-hold", "post"],
      ["/api/v1/orders/{id}/pack", "post"],
      ["/api/v1/orders/{id}/dispatch", "post"],
      ["/api/v1/orders/{id}/deliver", "post"],
      ["/api/v1/orders/{id}/cancel", "post"],
      ["/api/v1/orders/{id}/return", "post"],
      ["/api/v1/orders/{id}/place", "post"],
      ["/api/v1/orders/{id}/pick-list", "get"],
      ["/api/v1/orders/{id}/reorder-preview", "get"],
      ["/api/v1/orders/{id}/delivery-photo", "get"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const post = doc.paths["/api/v1/orders"].post;
    expect(post.parameters.map((x: { name: string }) => x.name)).toContain("Idempotency-Key");
    expect(post.requestBody.content["application/json"].schema.properties.lines).toBeDefined();
    expect(post.responses["422"]).toBeDefined();
  });
});
