// Delivery challans on a real PostgreSQL: the gapless DC series (also under concurrency), stock transfers
// within a state only, consignees, links to stock transfers and shipments, cancel rules, the PDF, the API
// doors, bad input naming the field with nothing written, and another company's ids answering 404.
import { describe, expect, it } from "vitest";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { cancelChallan } from "@/lib/logistics/challans/cancel-challan";
import { getChallanOrThrow, listChallans } from "@/lib/logistics/challans/challan-views";
import { createChallan } from "@/lib/logistics/challans/create-challan";
import { getChallanPdf } from "@/lib/logistics/challans/get-challan-pdf";
import { createTransfer } from "@/lib/inventory/transfers";
import { financialYearLabel } from "@/lib/inventory/numbering";
import * as challansRoute from "@/app/api/v1/challans/route";
import * as challanRoute from "@/app/api/v1/challans/[id]/route";
import * as cancelRoute from "@/app/api/v1/challans/[id]/cancel/route";
import * as pdfRoute from "@/app/api/v1/challans/[id]/pdf/route";
import { call } from "../support/http";
import { readPdf } from "../support/pdf-text";
import { rejects } from "../support/rejects";
import { docsShop, insertShipment, type DocsShop } from "../support/logistics-docs-factories";

const fy = financialYearLabel(new Date());
const transfer = (shop: DocsShop, extra: Record<string, unknown> = {}) => ({ reason: "STOCK_TRANSFER", fromWarehouseId: shop.wh.id, toWarehouseId: shop.nashik.id, lines: [{ productId: shop.product.id, quantity: "10" }], ...extra });
const count = (co: string) => prisma.deliveryChallan.count({ where: { companyId: co } });

