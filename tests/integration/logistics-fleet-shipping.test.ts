// Shipping partners on a real PostgreSQL: the Shiprocket driver against a local server speaking its API
// (login, token reuse and renewal, a 401 logs in again, serviceability, order + AWB + pickup + label,
// tracking, cancel, error mapping); accounts with encrypted credentials; rates beside the own fleet;
// booking through the job (retries resume, final failure visible); the tracking webhook (token first,
// each event once, status mapping) and polling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as bookRoute from "@/app/api/v1/shipments/[id]/book/route";
import * as ratesRoute from "@/app/api/v1/shipments/[id]/rates/route";
import * as accountsRoute from "@/app/api/v1/shipping-accounts/route";
import * as accountActionRoute from "@/app/api/v1/shipping-accounts/[id]/[action]/route";
import * as accountRoute from "@/app/api/v1/shipping-accounts/[id]/route";
import * as webhookRoute from "@/app/api/webhooks/shiprocket/[accountId]/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { decryptSecret } from "@/lib/billing/secrets";
import { prisma } from "@/lib/db/client";
import { ShippingError, type BookingRequest } from "@/lib/integrations/shipping/provider";
import { createShiprocketClient, type TokenStore } from "@/lib/integrations/shipping/shiprocket-client";
import { createVehicle } from "@/lib/logistics/fleet/vehicles";
import { bookShipment, runBookingJob } from "@/lib/logistics/shipping/book";
import { setShippingDeps } from "@/lib/logistics/shipping/provider-for";
import { addShippingAccount, changeShippingAccount } from "@/lib/logistics/shipping/shipping-accounts";
import { pollPartnerTracking } from "@/lib/logistics/shipping/tracking";
import { createWarehouse } from "../support/catalog-factories";
import { startFakeShiprocket, type FakeShiprocket } from "../support/fake-shiprocket";
import { tenant } from "../support/factories";
import { call } from "../support/http";
import { rejects } from "../support/rejects";

const API_USER = { email: "api-user@distributor.example", password: "Sr-Api-Pass-1" };
let sr: FakeShiprocket;
beforeAll(async () => {
  sr = await startFakeShiprocket(API_USER);
  setShippingDeps({ shiprocketBase: sr.url });
});
afterAll(async () => {
  setShippingDeps(undefined);
  await sr.close();
});

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const fails = async (p: Promise<unknown>, match: Record<string, unknown>) => expect(await rejects(p)).toMatchObject(match);

function memoryTokens(initial?: { token: string; expiresAt: Date }): TokenStore & { saved: number; current: () => { token: string; expiresAt: Date } | null } {
  let cur = initial ?? null;
  const store = {
    saved: 0,
    current: () => cur,
    async get() {
      return cur;
    },
    async set(token: string, expiresAt: Date) {
      cur = { token, expiresAt };
      store.saved++;
    },
  };
  return store;
}

const booking = (over: Partial<BookingRequest> = {}): BookingRequest => ({
  pickupPincode: "411019",
  deliveryPincode: "422001",
  weightKg: "2.00",
  declaredValue: "12500.00",
  cod: false,
  reference: `SHP/26-27/${Math.floor(Math.random() * 1e5)}`,
  orderDate: new Date("2026-12-06T05:00:00Z"),
  courierId: "10",
  pickupLocation: "Bhosari godown",
  consignee: { name: "Shree Ganesh Kirana", phone: "+919822012345", email: "kirana@example.com", line1: "Shop 4, Main Road", line2: null, city: "Nashik", state: "Maharashtra", pincode: "422001" },
  packages: 2,
  dimensionsCm: { length: 30, breadth: 30, height: 30 },
  items: [{ name: "Shipment", sku: "SHP-1", units: 1, sellingPrice: "12500.00" }],
  ...over,
});

