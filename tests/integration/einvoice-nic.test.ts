// The NIC driver against a local HTTP server that plays NIC: it decrypts the login with its RSA
// private key, hands out a Sek encrypted with the AppKey, and reads/answers AES-256-ECB payloads,
// checking the headers each call must carry. Credentials are stored encrypted and never shown.
import { constants, generateKeyPairSync, privateDecrypt, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { cancelEInvoiceAtIrp } from "@/lib/billing/einvoice/cancel-einvoice-at-irp";
import { getEInvoiceSettings, updateEInvoiceSettings } from "@/lib/billing/einvoice/einvoice-settings";
import { submitEInvoice } from "@/lib/billing/einvoice/submit-einvoice";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { computeIrn } from "@/lib/integrations/gst/einvoice/irn";
import { aesEcb } from "@/lib/integrations/gst/nic-session";
import { insertInvoiceRow } from "../support/billing-factories";
import { orderShop } from "../support/order-factories";

const keys = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
const CREDS = { user: "shreeganesh_api", password: "N1c-Pa55word!", clientId: "AAACLIENT01", clientSecret: "s3cr3t-client" };
const sek = randomBytes(32);
const issued = new Map<string, { Irn: string; AckNo: number; AckDt: string; Status: string }>();
const calls: { path: string; headers: IncomingMessage["headers"] }[] = [];
let server: ReturnType<typeof createServer>;
let baseUrl = "";

/** NIC decrypts PKCS#1 v1.5; Node refuses that padding for private decryption, so unpad by hand: 00 02 <random non-zero> 00 <message>. */
function rsaPkcs1Decrypt(ct: Buffer): Buffer {
  const raw = privateDecrypt({ key: keys.privateKey, padding: constants.RSA_NO_PADDING }, ct);
  if (raw[0] !== 0 || raw[1] !== 2) throw new Error("not PKCS#1 v1.5");
  return raw.subarray(raw.indexOf(0, 2) + 1);
}

function reply(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}
const enc = (o: unknown) => aesEcb("encrypt", Buffer.from(JSON.stringify(o)), sek).toString("base64");
const dec = (s: string) => JSON.parse(aesEcb("decrypt", Buffer.from(s, "base64"), sek).toString("utf8"));
const fail = (res: ServerResponse, code: string, msg: string, info?: unknown) => reply(res, { Status: 0, ErrorDetails: [{ ErrorCode: code, ErrorMessage: msg }], InfoDtls: info ?? null });

beforeAll(async () => {
  server = createServer((req, res) => void playNic(req, res).catch((e) => res.writeHead(500).end(String(e))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function playNic(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : null;
    const h = req.headers;
    calls.push({ path: req.url ?? "", headers: h });
    if (h.client_id !== CREDS.clientId || h.client_secret !== CREDS.clientSecret || !h.gstin) return fail(res, "1001", "Invalid client id or secret");
    if (req.url === "/eivital/v1.04/auth") {
      const login = JSON.parse(Buffer.from(rsaPkcs1Decrypt(Buffer.from(body.Data, "base64")).toString("utf8"), "base64").toString("utf8"));
      if (login.UserName !== CREDS.user || login.Password !== CREDS.password) return fail(res, "1002", "Invalid user name or password");
      const appKey = Buffer.from(login.AppKey, "base64");
      return reply(res, { Status: 1, Data: { ClientId: CREDS.clientId, UserName: CREDS.user, AuthToken: "TOKEN-1", Sek: aesEcb("encrypt", sek, appKey).toString("base64"), TokenExpiry: "2099-01-01 00:00:00" } });
    }
    if (h.authtoken !== "TOKEN-1" || h.user_name !== CREDS.user) return fail(res, "1005", "Invalid Token");
    if (req.url === "/eicore/v1.03/Invoice" && req.method === "POST") {
      const inv = dec(body.Data);
      const irn = computeIrn(inv.SellerDtls.Gstin, inv.DocDtls.Dt, inv.DocDtls.Typ, inv.DocDtls.No);
      const known = issued.get(irn);
      if (known) return fail(res, "2150", "Duplicate IRN", [{ InfCd: "DUPIRN", Desc: { AckNo: known.AckNo, AckDt: known.AckDt, Irn: irn } }]);
      const doc = { Irn: irn, AckNo: 112010000000000 + issued.size + 1, AckDt: "2026-11-20 11:30:00", Status: "ACT" };
      issued.set(irn, doc);
      return reply(res, { Status: 1, Data: enc({ ...doc, SignedInvoice: "signed.invoice.jwt", SignedQRCode: "signed.qr.jwt", EwbNo: null }) });
    }
    const byIrn = /^\/eicore\/v1\.03\/Invoice\/irn\/([0-9a-f]{64})$/.exec(req.url ?? "");
    if (byIrn && req.method === "GET") {
      const doc = issued.get(byIrn[1]!);
      if (!doc) return fail(res, "2283", "IRN details are not found");
      return reply(res, { Status: 1, Data: enc({ ...doc, SignedInvoice: "signed.invoice.jwt", SignedQRCode: "signed.qr.jwt" }) });
    }
    if (req.url === "/eicore/v1.03/Invoice/Cancel") {
      const c = dec(body.Data);
      const doc = issued.get(c.Irn);
      if (!doc || c.CnlRsn !== "1" || !c.CnlRem) return fail(res, "2000", "Bad cancel request");
      doc.Status = "CNL";
      return reply(res, { Status: 1, Data: enc({ Irn: c.Irn, CancelDate: "2026-11-20 15:00:00" }) });
    }
    res.writeHead(404).end();
}

describe("the NIC driver", () => {
  it("logs in once, generates, recovers a duplicate, cancels — credentials encrypted at rest", async () => {
    const shop = await orderShop();
    const view = await updateEInvoiceSettings(shop.staff, {
      eInvoiceEnabled: true,
      irpMode: "NIC",
      irpBaseUrl: baseUrl,
      irpUsername: CREDS.user,
      irpClientId: CREDS.clientId,
      irpPassword: CREDS.password,
      irpClientSecret: CREDS.clientSecret,
      irpPublicKeyPem: keys.publicKey,
    });
    expect(view).toMatchObject({ irpMode: "NIC", irpPasswordSet: true, irpClientSecretSet: true, irpPublicKeySet: true });
    const stored = await prisma.billingSettings.findUniqueOrThrow({ where: { companyId: shop.co } });
    expect(stored.irpPasswordEnc).not.toContain(CREDS.password);
    expect(stored.irpPasswordEnc).toMatch(/^v1:/);
    const shown = JSON.stringify([await getEInvoiceSettings(shop.staff), await prisma.auditLog.findMany({ where: { companyId: shop.co, action: "einvoice_settings.update" } })]);
    expect(shown).not.toContain(CREDS.password);
    expect(shown).not.toContain(CREDS.clientSecret);
    // A blank password on a later save keeps the stored one.
    await updateEInvoiceSettings(shop.staff, { irpPassword: "" });
    expect((await prisma.billingSettings.findUniqueOrThrow({ where: { companyId: shop.co } })).irpPasswordEnc).toBe(stored.irpPasswordEnc);

    const a = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    const b = await insertInvoiceRow(shop, { grandTotal: "2360.00", issueDate: "2026-11-20" });
    await prisma.invoice.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { eInvoiceStatus: "PENDING" } });
    const before = calls.length;
    expect(await submitEInvoice(a.id, { finalAttempt: false })).toBe("generated");
    expect(await submitEInvoice(b.id, { finalAttempt: false })).toBe("generated");
    const made = calls.slice(before);
    expect(made.filter((c) => c.path.endsWith("/auth"))).toHaveLength(1);
    expect(made.find((c) => c.path === "/eicore/v1.03/Invoice")?.headers).toMatchObject({ gstin: shop.company.gstin, user_name: CREDS.user, authtoken: "TOKEN-1" });
    const rowA = await prisma.invoice.findUniqueOrThrow({ where: { id: a.id } });
    expect(rowA).toMatchObject({ eInvoiceStatus: "GENERATED", irn: computeIrn(shop.company.gstin!, a.issueDate, "INV", a.number), ackNo: "112010000000001", signedQrCode: "signed.qr.jwt" });
    expect(rowA.ackDate).toEqual(new Date("2026-11-20T06:00:00Z"));

    // Lost answer: NIC says 2150 with the IRN it has; we store that one.
    await prisma.invoice.update({ where: { id: a.id }, data: { eInvoiceStatus: "PENDING", irn: null, ackNo: null, ackDate: null } });
    expect(await submitEInvoice(a.id, { finalAttempt: false })).toBe("recovered");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: a.id } })).irn).toBe(rowA.irn);

    const soon = new Date("2026-11-20T08:00:00Z");
    await cancelInvoice(makeCtx(shop.owner, { now: () => soon }), a.id, { reasonCode: 1, remark: "Raised twice" });
    expect(await cancelEInvoiceAtIrp(a.id, { finalAttempt: false }, { now: () => soon })).toBe("cancelled");
    const cancelled = await prisma.invoice.findUniqueOrThrow({ where: { id: a.id } });
    expect([cancelled.eInvoiceStatus, cancelled.irnCancelledAt]).toEqual(["CANCELLED", new Date("2026-11-20T09:30:00Z")]);
  });

  it("wrong credentials fail the document in words, without retrying", async () => {
    const shop = await orderShop();
    await updateEInvoiceSettings(shop.staff, { irpMode: "NIC", irpBaseUrl: baseUrl, irpUsername: CREDS.user, irpClientId: CREDS.clientId, irpPassword: "wrong", irpClientSecret: CREDS.clientSecret, irpPublicKeyPem: keys.publicKey });
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    await prisma.invoice.update({ where: { id: inv.id }, data: { eInvoiceStatus: "PENDING" } });
    expect(await submitEInvoice(inv.id, { finalAttempt: false })).toBe("failed");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } })).eInvoiceError).toBe("The IRP did not generate the IRN: 1002: Invalid user name or password");
  });

  it("an unreachable IRP is retried (the job throws) and fails with the reason on the last attempt", async () => {
    const shop = await orderShop();
    await updateEInvoiceSettings(shop.staff, { irpMode: "NIC", irpBaseUrl: "http://127.0.0.1:9", irpUsername: "u", irpClientId: "c", irpPassword: "p", irpClientSecret: "s", irpPublicKeyPem: keys.publicKey });
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    await prisma.invoice.update({ where: { id: inv.id }, data: { eInvoiceStatus: "PENDING" } });
    await expect(submitEInvoice(inv.id, { finalAttempt: false })).rejects.toMatchObject({ retryable: true });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } })).eInvoiceStatus).toBe("PENDING");
    await expect(submitEInvoice(inv.id, { finalAttempt: true })).rejects.toMatchObject({ retryable: true });
    const row = await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.eInvoiceStatus).toBe("FAILED");
    expect(row.eInvoiceError).toMatch(/^The IRP did not generate the IRN: The IRP could not be reached/);
  });
});
