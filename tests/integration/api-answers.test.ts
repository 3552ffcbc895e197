// Successful answers of operations the rest of the suite only ever sees refused (tenancy, bad input),
// each called once to success over its route, so the contract check (tests/support/route-contract.ts)
// holds their schemas to what the routes really send: a vendor lookup and join requests withdrawn and
// rejected, a password reset, an invoice's e-way bill JSON, e-invoice request and cancellation, a
// catalog image as the retailer sees it, and e-way bills asked for a shipment and a trip.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import * as joinRequests from "@/app/api/v1/join-requests/route";
import * as joinRequestAction from "@/app/api/v1/join-requests/[id]/[action]/route";
import * as vendorLookup from "@/app/api/v1/vendors/lookup/route";
import * as resetRequest from "@/app/api/v1/auth/password-reset/request/route";
import * as resetConfirm from "@/app/api/v1/auth/password-reset/confirm/route";
import * as invoices from "@/app/api/v1/invoices/route";
import * as invoiceCancel from "@/app/api/v1/invoices/[id]/cancel/route";
import * as invoiceEInvoice from "@/app/api/v1/invoices/[id]/e-invoice/route";
import * as invoiceEwayBill from "@/app/api/v1/invoices/[id]/e-way-bill/route";
import * as productImages from "@/app/api/v1/products/[id]/images/route";
import * as catalogImage from "@/app/api/v1/me/vendors/[code]/catalog/images/[imageId]/route";
import * as ewayBill from "@/app/api/v1/eway-bills/[id]/route";
import * as ewayBillCancel from "@/app/api/v1/eway-bills/[id]/cancel/route";
import * as ewayBillTransporter from "@/app/api/v1/eway-bills/[id]/transporter/route";
import * as shipmentEwayBills from "@/app/api/v1/eway-bills/shipments/[shipmentId]/route";
import * as tripPartB from "@/app/api/v1/eway-bills/trips/[tripId]/part-b/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { runEwayBillOperation } from "@/lib/logistics/ewaybills/run-ewaybill-operation";
import { createRetailerUser, tenant } from "../support/factories";
import { call } from "../support/http";
import { docsShop, insertTrip, invoicedShipment } from "../support/logistics-docs-factories";
import { orderShop, stockedProduct } from "../support/order-factories";
import { latestResetCode } from "../support/reset-codes";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

