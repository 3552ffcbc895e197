// E-invoicing end to end on a real database: the local IRP sandbox generates the IRN and signs the
// QR, a lost response recovers the same IRN, invalid documents fail in words, cancellation works
// within 24 hours only (then a credit note is the way), cancelling gives money and order quantities
// back, other tenants reach nothing, and the NIC driver talks to a fake NIC over HTTP.
import { importSPKI, jwtVerify } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { allocate } from "@/lib/billing/allocations";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { cancelEInvoiceAtIrp } from "@/lib/billing/einvoice/cancel-einvoice-at-irp";
import { getEInvoiceJson } from "@/lib/billing/einvoice/get-einvoice-json";
import { getEwayBillJson } from "@/lib/billing/einvoice/eway-bill";
import { requestEInvoice } from "@/lib/billing/einvoice/request-einvoice";
import { submitEInvoice } from "@/lib/billing/einvoice/submit-einvoice";
import { emailInvoice } from "@/lib/billing/email-invoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { renderInvoicePdfJob } from "@/lib/billing/render-invoice-pdf-job";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { computeIrn } from "@/lib/integrations/gst/einvoice/irn";
import { IrpError } from "@/lib/integrations/gst/einvoice/irp-client";
import { createSandboxIrp, sandboxPublicKeyPem } from "@/lib/integrations/gst/einvoice/sandbox";
import { pdfsDrawn, stopRenderPool } from "@/lib/pdf/render-pool";
import { insertInvoiceRow } from "../support/billing-factories";
import { orderIn, orderShop, stockedProduct, type Shop } from "../support/order-factories";
import { rejects } from "../support/rejects";
import { prismaRunner } from "@/lib/db/sql-runner";

const job = { finalAttempt: false };
afterAll(() => stopRenderPool());
const HOUR = 3600_000;

async function pendingInvoice(shop: Shop, opts: Parameters<typeof insertInvoiceRow>[1] = { grandTotal: "1180.00", issueDate: "2026-11-20" }) {
  const inv = await insertInvoiceRow(shop, opts);
  await prisma.invoice.update({ where: { id: inv.id }, data: { eInvoiceStatus: "PENDING" } });
  return inv;
}

/** An invoice e-invoiced by the sandbox at `at`. */
async function generatedInvoice(shop: Shop, at: Date) {
  const inv = await pendingInvoice(shop);
  expect(await submitEInvoice(inv.id, job, { now: () => at })).toBe("generated");
  return prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } });
}