describe("Shiprocket driver (against a local server speaking its API)", () => {
  it("logs in once and reuses the token; renews it a day before it lapses; a 401 logs in again once", async () => {
    const tokens = memoryTokens();
    let now = new Date("2026-12-06T00:00:00Z");
    const client = createShiprocketClient({ ...API_USER, tokens, apiBase: sr.url, now: () => now });
    const logins = () => sr.calls.filter((c) => c.path === "/auth/login").length;
    const before = logins();
    await client.rateShipment(booking());
    await client.rateShipment(booking());
    expect(logins() - before).toBe(1);
    expect(tokens.current()!.expiresAt.toISOString()).toBe("2026-12-16T00:00:00.000Z");
    // 9 days and a bit later the token has under a day left: renewed before use.
    now = new Date("2026-12-15T01:00:00Z");
    await client.rateShipment(booking());
    expect(logins() - before).toBe(2);
    // The token is revoked at Shiprocket (another login elsewhere): one 401, one new login, the call succeeds.
    sr.tokens.delete(tokens.current()!.token);
    expect((await client.rateShipment(booking())).ok).toBe(true);
    expect(logins() - before).toBe(3);
    expect(tokens.saved).toBe(3);
  });

  it("wrong API user: auth error naming the credentials", async () => {
    const client = createShiprocketClient({ email: API_USER.email, password: "wrong", tokens: memoryTokens(), apiBase: sr.url });
    const err = await client.verifyCredentials().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ShippingError);
    expect(err).toMatchObject({ kind: "auth", message: expect.stringMatching(/email or password/) });
  });

  it("serviceability: couriers cheapest first, prices as rupee strings, COD filter, unserviceable PIN is ok:false with the reason", async () => {
    const client = createShiprocketClient({ ...API_USER, tokens: memoryTokens(), apiBase: sr.url });
    const r = await client.rateShipment(booking({ weightKg: "1.20" }));
    expect(r).toEqual({
      ok: true,
      error: null,
      options: [
        { courierId: "10", courierName: "Delhivery Surface", price: "115.50", etaDays: 4, cod: true },
        { courierId: "24", courierName: "Xpressbees Air", price: "183.77", etaDays: 2, cod: false },
      ],
    });
    const q = new URL(`http://x${sr.calls.at(-1)!.path}`).searchParams;
    expect(Object.fromEntries(q)).toEqual({ pickup_postcode: "411019", delivery_postcode: "422001", weight: "1.2", cod: "0", declared_value: "12500.00" });
    expect((await client.rateShipment(booking({ cod: true }))).options.map((o) => o.courierId)).toEqual(["10"]);
    expect(await client.rateShipment(booking({ deliveryPincode: "910001" }))).toEqual({ ok: false, options: [], error: "Delivery postcode 910001 is not serviceable" });
  });

  it("create: order, AWB, pickup and label in that order; the order JSON as Shiprocket wants it", async () => {
    const client = createShiprocketClient({ ...API_USER, tokens: memoryTokens(), apiBase: sr.url });
    const mark = sr.calls.length;
    const progress: unknown[] = [];
    const req = booking();
    const created = await client.createShipment(req, { onProgress: async (p) => void progress.push(p) });
    expect(sr.calls.slice(mark).map((c) => c.path).filter((p) => p !== "/auth/login")).toEqual(["/orders/create/adhoc", "/courier/assign/awb", "/courier/generate/pickup", "/courier/generate/label"]);
    const order = sr.calls.slice(mark).find((c) => c.path === "/orders/create/adhoc")!.body as Record<string, unknown>;
    expect(order).toMatchObject({ order_id: req.reference, order_date: "2026-12-06 10:30", pickup_location: "Bhosari godown", billing_customer_name: "Shree", billing_last_name: "Ganesh Kirana", billing_phone: "9822012345", billing_country: "India", shipping_is_billing: true, payment_method: "Prepaid", sub_total: 12500, weight: 2, length: 30 });
    expect(order).not.toHaveProperty("billing_address_2");
    expect(created).toMatchObject({ awb: expect.stringMatching(/^1904/), courierName: "Delhivery Surface", labelUrl: expect.stringMatching(/\.pdf$/), trackingUrl: `https://shiprocket.co/tracking/${created.awb}`, price: "77.01" });
    expect(progress).toHaveLength(2);
  });

  it("a failure after the order was created: the retry resumes with the kept ids (no second order)", async () => {
    const client = createShiprocketClient({ ...API_USER, tokens: memoryTokens(), apiBase: sr.url });
    const kept: Record<string, unknown> = {};
    const req = booking();
    sr.failNext("/courier/assign/awb", 502);
    const err = await client.createShipment(req, { onProgress: async (p) => void Object.assign(kept, p) }).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ kind: "unavailable" });
    expect(kept.partnerOrderId).toBeTruthy();
    const created = await client.createShipment(req, { resume: kept });
    expect(created.partnerOrderId).toBe(kept.partnerOrderId);
    expect([...sr.orders.values()].filter((o) => o.orderRef === req.reference)).toHaveLength(1);
  });

  it("error mapping: 422 names the field, AWB refusal is bad_request, 5xx is unavailable, a dead server is unavailable", async () => {
    const client = createShiprocketClient({ ...API_USER, tokens: memoryTokens(), apiBase: sr.url });
    await expect(client.createShipment(booking({ consignee: { ...booking().consignee, phone: "12345" } }))).rejects.toMatchObject({ kind: "bad_request", message: expect.stringMatching(/billing_phone/) });
    await expect(client.createShipment(booking({ courierId: "99" }))).rejects.toMatchObject({ kind: "bad_request", message: expect.stringMatching(/could not assign an AWB: Courier not serviceable/) });
    sr.failNext("/courier/serviceability", 503);
    await expect(client.rateShipment(booking())).rejects.toMatchObject({ kind: "unavailable" });
    const dead = createShiprocketClient({ ...API_USER, tokens: memoryTokens(), apiBase: "http://127.0.0.1:9/v1/external", timeoutMs: 2000 });
    await expect(dead.verifyCredentials()).rejects.toMatchObject({ kind: "unavailable" });
  });

  it("tracking by AWB: events in time order with our codes and India time; cancel by order id", async () => {
    const client = createShiprocketClient({ ...API_USER, tokens: memoryTokens(), apiBase: sr.url });
    const created = await client.createShipment(booking());
    sr.activities.set(created.awb, [
      { date: "2026-12-07 11:00:00", status: "PKD", activity: "Picked up", location: "Pune_Bhosari_H", "sr-status-label": "PICKED UP" },
      { date: "2026-12-08 09:15:00", status: "OFD", activity: "Out for delivery", location: "Nashik_DC", "sr-status-label": "OUT FOR DELIVERY" },
      { date: "2026-12-07 20:40:00", status: "IT", activity: "In transit", location: "Nashik_Hub", "sr-status-label": "IN TRANSIT" },
    ]);
    const st = await client.getStatus({ awb: created.awb });
    expect(st.code).toBe("out_for_delivery");
    expect(st.events.map((e) => [e.code, e.occurredAt.toISOString(), e.location])).toEqual([
      ["in_transit", "2026-12-07T05:30:00.000Z", "Pune_Bhosari_H"],
      ["in_transit", "2026-12-07T15:10:00.000Z", "Nashik_Hub"],
      ["out_for_delivery", "2026-12-08T03:45:00.000Z", "Nashik_DC"],
    ]);
    await expect(client.getStatus({ awb: "0000" })).rejects.toMatchObject({ kind: "not_found" });
    await client.cancel({ partnerOrderId: created.partnerOrderId, awb: created.awb });
    expect(sr.orders.get(Number(created.partnerOrderId))!.cancelled).toBe(true);
    await expect(client.cancel({ partnerOrderId: "1", awb: null })).rejects.toMatchObject({ kind: "bad_request" });
  });
});

