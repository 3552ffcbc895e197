// E-way bills through the local sandbox on a real PostgreSQL: generation from an invoiced shipment on a trip
// (Part B from the trip's vehicle and number), the threshold deciding, Part B updates with history, refusals on
// expired and cancelled bills, the extension window, cancel within 24 hours only (our check and the sandbox's),
// the expiry job, challans (job work), the trip-wide Part B update, bad input and other companies' ids.
import { describe, expect, it } from "vitest";
import { issueTokenPair } from "@/lib/auth/tokens";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { EWB_CANCEL_WINDOW_PASSED, EwbError } from "@/lib/integrations/gst/ewaybill/ewaybill-client";
import { ewayBillValidity } from "@/lib/integrations/gst/ewaybill/ewaybill-json";
import { createSandboxEwayBill, EWB_EXPIRED, EWB_EXTEND_WINDOW } from "@/lib/integrations/gst/ewaybill/sandbox-ewaybill";
import { createChallan } from "@/lib/logistics/challans/create-challan";
import { cancelEwayBill, extendValidity, updatePartB, updatePartBForTrip, updateTransporter } from "@/lib/logistics/ewaybills/ewaybill-actions";
import { startTrip } from "@/lib/logistics/trips/start-trip";
import { updateEwayBillSettings } from "@/lib/logistics/ewaybills/ewaybill-settings";
import { getEwayBillOrThrow, listEwayBills } from "@/lib/logistics/ewaybills/ewaybill-views";
import { expireEwayBills } from "@/lib/logistics/ewaybills/expire-eway-bills";
import { generateEwayBillsForShipment, requestEwayBill } from "@/lib/logistics/ewaybills/request-eway-bill";
import { runEwayBillOperation } from "@/lib/logistics/ewaybills/run-ewaybill-operation";
import * as billsRoute from "@/app/api/v1/eway-bills/route";
import * as billRoute from "@/app/api/v1/eway-bills/[id]/route";
import * as partBRoute from "@/app/api/v1/eway-bills/[id]/part-b/route";
import { call } from "../support/http";
import { rejects } from "../support/rejects";
import { docsShop, insertShipment, insertTrip, invoicedShipment, type DocsShop } from "../support/logistics-docs-factories";

const T0 = new Date("2026-11-20T04:30:00Z"); // 10:00 IST
const HOUR = 3600_000;
const at = (shop: DocsShop, when: Date): Ctx => makeCtx(shop.owner, { now: () => when });

/** Runs every pending operation of the company, as the worker would, at `when`. */
async function runJobs(co: string, when: Date) {
  const ops = await prisma.ewayBillOperation.findMany({ where: { companyId: co, status: "PENDING" }, orderBy: { createdAt: "asc" } });
  const out = [];
  for (const op of ops) out.push(await runEwayBillOperation(op.id, { finalAttempt: false }, { now: () => when }));
  return out;
}

async function generatedOnTrip(shop: DocsShop, distanceKm = 250) {
  const { trip, vehicle } = await insertTrip(shop, { date: "2026-11-20" });
  const { invoice, shipment } = await invoicedShipment(shop, { tripId: trip.id });
  const pending = await requestEwayBill(at(shop, T0), { shipmentId: shipment.id, distanceKm });
  expect(await runJobs(shop.co, T0)).toEqual(["done"]);
  return { trip, vehicle, invoice, shipment, bill: await getEwayBillOrThrow(at(shop, T0), pending.id), pending };
}