describe("generating an IRN with the local IRP sandbox", () => {
  it("stores the IRN (= computeIrn), ack and a QR JWT that verifies with the sandbox key", async () => {
    const shop = await orderShop();
    const at = new Date("2026-11-20T06:30:15.400Z");
    const inv = await generatedInvoice(shop, at);
    expect(inv.eInvoiceStatus).toBe("GENERATED");
    expect(inv.eInvoiceError).toBeNull();
    expect(inv.irn).toMatch(/^[0-9a-f]{64}$/);
    expect(inv.irn).toBe(computeIrn(shop.company.gstin!, inv.issueDate, "INV", inv.number));
    expect(inv.ackNo).toMatch(/^\d{15}$/);
    expect(inv.ackDate).toEqual(new Date("2026-11-20T06:30:15.000Z"));

    const key = await importSPKI(await sandboxPublicKeyPem(prisma), "RS256");
    const { payload, protectedHeader } = await jwtVerify(inv.signedQrCode!, key, { issuer: "NIC Sandbox" });
    expect(protectedHeader.alg).toBe("RS256");
    expect(JSON.parse(payload.data as string)).toEqual({
      SellerGstin: shop.company.gstin,
      BuyerGstin: shop.retailer.gstin,
      DocNo: inv.number,
      DocTyp: "INV",
      DocDt: "20/11/2026",
      TotInvVal: 1180,
      ItemCnt: 1,
      MainHsnCode: "19059020",
      Irn: inv.irn,
      IrnDt: "2026-11-20 12:00:15",
    });
    const signed = await jwtVerify(inv.signedInvoice!, key);
    expect(JSON.parse(signed.payload.data as string)).toMatchObject({ Version: "1.1", Irn: inv.irn, AckNo: inv.ackNo, DocDtls: { No: inv.number } });

    // A second delivery of the same job changes nothing.
    expect(await submitEInvoice(inv.id, job, { now: () => at })).toBe("skipped");
  });

  it("a retry after a lost response recovers the same IRN (the IRP answers duplicate 2150)", async () => {
    const shop = await orderShop();
    const first = await generatedInvoice(shop, new Date("2026-11-20T06:00:00Z"));
    // As if our write of the answer had never happened.
    await prisma.invoice.update({ where: { id: first.id }, data: { eInvoiceStatus: "PENDING", irn: null, ackNo: null, ackDate: null, signedInvoice: null, signedQrCode: null } });
    expect(await submitEInvoice(first.id, job, { now: () => new Date("2026-11-20T07:00:00Z") })).toBe("recovered");
    const again = await prisma.invoice.findUniqueOrThrow({ where: { id: first.id } });
    expect([again.eInvoiceStatus, again.irn, again.ackNo, again.ackDate]).toEqual(["GENERATED", first.irn, first.ackNo, first.ackDate]);
    expect(again.signedQrCode).toBe(first.signedQrCode);
  });

  it("an invalid document fails with the problems in words and is not retried", async () => {
    const shop = await orderShop();
    const inv = await pendingInvoice(shop, { grandTotal: "1180.00", issueDate: "2026-11-20", hsnCode: "19059" });
    expect(await submitEInvoice(inv.id, job)).toBe("invalid");
    const row = await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.eInvoiceStatus).toBe("FAILED");
    expect(row.eInvoiceError).toBe('The e-invoice was not sent: Item 1: HSN "19059" must be 4, 6 or 8 digits');
    expect(row.irn).toBeNull();
    const view = await getEInvoiceJson(shop.staff, inv.id);
    expect(view.irpMode).toBe("SANDBOX");
    expect(view.problems).toEqual([{ path: "ItemList[0].HsnCd", message: 'Item 1: HSN "19059" must be 4, 6 or 8 digits', level: "error" }]);
  });

  it("staff re-queue a failed or not-reported document; an e-invoiced one is refused", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    expect(await requestEInvoice(shop.staff, inv.id)).toEqual({ id: inv.id, eInvoiceStatus: "PENDING" });
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'einvoice-generate' AND data->>'invoiceId' = ${inv.id}`;
    expect(jobs[0]!.n).toBe(1);
    expect((await rejects(requestEInvoice(shop.staff, inv.id))).message).toMatch(/already waiting for the IRP/);
    await submitEInvoice(inv.id, job);
    expect((await rejects(requestEInvoice(shop.staff, inv.id))).message).toMatch(/already has an IRN; a document number never gets a second one/);
    const sales = await shop.staffAs("SALES");
    expect((await rejects(requestEInvoice(sales, inv.id))).code).toBe("forbidden");
  });
});

describe("an e-invoiced document is drawn and mailed once its IRN is on it", () => {
  const jobsOf = async (invoiceId: string) =>
    (await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.job WHERE data->>'invoiceId' = ${invoiceId} ORDER BY name`).map((j) => j.name);
  async function mailingShop(eInvoiceEnabled: boolean) {
    const shop = await orderShop();
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { email: `accounts-${shop.retailer.id}@kirana.example` } });
    await prisma.billingSettings.create({ data: { companyId: shop.co, eInvoiceEnabled, emailOnIssue: true } });
    const p = await stockedProduct(shop, 10);
    return { shop, issue: () => issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] }) };
  }

  it("without e-invoicing the PDF and the mail are queued at issue", async () => {
    const { issue } = await mailingShop(false);
    expect(await jobsOf((await issue()).id)).toEqual(["invoice-email", "invoice-pdf"]);
  });

  it("with e-invoicing only the IRP job is queued at issue; the IRN's arrival queues the PDF (drawn once, with it) and the mail", async () => {
    const { shop, issue } = await mailingShop(true);
    const drawnBefore = pdfsDrawn();
    const inv = await issue();
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } })).eInvoiceStatus).toBe("PENDING");
    expect(await jobsOf(inv.id)).toEqual(["einvoice-generate"]);
    expect(await submitEInvoice(inv.id, job)).toBe("generated");
    expect(await jobsOf(inv.id)).toEqual(["einvoice-generate", "invoice-email", "invoice-pdf"]);
    expect(await renderInvoicePdfJob({ invoiceId: inv.id, companyId: shop.co })).toEqual({ rendered: true });
    // The stored PDF is current with the IRN on the document: the mail's attachment and downloads serve it.
    expect(await renderInvoicePdfJob({ invoiceId: inv.id, companyId: shop.co })).toEqual({ rendered: false });
    expect(pdfsDrawn() - drawnBefore).toBe(1);
    expect(await emailInvoice(inv.id)).toBe("queued");
  });

  it("a document the IRP refuses is still drawn, but not mailed without its IRN", async () => {
    const { shop } = await mailingShop(true);
    const inv = await pendingInvoice(shop, { grandTotal: "1180.00", issueDate: "2026-11-20", hsnCode: "19059" });
    expect(await submitEInvoice(inv.id, job)).toBe("invalid");
    expect(await jobsOf(inv.id)).toEqual(["invoice-pdf"]);
  });
});