// ── With the database ────────────────────────────────────────────────────────────────────────────────

let seq = 0;
async function shop() {
  const t = await tenant();
  const wh = await createWarehouse(t.company.id, { pincode: "411019", latitude: "18.629800", longitude: "73.799700" });
  const retailer = await prisma.retailer.create({ data: { legalName: `Shree Ganesh Kirana ${++seq}`, stateCode: "27", addressLine1: "Shop 4, Main Road", city: "Nashik", pincode: "422001", phone: "9822012345", email: "kirana@example.com", latitude: "19.997500", longitude: "73.789800" } });
  const shipment = (over: Record<string, unknown> = {}) =>
    prisma.shipment.create({
      data: { companyId: t.company.id, number: `SHP/26-27/${String(++seq).padStart(5, "0")}${Math.floor(Math.random() * 1000)}`, warehouseId: wh.id, retailerId: retailer.id, shipToName: retailer.legalName, shipToLine1: "Shop 4, Main Road", shipToCity: "Nashik", shipToStateCode: "27", shipToPincode: "422001", packages: 2, weightKg: "18.50", volumeM3: "0.120", declaredValue: "24500.00", ...over },
    });
  return { ...t, wh, retailer, shipment };
}

async function sandboxAccount(ctx: Parameters<typeof addShippingAccount>[0]) {
  return addShippingAccount(ctx, { provider: "SANDBOX", label: "Shipping sandbox", pickupLocation: "Bhosari godown", pickupPincode: "411019" });
}
async function shiprocketAccount(ctx: Parameters<typeof addShippingAccount>[0], webhookToken?: string) {
  return addShippingAccount(ctx, { provider: "SHIPROCKET", label: "Shiprocket", apiEmail: API_USER.email, apiPassword: API_USER.password, pickupLocation: "Bhosari godown", pickupPincode: "411019", ...(webhookToken ? { webhookToken } : {}) });
}