describe("generating through the sandbox", () => {
  it("from an invoiced shipment on a trip: PENDING, then a 12-digit number, Part B from the trip, validity by distance", async () => {
    const shop = await docsShop();
    const { pending, bill, trip, vehicle, invoice } = await generatedOnTrip(shop, 250);
    expect(pending).toMatchObject({ status: "PENDING", pending: true, provider: "sandbox", docType: "INV", docNo: invoice.number });
    expect(bill.status).toBe("GENERATED");
    expect(bill.ewbNo).toMatch(/^[1-9][0-9]{11}$/);
    expect(bill).toMatchObject({ vehicleNo: vehicle.registrationNo, transDocNo: trip.number, transDocDate: "2026-11-20", distanceKm: 250, fromPlace: "Pune", pending: false });
    expect(bill.validUntil).toBe(ewayBillValidity(250, T0).validUntil.toISOString());
    expect(bill.vehicles).toHaveLength(1);
    const payload = (await prisma.ewayBill.findUniqueOrThrow({ where: { id: bill.id } })).payload as Record<string, unknown>;
    // From the Chakan warehouse (not the registered office) to the shipment's ship-to (not the retailer's shop): both, type 4.
    expect(payload).toMatchObject({ subSupplyType: "1", docType: "INV", transactionType: 4, fromAddr1: "Plot 7, Chakan MIDC", actFromStateCode: 27, toPlace: "Nashik", toAddr1: "9 Godown Lane" });
    expect(Object.values(payload)).not.toContain("");
    // The invoice knows its live e-way bill: it cannot be cancelled while the bill is live.
    const inv = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(inv.ewayBillNo).toBe(bill.ewbNo);
    expect((await rejects(cancelInvoice(at(shop, T0), invoice.id, { reasonCode: 3, remark: "x" }))).message).toMatch(/E-way bill/);
    // A second bill for the same document is refused while this one is live.
    expect((await rejects(requestEwayBill(at(shop, T0), { invoiceId: invoice.id, distanceKm: 250, vehicleNo: "MH12AB1234" }))).code).toBe("conflict");
    expect((await listEwayBills(at(shop, T0), { q: bill.ewbNo! })).data.map((b) => b.id)).toEqual([bill.id]);
  });

  it("the threshold decides: state table within Maharashtra, company overrides, job work across states", async () => {
    const shop = await docsShop();
    const { shipment: small } = await invoicedShipment(shop, { grandTotal: "80000.00" });
    const r1 = await generateEwayBillsForShipment(at(shop, T0), small.id, { distanceKm: 120 });
    expect(r1.queued).toEqual([]);
    expect(r1.notRequired[0]!.why).toBe("Value ₹80,000.00 is within the ₹1,00,000.00 threshold for movement within Maharashtra");
    await updateEwayBillSettings(shop.staff, { stateThresholds: { "27": "50000" } });
    const { trip } = await insertTrip(shop);
    await prisma.shipment.update({ where: { id: small.id }, data: { currentTripId: trip.id } });
    const r2 = await generateEwayBillsForShipment(at(shop, T0), small.id, { distanceKm: 120 });
    expect(r2.queued).toHaveLength(1);
    expect((await generateEwayBillsForShipment(at(shop, T0), small.id, { distanceKm: 120 })).alreadyLive).toHaveLength(1);

    const jw = await createChallan(at(shop, T0), { reason: "JOB_WORK", reasonNote: "Repacking", fromWarehouseId: shop.wh.id, consignee: { name: "Sai Packers", gstin: "24AAQCA8719H1ZC", address1: "5 GIDC", city: "Vapi", stateCode: "24", pincode: "396195" }, lines: [{ productId: shop.product.id, quantity: "1", rate: "500" }], challanDate: "2026-11-20" });
    const ship = await insertShipment(shop, { kind: "JOB_WORK", tripId: trip.id });
    await prisma.deliveryChallan.update({ where: { id: jw.id }, data: { shipmentId: ship.id } });
    const r3 = await generateEwayBillsForShipment(at(shop, T0), ship.id, { distanceKm: 380 });
    expect(r3.queued.map((b) => [b.docType, b.docNo])).toEqual([["CHL", jw.number]]);
    await runJobs(shop.co, T0);
    const chl = await prisma.ewayBill.findUniqueOrThrow({ where: { id: r3.queued[0]!.id } });
    expect(chl.status).toBe("GENERATED");
    expect(chl.payload).toMatchObject({ subSupplyType: "4", docType: "CHL", toGstin: "24AAQCA8719H1ZC", igstValue: 90 });
  });

  it("Part B: a new vehicle with a reason appends to the history; refused once expired, by us and by the sandbox", async () => {
    const shop = await docsShop();
    const { bill } = await generatedOnTrip(shop, 150);
    const t1 = new Date(T0.getTime() + 3 * HOUR);
    await updatePartB(at(shop, t1), bill.id, { vehicleNo: "mh 14 cd 9876", reasonCode: 1, reasonRem: "Breakdown near Lonavala", fromPlace: "Lonavala" });
    expect((await rejects(updatePartB(at(shop, t1), bill.id, { vehicleNo: "MH14CD9877", reasonCode: 3, reasonRem: "again" }))).code).toBe("conflict"); // one at a time
    await runJobs(shop.co, t1);
    const after = await getEwayBillOrThrow(at(shop, t1), bill.id);
    expect(after).toMatchObject({ vehicleNo: "MH14CD9876", fromPlace: "Lonavala", validUntil: bill.validUntil });
    expect(after.vehicles.map((v) => [v.vehicleNo, v.reasonCode])).toEqual([[bill.vehicleNo, null], ["MH14CD9876", 1]]);
    expect((await rejects(updatePartB(at(shop, t1), bill.id, { vehicleNo: "ZZ14CD9876", reasonCode: 1, reasonRem: "x" }))).fieldErrors?.vehicleNo).toBeDefined();

    const late = new Date(new Date(bill.validUntil!).getTime() + HOUR);
    expect((await rejects(updatePartB(at(shop, late), bill.id, { vehicleNo: "MH14CD1111", reasonCode: 3, reasonRem: "x" }))).message).toMatch(/expired/);
    const sandbox = createSandboxEwayBill({ db: prisma, now: () => late });
    await expect(sandbox.updatePartB({ ewbNo: bill.ewbNo!, vehicleNo: "MH14CD1111", fromPlace: "Pune", fromState: 27, reasonCode: 3, reasonRem: "x", transMode: "1" })).rejects.toMatchObject({ code: EWB_EXPIRED });
    await expect(sandbox.updateTransporter({ ewbNo: bill.ewbNo!, transporterId: "27AABCR1718E1ZS" })).rejects.toMatchObject({ code: EWB_EXPIRED });
  });

  it("extension only from 8 hours before to 8 hours after expiry; the expiry job marks it, and an extension revives it", async () => {
    const shop = await docsShop();
    const { bill } = await generatedOnTrip(shop, 150);
    const until = new Date(bill.validUntil!).getTime();
    const ext = { remainingDistance: 60, reasonCode: 5, remarks: "Accident on the highway", consignmentStatus: "M" };
    expect((await rejects(extendValidity(at(shop, new Date(until - 9 * HOUR)), bill.id, ext))).message).toMatch(/8 hours/);
    const sandbox = createSandboxEwayBill({ db: prisma, now: () => new Date(until - 9 * HOUR) });
    await expect(sandbox.extendValidity({ ewbNo: bill.ewbNo!, fromPlace: "Pune", fromState: 27, fromPincode: 410501, remainingDistance: 60, transMode: "1", vehicleNo: bill.vehicleNo!, extnRsnCode: 5, extnRemarks: "x", consignmentStatus: "M" })).rejects.toMatchObject({ code: EWB_EXTEND_WINDOW });
    expect((await rejects(extendValidity(at(shop, new Date(until - 2 * HOUR)), bill.id, { ...ext, remainingDistance: 900 }))).fieldErrors?.remainingDistance).toBeDefined();

    const expiredAt = new Date(until + 2 * HOUR);
    expect(await expireEwayBills({ now: () => expiredAt })).toMatchObject({ expired: expect.any(Number) });
    expect((await getEwayBillOrThrow(at(shop, expiredAt), bill.id)).status).toBe("EXPIRED");
    expect((await prisma.invoice.findFirstOrThrow({ where: { ewayBillNo: bill.ewbNo } }).catch(() => null))).toBeNull();
    await extendValidity(at(shop, expiredAt), bill.id, ext);
    await runJobs(shop.co, expiredAt);
    const after = await getEwayBillOrThrow(at(shop, expiredAt), bill.id);
    expect(after).toMatchObject({ status: "GENERATED", extendedTimes: 1, validUntil: ewayBillValidity(60, expiredAt).validUntil.toISOString() });
  });

  it("cancel only within 24 hours of generation (our check and the sandbox's); cancelled bills take no Part B", async () => {
    const shop = await docsShop();
    const { bill, invoice } = await generatedOnTrip(shop, 150);
    const day = new Date(T0.getTime() + 25 * HOUR);
    expect((await rejects(cancelEwayBill(at(shop, day), bill.id, { reasonCode: 2, remark: "Order cancelled" }))).message).toMatch(/24 hours/);
    const late = createSandboxEwayBill({ db: prisma, now: () => day });
    const refusal = await late.cancel({ ewbNo: bill.ewbNo!, cancelRsnCode: 2, cancelRmrk: "x" }).catch((e: EwbError) => e);
    expect(refusal).toMatchObject({ code: EWB_CANCEL_WINDOW_PASSED });
    expect((await rejects(cancelEwayBill(at(shop, T0), bill.id, { reasonCode: 9, remark: "x" }))).fieldErrors?.reasonCode).toBeDefined();

    const soon = new Date(T0.getTime() + 2 * HOUR);
    await cancelEwayBill(at(shop, soon), bill.id, { reasonCode: 2, remark: "Order cancelled" });
    await runJobs(shop.co, soon);
    expect(await getEwayBillOrThrow(at(shop, soon), bill.id)).toMatchObject({ status: "CANCELLED", cancelReason: "2: Order cancelled" });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).ewayBillNo).toBeNull();
    expect((await rejects(updatePartB(at(shop, soon), bill.id, { vehicleNo: "MH14CD1111", reasonCode: 3, reasonRem: "x" }))).code).toBe("invalid_transition");
    await expect(createSandboxEwayBill({ db: prisma, now: () => soon }).updatePartB({ ewbNo: bill.ewbNo!, vehicleNo: "MH14CD1111", fromPlace: "Pune", fromState: 27, reasonCode: 3, reasonRem: "x", transMode: "1" })).rejects.toMatchObject({ code: "312" });
    // A new bill may be asked for the document once the old one is cancelled.
    await requestEwayBill(at(shop, soon), { invoiceId: invoice.id, distanceKm: 150, vehicleNo: "MH14CD2222" });
    expect(await runJobs(shop.co, soon)).toEqual(["done"]);
  });

  it("the trip updates Part B of all its bills: first time for bills without a vehicle, skips those already on it", async () => {
    const shop = await docsShop();
    const { trip, vehicle, bill } = await generatedOnTrip(shop, 150);
    const other = await invoicedShipment(shop);
    await requestEwayBill(at(shop, T0), { invoiceId: other.invoice.id, shipmentId: other.shipment.id, distanceKm: 150, transporterId: "27AABCR1718E1ZS" });
    await runJobs(shop.co, T0);
    const partA = await prisma.ewayBill.findFirstOrThrow({ where: { invoiceId: other.invoice.id } });
    expect(partA).toMatchObject({ status: "GENERATED", vehicleNo: null, validUntil: null });
    await prisma.shipment.update({ where: { id: other.shipment.id }, data: { currentTripId: trip.id } });
    const r = await updatePartBForTrip(at(shop, T0), trip.id);
    expect(r.queued).toEqual([partA.id]);
    expect(r.skipped).toEqual([{ ewbNo: bill.ewbNo, why: "Already on this vehicle" }]);
    const t1 = new Date(T0.getTime() + HOUR);
    await runJobs(shop.co, t1);
    const done = await getEwayBillOrThrow(at(shop, t1), partA.id);
    expect(done).toMatchObject({ vehicleNo: vehicle.registrationNo, transDocNo: trip.number, validUntil: ewayBillValidity(150, t1).validUntil.toISOString() });
    expect(done.vehicles.map((v) => v.reasonCode)).toEqual([4]);
    await updateTransporter(at(shop, t1), partA.id, { transporterId: "27aabcr1718e1zs", transporterName: "Ganesh Roadways" });
    await runJobs(shop.co, t1);
    expect((await getEwayBillOrThrow(at(shop, t1), partA.id)).transporterName).toBe("Ganesh Roadways");
  });

  it("starting the trip gives its bills Part B (the trip's vehicle, its number as LR), queued with the dispatch", async () => {
    const shop = await docsShop();
    const { trip, vehicle } = await insertTrip(shop, { date: "2026-11-20" });
    const { order, invoice, shipment } = await invoicedShipment(shop);
    await requestEwayBill(at(shop, T0), { invoiceId: invoice.id, shipmentId: shipment.id, distanceKm: 120, transporterId: "27AABCR1718E1ZS" });
    await runJobs(shop.co, T0);
    const partA = await prisma.ewayBill.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(partA).toMatchObject({ status: "GENERATED", vehicleNo: null });
    // The trip as the dispatcher leaves it: a driver, the shipment at its stop, the order invoiced in full.
    const driver = await prisma.driver.create({ data: { companyId: shop.co, name: "Sachin More", phone: "9860277405", licenceNo: "MH1420120087741" } });
    await prisma.deliveryTrip.update({ where: { id: trip.id }, data: { driverId: driver.id } });
    const stop = await prisma.tripStop.create({ data: { tripId: trip.id, companyId: shop.co, sequence: 1, name: shipment.shipToName, addressLine: shipment.shipToLine1, city: shipment.shipToCity, pincode: shipment.shipToPincode } });
    await prisma.tripStopShipment.create({ data: { stopId: stop.id, shipmentId: shipment.id, companyId: shop.co } });
    await prisma.shipment.update({ where: { id: shipment.id }, data: { currentTripId: trip.id } });
    for (const l of await prisma.orderLine.findMany({ where: { orderId: order.id } })) await prisma.orderLine.update({ where: { id: l.id }, data: { invoicedQty: l.quantity } });
    const t1 = new Date(T0.getTime() + HOUR);
    await startTrip(at(shop, t1), trip.id);
    expect(await prisma.ewayBillOperation.findMany({ where: { ewayBillId: partA.id, status: "PENDING" }, select: { action: true } })).toEqual([{ action: "VEHICLE" }]);
    await runJobs(shop.co, t1);
    expect(await getEwayBillOrThrow(at(shop, t1), partA.id)).toMatchObject({ vehicleNo: vehicle.registrationNo, transDocNo: trip.number });
  });

  it("a refused generation fails the bill with the reason and frees the document", async () => {
    const shop = await docsShop();
    const { invoice, shipment } = await invoicedShipment(shop);
    const b = await requestEwayBill(at(shop, T0), { shipmentId: shipment.id, distanceKm: 100, vehicleNo: "MH12AB1234" });
    // The sandbox already holds a live bill for this document (as after a lost answer): 604.
    const sandbox = createSandboxEwayBill({ db: prisma, now: () => T0 });
    await sandbox.generate((await prisma.ewayBill.findUniqueOrThrow({ where: { id: b.id } })).payload as never);
    expect(await runJobs(shop.co, T0)).toEqual(["failed"]);
    const failed = await getEwayBillOrThrow(at(shop, T0), b.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toMatch(/604/);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).ewayBillNo).toBeNull();
  });
});