describe("issuing delivery challans", () => {
  it("a stock transfer within the state: DC series, own GSTIN both sides, valued at cost, GST for information", async () => {
    const shop = await docsShop();
    const c = await createChallan(shop.staff, transfer(shop));
    expect(c.number).toBe(`DC/${fy}/00001`);
    expect(c.number.length).toBeLessThanOrEqual(16);
    expect(c).toMatchObject({ reason: "STOCK_TRANSFER", status: "ISSUED", taxType: "intra", taxableTotal: "8000.00", cgstTotal: "720.00", sgstTotal: "720.00", igstTotal: "0.00", totalValue: "9440.00" });
    expect(c.consignor).toMatchObject({ gstin: shop.company.gstin, city: "Pune", pincode: "410501" });
    expect(c.consignee).toMatchObject({ gstin: shop.company.gstin, city: "Nashik", pincode: "422010" });
    expect(c.lines).toEqual([expect.objectContaining({ hsnCode: "19059020", quantity: "10", unit: "PCS", rate: "800.00", taxableValue: "8000.00", gstRate: "18" })]);
    const audit = await prisma.auditLog.findFirst({ where: { companyId: shop.co, action: "delivery_challan.issue", entityId: c.id } });
    expect(audit).not.toBeNull();
  });

  it("numbers stay gapless when two are issued at once and one in between fails", async () => {
    const shop = await docsShop();
    const [a, b] = await Promise.all([createChallan(shop.staff, transfer(shop)), createChallan(shop.staff, transfer(shop))]);
    await rejects(createChallan(shop.staff, transfer(shop, { lines: [{ productId: "nope", quantity: "1" }] })));
    const c = await createChallan(shop.staff, transfer(shop));
    expect([a.number, b.number].sort()).toEqual([`DC/${fy}/00001`, `DC/${fy}/00002`]);
    expect(c.number).toBe(`DC/${fy}/00003`);
  });

  it("goods counted in pieces go whole: half a piece is refused naming the line and the unit, nothing written", async () => {
    const shop = await docsShop();
    const e = await rejects(createChallan(shop.staff, transfer(shop, { lines: [{ productId: shop.product.id, quantity: "2.5" }] })));
    expect(e).toMatchObject({ code: "validation", fieldErrors: { "lines.0.quantity": ["Quantity must be a whole number of PCS"] } });
    expect(await count(shop.co)).toBe(0);
  });

  it("an inter-state transfer is a supply: refused, naming the warehouse, nothing written", async () => {
    const shop = await docsShop();
    const e = await rejects(createChallan(shop.staff, transfer(shop, { toWarehouseId: shop.blr.id })));
    expect(e.code).toBe("validation");
    expect(e.fieldErrors?.toWarehouseId).toBeDefined();
    expect(e.message).toMatch(/tax invoice/);
    expect(await count(shop.co)).toBe(0);
    expect(await prisma.documentSequence.count({ where: { companyId: shop.co, series: "DC" } })).toBe(0);
  });

  it("job work to a named consignee and approval to a retailer; other reasons need a note", async () => {
    const shop = await docsShop();
    const jw = await createChallan(shop.staff, { reason: "JOB_WORK", reasonNote: "Repacking into 500 g pouches", fromWarehouseId: shop.wh.id, consignee: { name: "Sai Packers", gstin: "24AAQCA8719H1ZC", address1: "5 GIDC", city: "Vapi", stateCode: "24", pincode: "396195" }, lines: [{ productId: shop.product.id, quantity: "5", rate: "700" }] });
    expect(jw).toMatchObject({ taxType: "inter", taxableTotal: "3500.00", igstTotal: "630.00", totalValue: "4130.00" });
    const ap = await createChallan(shop.staff, { reason: "APPROVAL", fromWarehouseId: shop.wh.id, connectionId: shop.connection.id, lines: [{ productId: shop.product.id, quantity: "1" }] });
    expect(ap.consignee).toMatchObject({ gstin: shop.retailer.gstin, city: shop.retailer.city });
    expect(ap.lines[0]!.rate).toBe("1000.00");
    const e = await rejects(createChallan(shop.staff, { reason: "OTHER", fromWarehouseId: shop.wh.id, connectionId: shop.connection.id, lines: [{ productId: shop.product.id, quantity: "1" }] }));
    expect(e.fieldErrors?.reasonNote).toBeDefined();
    const bad = await rejects(createChallan(shop.staff, { reason: "JOB_WORK", fromWarehouseId: shop.wh.id, consignee: { name: "X", gstin: "24AAQCA8719H1ZD", address1: "a", city: "Vapi", stateCode: "24", pincode: "396195" }, lines: [{ productId: shop.product.id, quantity: "1" }] }));
    expect(bad.fieldErrors?.["consignee.gstin"]).toBeDefined();
  });

  it("takes the lines of a stock transfer it carries", async () => {
    const shop = await docsShop();
    const t = await createTransfer(shop.staff, { fromWarehouseId: shop.wh.id, toWarehouseId: shop.nashik.id, lines: [{ productId: shop.product.id, quantity: "3" }] });
    const c = await createChallan(shop.staff, { reason: "STOCK_TRANSFER", fromWarehouseId: shop.wh.id, stockTransferId: t.id });
    expect(c.stockTransfer).toEqual({ id: t.id, number: t.number });
    expect(c.toWarehouse?.id).toBe(shop.nashik.id);
    expect(c.lines.map((l) => l.quantity)).toEqual(["3"]);
  });

  it("links a shipment of a matching kind, once", async () => {
    const shop = await docsShop();
    const supply = await insertShipment(shop);
    const e = await rejects(createChallan(shop.staff, transfer(shop, { shipmentId: supply.id })));
    expect(e.fieldErrors?.shipmentId).toBeDefined();
    const st = await insertShipment(shop, { kind: "STOCK_TRANSFER", toWarehouseId: shop.nashik.id });
    const c = await createChallan(shop.staff, transfer(shop, { shipmentId: st.id }));
    expect(c.shipment?.id).toBe(st.id);
    expect((await rejects(createChallan(shop.staff, transfer(shop, { shipmentId: st.id })))).code).toBe("conflict");
  });
});

