// The NIC e-way bill driver against a local HTTP server that plays the e-way bill API v1.03: it decrypts the
// login with its RSA private key, hands out a session key encrypted with the app key, reads {action, data}
// payloads encrypted with it, answers with encrypted data (once through a "rek"), errors as base64 error codes,
// and expires the token once (238) to prove the driver logs in again. Credentials are stored encrypted.
import { constants, generateKeyPairSync, privateDecrypt, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { aesEcb } from "@/lib/integrations/gst/nic-session";
import { clearNicEwbSessions } from "@/lib/integrations/gst/ewaybill/nic-ewaybill-client";
import { cancelEwayBill, updatePartB } from "@/lib/logistics/ewaybills/ewaybill-actions";
import { getEwayBillSettings, updateEwayBillSettings } from "@/lib/logistics/ewaybills/ewaybill-settings";
import { getEwayBillOrThrow } from "@/lib/logistics/ewaybills/ewaybill-views";
import { requestEwayBill } from "@/lib/logistics/ewaybills/request-eway-bill";
import { runEwayBillOperation } from "@/lib/logistics/ewaybills/run-ewaybill-operation";
import { docsShop, insertTrip, invoicedShipment } from "../support/logistics-docs-factories";

const keys = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
const CREDS = { user: "ganesh_ewb_api", password: "Ewb-Pa55!", clientId: "EWBCLIENT01", clientSecret: "ewb-secret" };
const sek = randomBytes(32);
let token = "TOKEN-1";
let expireNext = false;
const bills = new Map<string, { validUpto: string; vehicles: unknown[]; status: string }>();
const calls: { path: string; action?: string; headers: IncomingMessage["headers"]; body?: unknown }[] = [];
let server: ReturnType<typeof createServer>;
let baseUrl = "";

function rsaPkcs1Decrypt(ct: Buffer): Buffer {
  const raw = privateDecrypt({ key: keys.privateKey, padding: constants.RSA_NO_PADDING }, ct);
  if (raw[0] !== 0 || raw[1] !== 2) throw new Error("not PKCS#1 v1.5");
  return raw.subarray(raw.indexOf(0, 2) + 1);
}
const reply = (res: ServerResponse, body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
const fail = (res: ServerResponse, codes: string) => reply(res, { status: "0", error: Buffer.from(JSON.stringify({ errorCodes: `${codes},` })).toString("base64") });
const enc = (o: unknown, key = sek) => aesEcb("encrypt", Buffer.from(JSON.stringify(o)), key).toString("base64");

beforeAll(async () => {
  server = createServer((req, res) => void playNic(req, res).catch((e) => res.writeHead(500).end(String(e))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ewaybillapi/v1.03`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function playNic(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : null;
  const h = req.headers;
  const url = new URL(req.url ?? "", "http://x");
  if (h["client-id"] !== CREDS.clientId || h["client-secret"] !== CREDS.clientSecret || !h.gstin) return fail(res, "101");
  if (url.pathname === "/ewaybillapi/v1.03/auth" && req.method === "POST") {
    const login = JSON.parse(Buffer.from(rsaPkcs1Decrypt(Buffer.from(body.Data, "base64")).toString("utf8"), "base64").toString("utf8"));
    calls.push({ path: url.pathname, action: login.action, headers: h });
    if (login.action !== "ACCESSTOKEN" || login.username !== CREDS.user || login.password !== CREDS.password) return fail(res, "108");
    return reply(res, { status: "1", authtoken: token, sek: aesEcb("encrypt", sek, Buffer.from(login.app_key, "base64")).toString("base64") });
  }
  if (h.authtoken !== token || expireNext) {
    expireNext = false;
    token = "TOKEN-2";
    calls.push({ path: url.pathname, action: "(expired)", headers: h });
    return fail(res, "238");
  }
  if (url.pathname === "/ewaybillapi/v1.03/ewayapi" && req.method === "POST") {
    const data = JSON.parse(aesEcb("decrypt", Buffer.from(body.data, "base64"), sek).toString("utf8"));
    calls.push({ path: url.pathname, action: body.action, headers: h, body: data });
    if (body.action === "GENEWAYBILL") {
      for (const k of Object.keys(data)) if (data[k] === "" || data[k] === null) return fail(res, "200");
      const no = String(391000000000 + bills.size + 1);
      bills.set(no, { validUpto: "22/11/2026 11:59:00 PM", vehicles: [data.vehicleNo], status: "ACT" });
      // The generate answer comes through a response key (rek), itself encrypted with the session key.
      const rek = randomBytes(32);
      return reply(res, { status: "1", rek: aesEcb("encrypt", rek, sek).toString("base64"), data: enc({ ewayBillNo: Number(no), ewayBillDate: "20/11/2026 10:00:00 AM", validUpto: "22/11/2026 11:59:00 PM", alert: "" }, rek) });
    }
    const bill = bills.get(String(data.ewbNo));
    if (!bill || bill.status !== "ACT") return fail(res, "312");
    if (body.action === "VEHEWB") {
      if (![1, 2, 3, 4].includes(data.reasonCode) || !data.vehicleNo) return fail(res, "350");
      bill.vehicles.push(data.vehicleNo);
      return reply(res, { status: "1", data: enc({ vehUpdDate: "20/11/2026 01:30:00 PM", validUpto: bill.validUpto }) });
    }
    if (body.action === "CANEWB") {
      if (data.cancelRsnCode !== 2) return fail(res, "313");
      bill.status = "CNL";
      return reply(res, { status: "1", data: enc({ ewayBillNo: data.ewbNo, cancelDate: "20/11/2026 03:00:00 PM" }) });
    }
  }
  res.writeHead(404).end();
}

describe("the NIC e-way bill driver", () => {
  it("logs in once, generates (rek), updates Part B after a token expiry, cancels — credentials encrypted at rest", async () => {
    const shop = await docsShop();
    clearNicEwbSessions();
    const view = await updateEwayBillSettings(shop.staff, { mode: "NIC", baseUrl, username: CREDS.user, clientId: CREDS.clientId, password: CREDS.password, clientSecret: CREDS.clientSecret, publicKeyPem: keys.publicKey });
    expect(view).toMatchObject({ mode: "NIC", passwordSet: true, clientSecretSet: true, publicKeySet: true });
    const stored = await prisma.ewayBillSettings.findUniqueOrThrow({ where: { companyId: shop.co } });
    expect(stored.passwordEnc).toMatch(/^v1:/);
    const shown = JSON.stringify([await getEwayBillSettings(shop.staff), await prisma.auditLog.findMany({ where: { companyId: shop.co, action: "ewaybill_settings.update" } })]);
    expect(shown).not.toContain(CREDS.password);
    expect(shown).not.toContain(CREDS.clientSecret);

    const T0 = new Date("2026-11-20T04:30:00Z");
    const ctx = makeCtx(shop.owner, { now: () => T0 });
    const { trip } = await insertTrip(shop);
    const { shipment } = await invoicedShipment(shop, { tripId: trip.id });
    const before = calls.length;
    const b = await requestEwayBill(ctx, { shipmentId: shipment.id, distanceKm: 250 });
    expect(b.provider).toBe("nic");
    const op = await prisma.ewayBillOperation.findFirstOrThrow({ where: { ewayBillId: b.id } });
    expect(await runEwayBillOperation(op.id, { finalAttempt: false }, { now: () => T0 })).toBe("done");
    const made = calls.slice(before);
    expect(made.map((c) => c.action)).toEqual(["ACCESSTOKEN", "GENEWAYBILL"]);
    expect(made[1]!.headers).toMatchObject({ gstin: shop.company.gstin, authtoken: "TOKEN-1", "client-id": CREDS.clientId });
    const bill = await getEwayBillOrThrow(ctx, b.id);
    expect(bill).toMatchObject({ status: "GENERATED", ewbNo: expect.stringMatching(/^391/), ewbDate: "2026-11-20T04:30:00.000Z", validUntil: "2026-11-22T18:29:00.000Z" });

    expireNext = true;
    await updatePartB(ctx, b.id, { vehicleNo: "MH14CD9876", reasonCode: 2, reasonRem: "Trans-shipment at Nashik" });
    const op2 = await prisma.ewayBillOperation.findFirstOrThrow({ where: { ewayBillId: b.id, action: "VEHICLE" } });
    const mark = calls.length;
    expect(await runEwayBillOperation(op2.id, { finalAttempt: false }, { now: () => T0 })).toBe("done");
    expect(calls.slice(mark).map((c) => c.action)).toEqual(["(expired)", "ACCESSTOKEN", "VEHEWB"]);
    expect(calls.at(-1)!.body).toMatchObject({ ewbNo: Number(bill.ewbNo), vehicleNo: "MH14CD9876", reasonCode: 2, fromPlace: "Pune", fromState: 27, transMode: "1" });
    expect((await getEwayBillOrThrow(ctx, b.id)).vehicles.map((v) => v.vehicleNo)).toEqual([bill.vehicleNo, "MH14CD9876"]);

    // NIC's refusal comes back as codes, kept in words on the bill; a refusal is not retried.
    await cancelEwayBill(ctx, b.id, { reasonCode: 3, remark: "Typo" });
    const op3 = await prisma.ewayBillOperation.findFirstOrThrow({ where: { ewayBillId: b.id, action: "CANCEL" } });
    expect(await runEwayBillOperation(op3.id, { finalAttempt: false }, { now: () => T0 })).toBe("failed");
    expect((await getEwayBillOrThrow(ctx, b.id)).lastError).toBe("313: refused by the e-way bill system");
    await cancelEwayBill(ctx, b.id, { reasonCode: 2, remark: "Order cancelled" });
    const op4 = await prisma.ewayBillOperation.findFirstOrThrow({ where: { ewayBillId: b.id, action: "CANCEL", status: "PENDING" } });
    expect(await runEwayBillOperation(op4.id, { finalAttempt: false }, { now: () => T0 })).toBe("done");
    expect(await getEwayBillOrThrow(ctx, b.id)).toMatchObject({ status: "CANCELLED", cancelledAt: "2026-11-20T09:30:00.000Z" });
  });

  it("wrong credentials fail the bill in words; an unreachable system is retried until the last attempt", async () => {
    const shop = await docsShop();
    clearNicEwbSessions();
    await updateEwayBillSettings(shop.staff, { mode: "NIC", baseUrl, username: CREDS.user, clientId: CREDS.clientId, password: "wrong", clientSecret: CREDS.clientSecret, publicKeyPem: keys.publicKey });
    const T0 = new Date("2026-11-20T04:30:00Z");
    const { shipment } = await invoicedShipment(shop);
    const b = await requestEwayBill(makeCtx(shop.owner, { now: () => T0 }), { shipmentId: shipment.id, distanceKm: 80, vehicleNo: "MH12AB1234" });
    const op = await prisma.ewayBillOperation.findFirstOrThrow({ where: { ewayBillId: b.id } });
    expect(await runEwayBillOperation(op.id, { finalAttempt: false })).toBe("failed");
    expect(await prisma.ewayBill.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "FAILED", lastError: "108: Invalid login credentials" });

    await updateEwayBillSettings(shop.staff, { baseUrl: "http://127.0.0.1:9/ewaybillapi/v1.03", password: CREDS.password });
    const again = await requestEwayBill(makeCtx(shop.owner, { now: () => T0 }), { shipmentId: shipment.id, distanceKm: 80, vehicleNo: "MH12AB1234" });
    const op2 = await prisma.ewayBillOperation.findFirstOrThrow({ where: { ewayBillId: again.id } });
    await expect(runEwayBillOperation(op2.id, { finalAttempt: false })).rejects.toMatchObject({ retryable: true });
    expect((await prisma.ewayBill.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("PENDING");
    await expect(runEwayBillOperation(op2.id, { finalAttempt: true })).rejects.toMatchObject({ retryable: true });
    expect((await prisma.ewayBill.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("FAILED");
  });
});