describe("shipping accounts", () => {
  it("credentials are stored encrypted and never returned; verify logs in at the partner; a wrong password is kept as lastError", async () => {
    const t = await tenant();
    const a = await shiprocketAccount(t.ctx);
    expect(a).toMatchObject({ provider: "SHIPROCKET", apiPasswordSet: true, webhookTokenSet: true, webhookUrl: expect.stringMatching(/\/api\/webhooks\/shiprocket\/shp_[A-Za-z0-9]{24}$/), webhookToken: expect.stringMatching(/^[A-Za-z0-9]{32}$/) });
    const row = await prisma.shippingAccount.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.apiPasswordEnc).not.toContain(API_USER.password);
    expect(decryptSecret(row.apiPasswordEnc)).toBe(API_USER.password);
    const tk = await token(t.actor);
    const got = await call(accountRoute.GET, { token: tk, params: { id: a.id } });
    expect(JSON.stringify(got.json)).not.toContain(API_USER.password);
    expect(got.json).not.toHaveProperty("webhookToken");
    const verified = await call(accountActionRoute.POST, { method: "POST", token: tk, params: { id: a.id, action: "verify" } });
    expect(verified.json).toMatchObject({ ok: true, lastError: null, verifiedAt: expect.any(String) });
    expect((await prisma.shippingAccount.findUniqueOrThrow({ where: { id: a.id } })).authTokenEnc).toMatch(/^v1:/);
    await prisma.shippingAccount.update({ where: { id: a.id }, data: { apiPasswordEnc: (await import("@/lib/billing/secrets")).encryptSecret("wrong"), authTokenEnc: null } });
    expect(await changeShippingAccount(t.ctx, a.id, "verify")).toMatchObject({ ok: false, lastError: expect.stringMatching(/email or password/) });
  });

  it("bad input names the field and writes nothing; another company's account is 404; a manager cannot add one", async () => {
    const t = await tenant();
    const tk = await token(t.actor);
    const cases: [Record<string, unknown>, string][] = [
      [{ provider: "SHIPROCKET", label: "SR", pickupLocation: "Home", pickupPincode: "411019", apiPassword: "x" }, "apiEmail"],
      [{ provider: "SHIPROCKET", label: "SR", pickupLocation: "Home", pickupPincode: "411019", apiEmail: "a@b.example" }, "apiPassword"],
      [{ provider: "SANDBOX", label: "S", pickupLocation: "Home", pickupPincode: "011019" }, "pickupPincode"],
      [{ provider: "DELHIVERY", label: "S", pickupLocation: "Home", pickupPincode: "411019" }, "provider"],
      [{ provider: "SANDBOX", label: "S", pickupLocation: "Home", pickupPincode: "411019", webhookToken: "short" }, "webhookToken"],
    ];
    for (const [body, field] of cases) {
      const res = await call(accountsRoute.POST, { method: "POST", token: tk, body });
      expect([field, res.status]).toEqual([field, 400]);
      expect(Object.keys(res.json.errors)).toContain(field);
    }
    expect(await prisma.shippingAccount.count({ where: { companyId: t.company.id } })).toBe(0);
    const a = await sandboxAccount(t.ctx);
    const b = await tenant();
    const tkB = await token(b.actor);
    expect((await call(accountRoute.GET, { token: tkB, params: { id: a.id } })).status).toBe(404);
    expect((await call(accountActionRoute.POST, { method: "POST", token: tkB, params: { id: a.id, action: "disable" } })).status).toBe(404);
    const { createStaff } = await import("../support/factories");
    const manager = await createStaff(t.company.id, "MANAGER");
    await fails(sandboxAccount(manager.ctx), { code: "forbidden" });
  });
});