describe("answers the rest of the suite only sees refused", () => {
  it("a retailer looks a vendor up, withdraws one join request; the vendor rejects another", async () => {
    const vendor = await tenant();
    const vt = await token(vendor.actor);
    const r = await createRetailerUser();
    const rt = await token(r.actor);
    const found = await call(vendorLookup.GET, { path: `/api/v1/vendors/lookup?query=${vendor.company.code}`, token: rt });
    expect(found.json).toMatchObject({ code: vendor.company.code, connectionStatus: null });
    const first = await call(joinRequests.POST, { method: "POST", token: rt, body: { vendorCode: vendor.company.code } });
    const cancelled = await call(joinRequestAction.POST, { method: "POST", token: rt, params: { id: first.json.id, action: "cancel" } });
    expect(cancelled.json).toMatchObject({ status: "CANCELLED" });
    const second = await call(joinRequests.POST, { method: "POST", token: rt, body: { vendorCode: vendor.company.code, message: "Again" } });
    const rejected = await call(joinRequestAction.POST, { method: "POST", token: vt, params: { id: second.json.id, action: "reject" }, body: { reason: "Outside our delivery area" } });
    expect(rejected.json).toMatchObject({ status: "REJECTED", rejectionReason: "Outside our delivery area", retailer: { id: r.retailer.id } });
  });

  it("a password reset with the emailed code", async () => {
    const r = await createRetailerUser();
    expect((await call(resetRequest.POST, { method: "POST", body: { email: r.user.email } })).status).toBe(202);
    const code = await latestResetCode(r.user.email);
    const done = await call(resetConfirm.POST, { method: "POST", body: { email: r.user.email, code, password: "A new long passphrase 42" } });
    expect(done).toMatchObject({ status: 200, json: { ok: true } });
  });

  it("an invoice's e-way bill JSON (and its upload file), an e-invoice request and a cancellation", async () => {
    const shop = await orderShop();
    const t = await token(shop.owner);
    const p = await stockedProduct(shop, 10, { hsnCode: "84713010", basePrice: "60000.00" });
    const issue = () => call(invoices.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] } });
    const inv = (await issue()).json;
    const view = await call(invoiceEwayBill.GET, { path: `/api/v1/invoices/${inv.id}/e-way-bill?distanceKm=120&vehicleNo=MH12AB1234`, token: t, params: { id: inv.id } });
    expect(view.json).toMatchObject({ invoiceId: inv.id, required: true });
    const file = await call(invoiceEwayBill.GET, { path: `/api/v1/invoices/${inv.id}/e-way-bill?distanceKm=120&download=1`, token: t, params: { id: inv.id } });
    expect(file.headers.get("content-disposition")).toMatch(/attachment/);
    expect(file.json.billLists).toHaveLength(1);
    const queued = await call(invoiceEInvoice.POST, { method: "POST", token: t, params: { id: inv.id } });
    expect(queued).toMatchObject({ status: 202, json: { id: inv.id, eInvoiceStatus: "PENDING" } });
    const other = (await issue()).json;
    const cancelled = await call(invoiceCancel.POST, { method: "POST", token: t, params: { id: other.id }, body: { reasonCode: 2, remark: "Wrong quantity" } });
    expect(cancelled.json).toMatchObject({ id: other.id, status: "CANCELLED", cancelReason: "Data entry mistake: Wrong quantity" });
  });

  it("a retailer sees a product image of its vendor's catalog", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 5);
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#16a34a" } }).jpeg().toBuffer();
    const upload = new Request(`http://localhost/api/v1/products/${p.id}/images`, { method: "POST", headers: { authorization: `Bearer ${await token(shop.owner)}`, "content-type": "image/jpeg" }, body: new Uint8Array(jpeg) });
    const up = { json: (await (await productImages.POST(upload, { params: Promise.resolve({ id: p.id }) })).json()) as { id: string } };
    const res = await catalogImage.GET(new Request(`http://localhost/api/v1/me/vendors/${shop.company.code}/catalog/images/${up.json.id}`, { headers: { authorization: `Bearer ${await token(shop.retailerActor)}` } }), { params: Promise.resolve({ code: shop.company.code, imageId: up.json.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
  });

  it("e-way bills for a shipment's documents, Part B from its trip, a new transporter, a cancellation", async () => {
    const shop = await docsShop();
    const t = await token(shop.owner);
    const { trip } = await insertTrip(shop);
    const { shipment } = await invoicedShipment(shop, { tripId: trip.id });
    const asked = await call(shipmentEwayBills.POST, { method: "POST", token: t, params: { shipmentId: shipment.id }, body: { distanceKm: 150 } });
    expect(asked.status).toBe(202);
    expect(asked.json.queued).toHaveLength(1);
    const billId = asked.json.queued[0].id;
    await runPending(shop.co);
    const partB = await call(tripPartB.POST, { method: "POST", token: t, params: { tripId: trip.id }, body: {} });
    expect(partB).toMatchObject({ status: 202, json: { queued: [], skipped: [{ why: "Already on this vehicle" }] } });
    const moved = await call(ewayBillTransporter.POST, { method: "POST", token: t, params: { id: billId }, body: { transporterId: "27AABCR1718E1ZS", transporterName: "Ganesh Roadways" } });
    expect(moved).toMatchObject({ status: 202, json: { id: billId, pending: true } });
    await runPending(shop.co);
    const cancelled = await call(ewayBillCancel.POST, { method: "POST", token: t, params: { id: billId }, body: { reasonCode: 3, remark: "Data entry mistake" } });
    expect(cancelled.status).toBe(202);
    await runPending(shop.co);
    expect((await call(ewayBill.GET, { token: t, params: { id: billId } })).json).toMatchObject({ id: billId, status: "CANCELLED", transporterId: "27AABCR1718E1ZS" });
  });
});

/** Runs the company's queued e-way bill operations, as the worker would. */
async function runPending(companyId: string) {
  const ops = await prisma.ewayBillOperation.findMany({ where: { companyId, status: "PENDING" }, orderBy: { createdAt: "asc" } });
  for (const op of ops) expect(await runEwayBillOperation(op.id, { finalAttempt: false })).toBe("done");
}