describe("bad input and tenancy", () => {
  it("bad inputs are 4xx naming the field and write nothing; another company's ids are 404", async () => {
    const a = await docsShop();
    const b = await docsShop();
    const { bill, shipment, invoice, trip } = await generatedOnTrip(a, 150);
    const before = await prisma.ewayBill.count({ where: { companyId: a.co } });
    const cases: [Record<string, unknown>, string][] = [
      [{ shipmentId: shipment.id, distanceKm: -1 }, "distanceKm"],
      [{ shipmentId: shipment.id, distanceKm: 4001 }, "distanceKm"],
      [{ distanceKm: 10 }, "invoiceId"],
      [{ invoiceId: invoice.id, challanId: "x", distanceKm: 10 }, "challanId"],
      [{ invoiceId: invoice.id, distanceKm: 10, transporterId: "NOTATRANSPORTER" }, "transporterId"],
      [{ invoiceId: invoice.id, distanceKm: 10, surprise: true }, ""],
    ];
    for (const [input, field] of cases) {
      const e = await rejects(requestEwayBill(at(a, T0), input));
      expect(e.status, JSON.stringify(input)).toBe(400);
      if (field) expect(Object.keys(e.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    // Cancelled bill frees the document for the JSON check to run: a bad vehicle is named.
    await cancelEwayBill(at(a, T0), bill.id, { reasonCode: 1, remark: "Duplicate" });
    await runJobs(a.co, T0);
    const bad = await rejects(requestEwayBill(at(a, T0), { invoiceId: invoice.id, distanceKm: 10, vehicleNo: "ZZ12AB1234" }));
    expect(bad.fieldErrors?.vehicleNo?.[0]).toMatch(/state code/);
    expect(await prisma.ewayBill.count({ where: { companyId: a.co } })).toBe(before);

    for (const p of [() => getEwayBillOrThrow(b.staff, bill.id), () => updatePartB(b.staff, bill.id, { vehicleNo: "MH12AB1234", reasonCode: 1, reasonRem: "x" }), () => cancelEwayBill(b.staff, bill.id, { reasonCode: 1, remark: "x" }), () => extendValidity(b.staff, bill.id, { remainingDistance: 10, reasonCode: 1, remarks: "x", consignmentStatus: "M" }), () => updateTransporter(b.staff, bill.id, { transporterId: "27AABCR1718E1ZS" }), () => requestEwayBill(b.staff, { shipmentId: shipment.id, distanceKm: 10 }), () => requestEwayBill(b.staff, { invoiceId: invoice.id, distanceKm: 10, vehicleNo: "MH12AB1234" }), () => generateEwayBillsForShipment(b.staff, shipment.id, { distanceKm: 10 }), () => updatePartBForTrip(b.staff, trip.id)]) {
      expect((await rejects(p())).code).toBe("not_found");
    }
    const token = (await issueTokenPair(prisma, b.owner)).accessToken;
    expect((await call(billRoute.GET, { token, params: { id: bill.id } })).status).toBe(404);
    expect((await call(partBRoute.POST, { method: "POST", token, params: { id: bill.id }, body: { vehicleNo: "MH12AB1234", reasonCode: 1, reasonRem: "x" } })).status).toBe(404);
    const r = await call(billsRoute.POST, { method: "POST", token, body: { shipmentId: shipment.id, distanceKm: "ten" } });
    expect(r.status).toBe(400);
    expect(r.json.errors.distanceKm).toBeDefined();
    const list = await call(billsRoute.GET, { token, path: "/api/v1/eway-bills?expiring=1" });
    expect(list.json).toMatchObject({ data: [], total: 0 });
  });
});