describe("rates and booking", () => {
  it("rates: own fleet from cost per km over the round trip and cost per trip, beside the sandbox couriers", async () => {
    const s = await shop();
    await createVehicle(s.ctx, { registrationNo: "MH14AB1234", type: "TEMPO", ownership: "OWN", capacityKg: "750", capacityM3: "3", costPerKm: "12", costPerTrip: "250" });
    await createVehicle(s.ctx, { registrationNo: "MH14AB1235", type: "TWO_WHEELER", ownership: "OWN", capacityKg: "10", capacityM3: "0.1" });
    await sandboxAccount(s.ctx);
    const shp = await s.shipment();
    const tk = await token(s.actor);
    const res = await call(ratesRoute.GET, { token: tk, params: { id: shp.id } });
    expect(res.status).toBe(200);
    const km = Number(res.json.ownFleet.distanceKm);
    expect(km).toBeGreaterThan(190); // Bhosari to Nashik: ~152 km straight, × 1.3
    expect(km).toBeLessThan(210);
    const [tempo, bike] = res.json.ownFleet.options;
    expect(tempo).toMatchObject({ registrationNo: "MH14AB1234", fits: true, basis: expect.stringMatching(/^₹12\.00\/km × [\d.]+ km round trip \+ ₹250\.00 per trip$/) });
    expect(Number(tempo.estimatedCost)).toBeCloseTo(12 * km * 2 + 250, 0);
    expect(bike).toMatchObject({ fits: false, estimatedCost: null, basis: expect.stringMatching(/No cost/) });
    // Sandbox: Pune (411) → Nashik (422), same first digit: zone C; 18.5 kg = 37 slabs of ₹48; express only to 10 kg.
    expect(res.json.partners).toEqual([{ accountId: expect.any(String), label: "Shipping sandbox", provider: "SANDBOX", ok: true, error: null, options: [{ courierId: "SBX-SURFACE", courierName: "Sandbox Surface", price: "1776.00", etaDays: 4, cod: true }] }]);
    const other = await tenant();
    expect((await call(ratesRoute.GET, { token: await token(other.actor), params: { id: shp.id } })).status).toBe(404);
  });

  it("booking with the sandbox: 202 booking…, the job fills AWB, courier and a tracking event; a second booking is refused", async () => {
    const s = await shop();
    const acc = await sandboxAccount(s.ctx);
    const shp = await s.shipment({ weightKg: "2.00" });
    const tk = await token(s.actor);
    const res = await call(bookRoute.POST, { method: "POST", token: tk, params: { id: shp.id }, body: { shippingAccountId: acc.id, courierId: "SBX-EXPRESS", courierName: "Sandbox Express", quotedPrice: "220.00" } });
    expect([res.status, res.json.status]).toEqual([202, "PENDING"]);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'shipping-book' AND data->>'bookingId' = ${res.json.id}`;
    expect(jobs[0].n).toBe(1);
    expect(await prisma.shipment.findUniqueOrThrow({ where: { id: shp.id } })).toMatchObject({ carrierType: "PARTNER", shippingAccountId: acc.id, awbNumber: null });
    expect((await call(bookRoute.POST, { method: "POST", token: tk, params: { id: shp.id }, body: { shippingAccountId: acc.id, courierId: "SBX-EXPRESS", courierName: "Sandbox Express", quotedPrice: "220.00" } })).status).toBe(409);

    expect(await runBookingJob(res.json.id, { finalAttempt: false })).toBe("booked");
    expect(await runBookingJob(res.json.id, { finalAttempt: false })).toBe("skipped");
    const after = await prisma.shipment.findUniqueOrThrow({ where: { id: shp.id }, include: { events: { orderBy: { createdAt: "asc" } }, booking: true } });
    expect(after).toMatchObject({ carrierType: "PARTNER", awbNumber: expect.stringMatching(/^SBX\d{10}$/), courierName: "Sandbox Express", partnerShipmentId: expect.any(String), lrNumber: after.awbNumber, booking: { status: "BOOKED", price: expect.anything() } });
    expect(after.events.map((e) => [e.code, e.source])).toEqual([["booking_requested", "staff"], ["booked", "partner"]]);
    const got = await call(bookRoute.GET, { token: tk, params: { id: shp.id } });
    expect(got.json.booking).toMatchObject({ status: "BOOKED", awbNumber: after.awbNumber, price: "280.00" });
  });

  it("only READY shipments not on a trip; bad input names the field and writes nothing; another company's shipment is 404", async () => {
    const s = await shop();
    const acc = await sandboxAccount(s.ctx);
    const tk = await token(s.actor);
    const body = { shippingAccountId: acc.id, courierId: "SBX-SURFACE", courierName: "Sandbox Surface", quotedPrice: "100" };
    const delivered = await s.shipment({ status: "DELIVERED" });
    expect((await call(bookRoute.POST, { method: "POST", token: tk, params: { id: delivered.id }, body })).status).toBe(409);
    const ready = await s.shipment();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body, shippingAccountId: "nope" }, "shippingAccountId"],
      [{ ...body, quotedPrice: "lots" }, "quotedPrice"],
      [{ ...body, courierId: "" }, "courierId"],
      [{ ...body, extra: 1 }, "extra"],
    ];
    for (const [b, field] of cases) {
      const res = await call(bookRoute.POST, { method: "POST", token: tk, params: { id: ready.id }, body: b });
      expect([field, res.status]).toEqual([field, 400]);
      expect(Object.keys(res.json.errors)).toContain(field);
    }
    expect(await prisma.shipmentBooking.count({ where: { shipmentId: ready.id } })).toBe(0);
    expect(await prisma.trackingEvent.count({ where: { shipmentId: ready.id } })).toBe(0);
    const other = await tenant();
    const otherAcc = await sandboxAccount(other.ctx);
    const tkB = await token(other.actor);
    expect((await call(bookRoute.POST, { method: "POST", token: tkB, params: { id: ready.id }, body: { ...body, shippingAccountId: otherAcc.id } })).status).toBe(404);
    expect((await call(bookRoute.GET, { token: tkB, params: { id: ready.id } })).status).toBe(404);
    // Our shipment with another company's account: the account is unknown here.
    expect((await call(bookRoute.POST, { method: "POST", token: tk, params: { id: ready.id }, body: { ...body, shippingAccountId: otherAcc.id } })).json.errors).toHaveProperty("shippingAccountId");
  });

  it("booking job with Shiprocket: an outage retries and resumes (one order at the partner); the last failure is FAILED and visible; a refusal fails at once; then it can be booked again", async () => {
    const s = await shop();
    const acc = await shiprocketAccount(s.ctx);
    const shp = await s.shipment({ weightKg: "2.00" });
    const b = await bookShipment(s.ctx, shp.id, { shippingAccountId: acc.id, courierId: "10", courierName: "Delhivery Surface", quotedPrice: "154.00" });
    sr.failNext("/courier/assign/awb", 503);
    await expect(runBookingJob(b.id, { finalAttempt: false })).rejects.toMatchObject({ kind: "unavailable" });
    const mid = await prisma.shipmentBooking.findUniqueOrThrow({ where: { id: b.id } });
    expect(mid).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/unavailable/), partnerOrderId: expect.any(String) });
    expect(await runBookingJob(b.id, { finalAttempt: false })).toBe("booked");
    expect([...sr.orders.values()].filter((o) => o.orderRef === shp.number)).toHaveLength(1);
    const booked = await prisma.shipment.findUniqueOrThrow({ where: { id: shp.id } });
    expect(booked).toMatchObject({ awbNumber: expect.stringMatching(/^1904/), courierName: "Delhivery Surface", trackingUrl: `https://shiprocket.co/tracking/${booked.awbNumber}` });

    // The last attempt fails: FAILED, with a tracking event saying why.
    const shp2 = await s.shipment({ weightKg: "2.00" });
    const b2 = await bookShipment(s.ctx, shp2.id, { shippingAccountId: acc.id, courierId: "10", courierName: "Delhivery Surface", quotedPrice: "154.00" });
    sr.failNext("/orders/create/adhoc", 500);
    expect(await runBookingJob(b2.id, { finalAttempt: true })).toBe("failed");
    expect(await prisma.shipmentBooking.findUniqueOrThrow({ where: { id: b2.id } })).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/unavailable \(500\)/) });
    expect((await prisma.trackingEvent.findMany({ where: { shipmentId: shp2.id }, orderBy: { createdAt: "asc" } })).map((e) => e.code)).toEqual(["booking_requested", "booking_failed"]);

    // A refusal does not retry. Then the shipment can be booked again.
    const shp3 = await s.shipment({ weightKg: "2.00" });
    const b3 = await bookShipment(s.ctx, shp3.id, { shippingAccountId: acc.id, courierId: "99", courierName: "Nobody", quotedPrice: "1" });
    expect(await runBookingJob(b3.id, { finalAttempt: false })).toBe("failed");
    const again = await bookShipment(s.ctx, shp3.id, { shippingAccountId: acc.id, courierId: "24", courierName: "Xpressbees Air", quotedPrice: "245.02" });
    expect(again).toMatchObject({ id: b3.id, status: "PENDING", attempts: 0, lastError: null });
    expect(await runBookingJob(b3.id, { finalAttempt: false })).toBe("booked");
  });
});