describe("cancelling a challan", () => {
  it("needs a reason, happens once, keeps the number used, and refuses once the goods left", async () => {
    const shop = await docsShop();
    const c = await createChallan(shop.staff, transfer(shop));
    expect((await rejects(cancelChallan(shop.staff, c.id, {}))).fieldErrors?.reason).toBeDefined();
    const done = await cancelChallan(shop.staff, c.id, { reason: "Wrong warehouse" });
    expect(done).toMatchObject({ status: "CANCELLED", cancelReason: "Wrong warehouse" });
    expect((await rejects(cancelChallan(shop.staff, c.id, { reason: "again" }))).code).toBe("invalid_transition");
    expect((await createChallan(shop.staff, transfer(shop))).number).toBe(`DC/${fy}/00002`);

    const moving = await insertShipment(shop, { kind: "STOCK_TRANSFER", toWarehouseId: shop.nashik.id });
    const onIt = await createChallan(shop.staff, transfer(shop, { shipmentId: moving.id }));
    await prisma.shipment.update({ where: { id: moving.id }, data: { status: "DISPATCHED", dispatchedAt: new Date() } });
    expect((await rejects(cancelChallan(shop.staff, onIt.id, { reason: "x" }))).message).toMatch(/already left/);
  });

  it("is refused while an e-way bill on it is live", async () => {
    const shop = await docsShop();
    const c = await createChallan(shop.staff, transfer(shop));
    await prisma.ewayBill.create({ data: { companyId: shop.co, challanId: c.id, docType: "CHL", docNo: c.number, docDate: new Date(`${c.challanDate}T00:00:00Z`), status: "GENERATED", ewbNo: "331000000001", distanceKm: 200, fromPlace: "Pune", fromStateCode: "27", fromPincode: "410501", totalValue: c.totalValue, payload: {}, provider: "sandbox" } });
    const e = await rejects(cancelChallan(shop.staff, c.id, { reason: "x" }));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/331000000001/);
  });
});

describe("the PDF and the list", () => {
  it("prints the challan in triplicate with the ₹ sign, and lists and searches", async () => {
    const shop = await docsShop();
    const c = await createChallan(shop.staff, transfer(shop));
    const pdf = await getChallanPdf(shop.staff, c.id);
    if (pdf.notModified) throw new Error("expected the bytes");
    expect(pdf.filename).toBe(`DC-${fy}-00001.pdf`);
    expect(pdf.rendered).toBe(true);
    const facts = readPdf(pdf.bytes);
    expect(facts.pageCount).toBe(3);
    expect(facts.text).toContain("DELIVERY CHALLAN");
    expect(facts.text).toContain(c.number);
    expect(facts.text).toContain("Duplicate for transporter");
    // The three copies are numbered as one document.
    expect(facts.pages.map((page) => page.match(/Page \d of \d/)?.[0])).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
    expect(facts.codesFor("₹").length).toBeGreaterThan(0);
    expect((await listChallans(shop.staff, { q: "00001" })).data.map((x) => x.id)).toEqual([c.id]);
    expect((await listChallans(shop.staff, { status: "CANCELLED" })).total).toBe(0);
  });
});