describe("cancelling an e-invoiced document (24 hours)", () => {
  it("within 24 hours: cancelled now, the IRN cancelled at the IRP by the job (once)", async () => {
    const shop = await orderShop();
    const at = new Date("2026-11-20T06:00:00Z");
    const inv = await generatedInvoice(shop, at);
    const later = new Date(inv.ackDate!.getTime() + 23 * HOUR);
    const res = await cancelInvoice(makeCtx(shop.owner, { now: () => later }), inv.id, { reasonCode: 2, remark: "Wrong rate on line 1" });
    expect(res).toMatchObject({ status: "CANCELLED", eInvoiceStatus: "GENERATED", cancelReason: "Data entry mistake: Wrong rate on line 1" });
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'einvoice-cancel' AND data->>'invoiceId' = ${inv.id}`;
    expect(jobs[0]!.n).toBe(1);

    expect(await cancelEInvoiceAtIrp(inv.id, job, { now: () => later })).toBe("cancelled");
    const row = await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect([row.status, row.eInvoiceStatus]).toEqual(["CANCELLED", "CANCELLED"]);
    expect(row.irnCancelledAt).toEqual(later);
    const atIrp = await prisma.irpSandboxDocument.findUniqueOrThrow({ where: { irn: inv.irn! } });
    expect([atIrp.status, atIrp.cancelReason]).toEqual(["CNL", "2: Wrong rate on line 1"]);
    expect(await cancelEInvoiceAtIrp(inv.id, job, { now: () => later })).toBe("skipped");
    expect((await rejects(cancelInvoice(shop.staff, inv.id, { reasonCode: 1, remark: "Again" }))).code).toBe("invalid_transition");
  });

  it("at 24 h + 1 s refused with the credit-note guidance; at exactly 24 h allowed", async () => {
    const shop = await orderShop();
    const inv = await generatedInvoice(shop, new Date("2026-11-20T06:00:00Z"));
    const ack = inv.ackDate!.getTime();
    const late = makeCtx(shop.owner, { now: () => new Date(ack + 24 * HOUR + 1000) });
    const err = await rejects(cancelInvoice(late, inv.id, { reasonCode: 3, remark: "Order cancelled" }));
    expect(err.code).toBe("conflict");
    expect(err.message).toBe("IRN can no longer be cancelled (24 hours have passed). Issue a credit note instead.");
    expect(err.details).toMatchObject({ suggestion: "credit_note", irn: inv.irn, creditNoteUrl: `/invoices/${inv.id}/credit-note` });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("ISSUED");

    // The sandbox refuses a late cancellation on its own too.
    const irp = createSandboxIrp({ db: prisma, now: () => new Date(ack + 24 * HOUR + 1000) });
    await expect(irp.cancelIrn({ Irn: inv.irn!, CnlRsn: 3, CnlRem: "late" })).rejects.toMatchObject({ code: "2270" });

    const onTime = makeCtx(shop.owner, { now: () => new Date(ack + 24 * HOUR) });
    expect((await cancelInvoice(onTime, inv.id, { reasonCode: 3, remark: "Order cancelled" })).status).toBe("CANCELLED");
  });

  it("the remark and reason are checked, by field", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    const err = await rejects(cancelInvoice(shop.staff, inv.id, { reasonCode: 7, remark: "x".repeat(101) }));
    expect(err.code).toBe("validation");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["reasonCode", "remark"]);
  });
});

describe("what cancelling gives back", () => {
  it("payments go back on account, the order's invoiced quantities and total are reversed", async () => {
    const shop = await orderShop();
    const product = await stockedProduct(shop, 50);
    // Packed, not yet invoiced: the one invoice of its 3 units is the row below.
    const order = await orderIn(shop, "PACKED", product.id, 3);
    const orderLine = await prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20", orderId: order.id, orderLineId: orderLine.id, quantity: 3 });
    await prisma.orderLine.update({ where: { id: orderLine.id }, data: { invoicedQty: 3 } });
    await prisma.order.update({ where: { id: order.id }, data: { invoicedTotal: "1180.00" } });
    const payment = await prisma.payment.create({
      data: { companyId: shop.co, number: `RCT/26-27/${Date.now() % 1000000}`, kind: "RECEIPT", connectionId: shop.connection.id, retailerId: shop.retailer.id, method: "UPI", amount: "500.00", paidOn: new Date("2026-11-21T00:00:00Z") },
    });
    await prisma.$transaction((tx) => allocate(prismaRunner(tx), { companyId: shop.co, connectionId: shop.connection.id, source: { paymentId: payment.id }, target: { invoiceId: inv.id }, amount: "500.00" }));

    const res = await cancelInvoice(shop.staff, inv.id, { reasonCode: 3, remark: "Order cancelled by retailer" });
    expect(res).toMatchObject({ status: "CANCELLED", eInvoiceStatus: "NOT_REQUIRED", releasedAmount: "500.00" });
    expect(await prisma.allocation.count({ where: { invoiceId: inv.id } })).toBe(0);
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).allocatedAmount.toFixed(2)).toBe("0.00");
    expect((await prisma.orderLine.findUniqueOrThrow({ where: { id: orderLine.id } })).invoicedQty.toFixed(3)).toBe("0.000");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).invoicedTotal.toFixed(2)).toBe("0.00");
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, kind: "invoice_cancelled" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: inv.id, action: "invoice.cancel" } })).toBe(1);
  });

  it("refused while a credit note against it is issued, or an e-way bill is active", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    const note = await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-11-21", type: "CREDIT_NOTE", originalInvoiceId: inv.id });
    const err = await rejects(cancelInvoice(shop.staff, inv.id, { reasonCode: 4, remark: "Test" }));
    expect(err.code).toBe("conflict");
    expect(err.message).toContain(`has notes issued against it (${note.number}). Cancel those first.`);
    await cancelInvoice(shop.staff, note.id, { reasonCode: 4, remark: "Test" });
    await prisma.invoice.update({ where: { id: inv.id }, data: { ewayBillNo: "331009876543" } });
    expect((await rejects(cancelInvoice(shop.staff, inv.id, { reasonCode: 4, remark: "Test" }))).message).toMatch(/E-way bill 331009876543 is active/);
  });
});

describe("e-way bill JSON", () => {
  it("for a tax invoice above the threshold, with Part B and validity", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "59000.00", issueDate: "2026-11-20" });
    const ctx = makeCtx(shop.owner, { now: () => new Date("2026-11-20T04:30:00Z") });
    const view = await getEwayBillJson(ctx, inv.id, { vehicleNo: "MH12 AB 1234", distanceKm: "250" });
    expect(view).toMatchObject({ required: true, threshold: "50000.00", validityDays: 2, validUntil: "2026-11-22T18:29:59.000Z", problems: [] });
    expect(view.json).toMatchObject({ docNo: inv.number, vehicleNo: "MH12AB1234", totInvValue: 59000, transDistance: "250" });
    const small = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    expect((await getEwayBillJson(ctx, small.id, { distanceKm: 10, vehicleNo: "MH12AB1234" })).required).toBe(false);
    expect((await rejects(getEwayBillJson(ctx, inv.id, { distanceKm: -1 }))).fieldErrors?.distanceKm).toBeDefined();
  });
});

describe("tenancy", () => {
  it("another company's staff get not_found; retailers cannot reach the IRP screens", async () => {
    const a = await orderShop();
    const b = await orderShop();
    const inv = await insertInvoiceRow(a, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    const calls = [() => requestEInvoice(b.staff, inv.id), () => cancelInvoice(b.staff, inv.id, { reasonCode: 1, remark: "x" }), () => getEInvoiceJson(b.staff, inv.id), () => getEwayBillJson(b.staff, inv.id, { distanceKm: 10 })];
    for (const call of calls) expect((await rejects(call())).code).toBe("not_found");
    expect((await rejects(getEInvoiceJson(a.shopper, inv.id))).code).toBe("forbidden");
    expect((await rejects(cancelInvoice(b.shopper, inv.id, { reasonCode: 1, remark: "x" }))).code).toBe("forbidden");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("ISSUED");
  });
});

it("IrpError carries retryable and the existing IRN", () => {
  const e = new IrpError("2150", "Duplicate IRN", { existing: { Irn: "a".repeat(64), AckNo: "1", AckDt: "2026-11-20 10:00:00" } });
  expect([e.retryable, e.existing?.AckNo]).toEqual([false, "1"]);
});