describe("tracking webhook and polling", () => {
  async function bookedWithShiprocket(webhookToken: string) {
    const s = await shop();
    const acc = await shiprocketAccount(s.ctx, webhookToken);
    const shp = await s.shipment({ weightKg: "2.00" });
    const b = await bookShipment(s.ctx, shp.id, { shippingAccountId: acc.id, courierId: "10", courierName: "Delhivery Surface", quotedPrice: "154.00" });
    await runBookingJob(b.id, { finalAttempt: false });
    const awb = (await prisma.shipment.findUniqueOrThrow({ where: { id: shp.id } })).awbNumber!;
    const publicId = acc.webhookUrl.split("/").pop()!;
    const post = (body: unknown, headers: Record<string, string> = { "x-api-key": webhookToken }) => call(webhookRoute.POST as never, { method: "POST", path: `/api/webhooks/shiprocket/${publicId}`, params: { accountId: publicId }, rawBody: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });
    const partnerEvents = () => prisma.trackingEvent.findMany({ where: { shipmentId: shp.id, source: "partner", code: { not: "booked" } }, orderBy: { occurredAt: "asc" } });
    return { s, acc, shp, awb, post, partnerEvents };
  }
  const update = (awb: string, status: string, ts: string) => ({ awb, courier_name: "Delhivery Surface", current_status: status, current_status_id: 20, shipment_status: status, current_timestamp: ts, order_id: "x", scans: [{ date: "2026-12-07 11:00:00", activity: status, location: "Nashik_Hub (Maharashtra)" }] });

  it("missing or wrong x-api-key: 401 and nothing stored; an unknown account URL is 404", async () => {
    const w = await bookedWithShiprocket("hook-token-0123456789abcdef");
    expect((await w.post(update(w.awb, "IN TRANSIT", "07 12 2026 11:00:00"), {})).status).toBe(401);
    expect((await w.post(update(w.awb, "IN TRANSIT", "07 12 2026 11:00:00"), { "x-api-key": "hook-token-0123456789abcdeX" })).status).toBe(401);
    expect((await w.post(update(w.awb, "IN TRANSIT", "07 12 2026 11:00:00"), { "x-api-key": "" })).status).toBe(401);
    expect(await w.partnerEvents()).toEqual([]);
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: w.shp.id } })).status).toBe("READY");
    const unknown = await call(webhookRoute.POST as never, { method: "POST", params: { accountId: "shp_doesnotexist0000000000" }, rawBody: "{}", headers: { "x-api-key": "hook-token-0123456789abcdef" } });
    expect(unknown.status).toBe(404);
  });

  it("each event stored once; statuses map forward: in transit → DISPATCHED, delivered → DELIVERED; an unknown AWB is 200 unmatched", async () => {
    const w = await bookedWithShiprocket("hook-token-aaaaaaaaaaaaaaaa");
    const first = await w.post(update(w.awb, "IN TRANSIT", "07 12 2026 11:00:00"));
    expect([first.status, first.json]).toEqual([200, { received: true, matched: true, duplicate: false }]);
    const dup = await w.post(update(w.awb, "IN TRANSIT", "07 12 2026 11:00:00"));
    expect(dup.json).toEqual({ received: true, matched: true, duplicate: true });
    let s = await prisma.shipment.findUniqueOrThrow({ where: { id: w.shp.id } });
    expect([s.status, s.dispatchedAt?.toISOString()]).toEqual(["DISPATCHED", "2026-12-07T05:30:00.000Z"]);
    await w.post(update(w.awb, "DELIVERED", "08 12 2026 14:10:00"));
    // A late "out for delivery" after "delivered" is stored but does not move the status back.
    await w.post(update(w.awb, "OUT FOR DELIVERY", "08 12 2026 09:00:00"));
    s = await prisma.shipment.findUniqueOrThrow({ where: { id: w.shp.id } });
    expect([s.status, s.deliveredAt?.toISOString()]).toEqual(["DELIVERED", "2026-12-08T08:40:00.000Z"]);
    expect((await w.partnerEvents()).map((e) => [e.code, e.location])).toEqual([
      ["in_transit", "Nashik_Hub (Maharashtra)"],
      ["out_for_delivery", "Nashik_Hub (Maharashtra)"],
      ["delivered", "Nashik_Hub (Maharashtra)"],
    ]);
    expect((await w.post(update("NOPE123", "DELIVERED", "08 12 2026 14:10:00"))).json).toEqual({ received: true, matched: false });
    expect((await w.post({ hello: "world" })).status).toBe(400);
    expect((await prisma.shippingAccount.findUniqueOrThrow({ where: { id: w.acc.id } })).lastWebhookAt).not.toBeNull();
  });

  it("RTO → UNDELIVERED", async () => {
    const w = await bookedWithShiprocket("hook-token-bbbbbbbbbbbbbbbb");
    await w.post(update(w.awb, "RTO INITIATED", "09 12 2026 10:00:00"));
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: w.shp.id } })).status).toBe("UNDELIVERED");
  });

  it("polling: sandbox shipments move on with time (each event once); a refused PIN (…13) comes back UNDELIVERED", async () => {
    const s = await shop();
    const acc = await sandboxAccount(s.ctx);
    const booked = async (pincode: string) => {
      const shp = await s.shipment({ weightKg: "2.00", shipToPincode: pincode });
      const b = await bookShipment(s.ctx, shp.id, { shippingAccountId: acc.id, courierId: "SBX-SURFACE", courierName: "Sandbox Surface", quotedPrice: "152.00" });
      await runBookingJob(b.id, { finalAttempt: false });
      return shp;
    };
    const ok = await booked("422001");
    const refused = await booked("422013");
    const t0 = Date.now();
    try {
      setShippingDeps({ shiprocketBase: sr.url, now: () => new Date(t0 + 3 * 3600_000) });
      await pollPartnerTracking({ now: new Date(t0 + 3 * 3600_000), companyId: s.company.id });
      expect((await prisma.shipment.findUniqueOrThrow({ where: { id: ok.id } })).status).toBe("DISPATCHED");
      setShippingDeps({ shiprocketBase: sr.url, now: () => new Date(t0 + 120 * 3600_000) });
      const r = await pollPartnerTracking({ now: new Date(t0 + 120 * 3600_000), companyId: s.company.id });
      expect(r).toMatchObject({ accounts: 1, shipments: 2, errors: 0 });
      await pollPartnerTracking({ now: new Date(t0 + 120 * 3600_000), companyId: s.company.id });
    } finally {
      setShippingDeps({ shiprocketBase: sr.url });
    }
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: ok.id } })).status).toBe("DELIVERED");
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: refused.id } })).status).toBe("UNDELIVERED");
    const codes = (await prisma.trackingEvent.findMany({ where: { shipmentId: ok.id, source: "partner" }, orderBy: { occurredAt: "asc" } })).map((e) => e.code);
    expect(codes.filter((c) => c !== "booked")).toEqual(["pickup_scheduled", "in_transit", "in_transit", "out_for_delivery", "delivered"]);
  });
});