describe("the stored PDF", () => {
  it("is rendered once and then served from storage with its ETag; a cancellation renders it again once, with the mark", async () => {
    const shop = await docsShop();
    const c = await createChallan(shop.staff, transfer(shop));
    const first = await getChallanPdf(shop.staff, c.id);
    const again = await getChallanPdf(shop.staff, c.id);
    if (first.notModified || again.notModified) throw new Error("expected the bytes");
    expect([first.rendered, again.rendered]).toEqual([true, false]);
    expect(again.sha256).toBe(first.sha256);
    expect(Buffer.compare(again.bytes, first.bytes)).toBe(0);
    const row = await prisma.challanPdf.findUniqueOrThrow({ where: { challanId: c.id } });
    expect(row).toMatchObject({ companyId: shop.co, sha256: first.sha256, size: first.bytes.length });
    // The browser's copy is current: 304 without reading the storage.
    expect(await getChallanPdf(shop.staff, c.id, { ifNoneMatch: `"${first.sha256}"` })).toEqual({ notModified: true, sha256: first.sha256, filename: first.filename });
    // Over HTTP: the ETag, and 304 for it.
    const token = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const get = (headers: Record<string, string> = {}) =>
      pdfRoute.GET(new Request(`http://localhost/api/v1/challans/${c.id}/pdf`, { headers: { authorization: `Bearer ${token}`, ...headers } }), { params: Promise.resolve({ id: c.id }) });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("etag")).toBe(`"${first.sha256}"`);
    expect((await get({ "if-none-match": `"${first.sha256}"` })).status).toBe(304);

    await cancelChallan(shop.staff, c.id, { reason: "Transfer called off" });
    const cancelled = await getChallanPdf(shop.staff, c.id, { ifNoneMatch: `"${first.sha256}"` });
    if (cancelled.notModified) throw new Error("a cancelled challan's old PDF is not current");
    expect(cancelled.rendered).toBe(true);
    expect(cancelled.sha256).not.toBe(first.sha256);
    expect(readPdf(cancelled.bytes).text).toContain("CANCELLED");
    const after = await getChallanPdf(shop.staff, c.id);
    expect(after.notModified ? null : after.rendered).toBe(false);
    expect((await prisma.challanPdf.findUniqueOrThrow({ where: { challanId: c.id } })).sha256).toBe(cancelled.sha256);
  });
});

describe("tenancy and the API doors", () => {
  it("another company's challan, warehouse or shipment is 404; the API names bad fields and writes nothing", async () => {
    const a = await docsShop();
    const b = await docsShop();
    const c = await createChallan(a.staff, transfer(a));
    for (const p of [() => getChallanOrThrow(b.staff, c.id), () => cancelChallan(b.staff, c.id, { reason: "x" }), () => getChallanPdf(b.staff, c.id), () => createChallan(b.staff, transfer(b, { fromWarehouseId: a.wh.id }))]) {
      expect((await rejects(p())).code).toBe("not_found");
    }
    const shipA = await insertShipment(a, { kind: "STOCK_TRANSFER" });
    expect((await rejects(createChallan(b.staff, transfer(b, { shipmentId: shipA.id })))).code).toBe("not_found");

    const token = (await issueTokenPair(prisma, b.owner)).accessToken;
    expect((await call(challanRoute.GET, { token, params: { id: c.id } })).status).toBe(404);
    expect((await call(cancelRoute.POST, { method: "POST", token, params: { id: c.id }, body: { reason: "x" } })).status).toBe(404);
    expect((await call(pdfRoute.GET, { token, params: { id: c.id } })).status).toBe(404);
    const before = await count(b.co);
    const bad = await call(challansRoute.POST, { method: "POST", token, body: { reason: "STOCK_TRANSFER", fromWarehouseId: b.wh.id, toWarehouseId: b.nashik.id, lines: [{ productId: b.product.id, quantity: "-2" }], extra: 1 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors)).toEqual(expect.arrayContaining(["lines.0.quantity"]));
    expect(await count(b.co)).toBe(before);
    const ok = await call(challansRoute.POST, { method: "POST", token, body: transfer(b) });
    expect(ok.status).toBe(201);
    expect(ok.json.number).toBe(`DC/${fy}/00001`);
    const raw = await pdfRoute.GET(new Request(`http://localhost/api/v1/challans/${ok.json.id}/pdf?download=1`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: ok.json.id }) });
    expect(raw.headers.get("content-type")).toBe("application/pdf");
    expect(raw.headers.get("content-disposition")).toContain("attachment");
  });
});