describe("cancelling a partner booking", () => {
  it("before pickup: 202 cancelling…, the job cancels at the partner and gives the shipment back to the own fleet; it can be booked again", async () => {
    const { DELETE } = await import("@/app/api/v1/shipments/[id]/book/route");
    const { runCancelBookingJob } = await import("@/lib/logistics/shipping/cancel-booking");
    const s = await shop();
    const acc = await sandboxAccount(s.ctx);
    const shp = await s.shipment({ weightKg: "2.00" });
    const tk = await token(s.actor);
    expect((await call(DELETE, { method: "DELETE", token: tk, params: { id: shp.id } })).status).toBe(409);
    const b = await bookShipment(s.ctx, shp.id, { shippingAccountId: acc.id, courierId: "SBX-SURFACE", courierName: "Sandbox Surface", quotedPrice: "152.00" });
    expect((await call(DELETE, { method: "DELETE", token: tk, params: { id: shp.id } })).json.code).toBe("conflict"); // still booking
    await runBookingJob(b.id, { finalAttempt: false });
    const awb = (await prisma.shipment.findUniqueOrThrow({ where: { id: shp.id } })).awbNumber;
    const other = await tenant();
    expect((await call(DELETE, { method: "DELETE", token: await token(other.actor), params: { id: shp.id } })).status).toBe(404);
    const res = await call(DELETE, { method: "DELETE", token: tk, params: { id: shp.id } });
    expect([res.status, res.json.status]).toEqual([202, "CANCELLING"]);
    expect(await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'shipping-cancel' AND data->>'bookingId' = ${b.id}`).toEqual([{ n: 1 }]);
    expect(await runCancelBookingJob(b.id, { finalAttempt: false })).toBe("cancelled");
    expect(await runCancelBookingJob(b.id, { finalAttempt: false })).toBe("skipped");
    expect((await prisma.shippingSandboxShipment.findUniqueOrThrow({ where: { awb: awb! } })).cancelledAt).not.toBeNull();
    const after = await prisma.shipment.findUniqueOrThrow({ where: { id: shp.id }, include: { booking: true } });
    expect(after).toMatchObject({ carrierType: "OWN_FLEET", shippingAccountId: null, awbNumber: null, courierName: null, lrNumber: null, booking: { status: "CANCELLED" } });
    expect((await prisma.trackingEvent.findMany({ where: { shipmentId: shp.id }, orderBy: { createdAt: "asc" } })).map((e) => e.code)).toEqual(["booking_requested", "booked", "cancel_requested", "booking_cancelled"]);
    expect((await bookShipment(s.ctx, shp.id, { shippingAccountId: acc.id, courierId: "SBX-EXPRESS", courierName: "Sandbox Express", quotedPrice: "280.00" })).status).toBe("PENDING");
  });

  it("after pickup the partner refuses: the booking stays BOOKED with the reason; a dispatched shipment is refused at once", async () => {
    const { runCancelBookingJob, cancelShipmentBooking } = await import("@/lib/logistics/shipping/cancel-booking");
    const s = await shop();
    const acc = await sandboxAccount(s.ctx);
    const shp = await s.shipment({ weightKg: "2.00" });
    const b = await bookShipment(s.ctx, shp.id, { shippingAccountId: acc.id, courierId: "SBX-SURFACE", courierName: "Sandbox Surface", quotedPrice: "152.00" });
    await runBookingJob(b.id, { finalAttempt: false });
    await cancelShipmentBooking(s.ctx, shp.id);
    try {
      setShippingDeps({ shiprocketBase: sr.url, now: () => new Date(Date.now() + 3 * 3600_000) });
      expect(await runCancelBookingJob(b.id, { finalAttempt: false })).toBe("refused");
    } finally {
      setShippingDeps({ shiprocketBase: sr.url });
    }
    const row = await prisma.shipmentBooking.findUniqueOrThrow({ where: { id: b.id } });
    expect(row).toMatchObject({ status: "BOOKED", lastError: expect.stringMatching(/only before pickup/) });
    expect((await prisma.shipment.findUniqueOrThrow({ where: { id: shp.id } })).awbNumber).toBe(row.awbNumber);
    await prisma.shipment.update({ where: { id: shp.id }, data: { status: "DISPATCHED" } });
    await fails(cancelShipmentBooking(s.ctx, shp.id), { code: "invalid_transition" });
  });
});
