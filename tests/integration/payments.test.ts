// Payments: receipts allocated oldest first or by hand, advances, credit notes applied, refunds,
// voids, over-allocation under parallel receipts, permissions and tenancy.
import { describe, expect, it } from "vitest";
import { applyCreditNote, allocatePayment } from "@/lib/billing/allocate-payment";
import { getPaymentOrThrow } from "@/lib/billing/get-payment-or-throw";
import { listPayments } from "@/lib/billing/list-payments";
import { getOutstanding } from "@/lib/billing/outstanding";
import { recordPayment } from "@/lib/billing/record-payment";
import { recordRefund } from "@/lib/billing/record-refund";
import { voidPayment } from "@/lib/billing/void-payment";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser } from "../support/factories";
import { orderShop, type Shop } from "../support/order-factories";
import { rejects } from "../support/rejects";

const NOW = new Date("2026-12-15T06:00:00Z");

const settled = async (id: string) => (await prisma.invoice.findUniqueOrThrow({ where: { id } })).settledAmount.toFixed(2);
const pay = (shop: Shop, amount: string, extra: Record<string, unknown> = {}) =>
  recordPayment(shop.staff, { connectionId: shop.connection.id, amount, method: "CASH", paidOn: "2026-12-10", ...extra });

describe("recording receipts", () => {
  it("allocates oldest due first across three invoices, leaving a part payment on the newest", async () => {
    const shop = await orderShop({ now: NOW });
    const newest = await insertInvoiceRow(shop, { grandTotal: "3000.00", issueDate: "2026-11-20", dueDate: "2026-12-20" });
    const oldest = await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
    const middle = await insertInvoiceRow(shop, { grandTotal: "2000.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });

    const receipt = await pay(shop, "4500.00", { method: "UPI", reference: "UPI4123" });
    expect(receipt.number).toMatch(/^RCT\/26-27\/\d{6}$/);
    expect(receipt.kind).toBe("RECEIPT");
    expect(receipt.allocatedAmount).toBe("4500.00");
    expect(receipt.unallocatedAmount).toBe("0.00");
    expect(receipt.allocations.map((a) => [a.documentNumber, a.amount])).toEqual([
      [oldest.number, "1000.00"],
      [middle.number, "2000.00"],
      [newest.number, "1500.00"],
    ]);
    expect([await settled(oldest.id), await settled(middle.id), await settled(newest.id)]).toEqual(["1000.00", "2000.00", "1500.00"]);
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("1500.00");
    const audit = await prisma.auditLog.findFirst({ where: { entityType: "Payment", entityId: receipt.id, action: "payment.recorded" } });
    expect(audit?.actorUserId).toBe(shop.owner.userId);
  });

  it("allocates by hand, refuses more than is open or more than the receipt, and a reference where the method needs one", async () => {
    const shop = await orderShop({ now: NOW });
    const a = await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-10-01" });
    const b = await insertInvoiceRow(shop, { grandTotal: "2000.00", issueDate: "2026-11-01" });
    const r = await pay(shop, "1500.00", { allocations: [{ invoiceId: b.id, amount: "1200" }] });
    expect(r.allocations.map((x) => [x.documentId, x.amount])).toEqual([[b.id, "1200.00"]]);
    expect(r.unallocatedAmount).toBe("300.00");
    expect(await settled(a.id)).toBe("0.00");

    const over = await rejects(pay(shop, "5000.00", { allocations: [{ invoiceId: a.id, amount: "1000.01" }] }));
    expect(over.code).toBe("validation");
    expect(over.fieldErrors?.["allocations.0.amount"]?.[0]).toMatch(/Only ₹1,000.00 is open/);
    const sum = await rejects(pay(shop, "100.00", { allocations: [{ invoiceId: a.id, amount: "60" }, { invoiceId: b.id, amount: "60" }] }));
    expect(sum.fieldErrors?.allocations).toBeDefined();
    const cheque = await rejects(pay(shop, "100.00", { method: "CHEQUE" }));
    expect(cheque.fieldErrors?.reference?.[0]).toBe("Cheque number is required");
    const future = await rejects(pay(shop, "100.00", { paidOn: "2026-12-16" }));
    expect(future.fieldErrors?.paidOn).toBeDefined();
    const zero = await rejects(pay(shop, "0"));
    expect(zero.fieldErrors?.amount).toBeDefined();
    // None of the refused receipts left a row or a number behind.
    expect(await prisma.payment.count({ where: { companyId: shop.co } })).toBe(1);
  });

  it("keeps an advance on account, then allocates it to a later invoice; a credit note is applied oldest first", async () => {
    const shop = await orderShop({ now: NOW });
    const advance = await pay(shop, "800.00", { allocations: "none" });
    expect(advance.unallocatedAmount).toBe("800.00");
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("-800.00");

    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-12-11" });
    const later = await allocatePayment(shop.staff, advance.id, { allocations: "auto" });
    expect(later.allocations.map((a) => [a.documentId, a.amount])).toEqual([[inv.id, "800.00"]]);

    const note = await insertInvoiceRow(shop, { grandTotal: "500.00", issueDate: "2026-12-12", type: "CREDIT_NOTE", originalInvoiceId: inv.id });
    const applied = await applyCreditNote(shop.staff, note.id, {});
    expect(applied.applied).toBe("380.00");
    expect(applied.unapplied).toBe("120.00");
    expect(await settled(inv.id)).toBe("1180.00");
    expect((await rejects(applyCreditNote(shop.staff, note.id, {}))).code).toBe("conflict");

    // Reallocation replaces: by hand, half of the advance back on account.
    const moved = await allocatePayment(shop.staff, advance.id, { allocations: [{ invoiceId: inv.id, amount: "400" }] });
    expect(moved.unallocatedAmount).toBe("400.00");
    expect(await settled(inv.id)).toBe("780.00");
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("-120.00");
  });
});

describe("refunds and voids", () => {
  it("refunds from an advance, refuses a refund larger than the credit, and a receipt that funded a refund cannot be voided", async () => {
    const shop = await orderShop({ now: NOW });
    const advance = await pay(shop, "1000.00", { allocations: "none", paidOn: "2026-12-01" });
    const tooMuch = await rejects(recordRefund(shop.staff, { connectionId: shop.connection.id, amount: "1000.01", method: "CASH", paidOn: "2026-12-10" }));
    expect(tooMuch.code).toBe("conflict");
    expect(tooMuch.details?.availableCredit).toBe("1000.00");
    const early = await rejects(recordRefund(shop.staff, { connectionId: shop.connection.id, amount: "100", method: "CASH", paidOn: "2026-11-30" }));
    expect(early.fieldErrors?.paidOn).toBeDefined();

    const refund = await recordRefund(shop.staff, { connectionId: shop.connection.id, amount: "600.00", method: "BANK_TRANSFER", reference: "UTR0001", paidOn: "2026-12-10" });
    expect(refund.kind).toBe("REFUND");
    expect(refund.number).toMatch(/^RFD\/26-27\/\d{6}$/);
    expect(refund.allocations).toEqual([expect.objectContaining({ documentId: advance.id, documentType: "RECEIPT", amount: "600.00" })]);
    expect((await getPaymentOrThrow(shop.staff, advance.id)).unallocatedAmount).toBe("400.00");
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("-400.00");

    const blocked = await rejects(voidPayment(shop.staff, advance.id, { reason: "Cheque bounced" }));
    expect(blocked.code).toBe("conflict");
    expect(blocked.message).toContain(refund.number);
    expect((await getPaymentOrThrow(shop.staff, advance.id)).canVoid).toBe(false);

    await voidPayment(shop.staff, refund.id, { reason: "Entered twice" });
    const voided = await voidPayment(shop.staff, advance.id, { reason: "Cheque bounced" });
    expect(voided.status).toBe("VOIDED");
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("0.00");
  });

  it("voiding a bounced cheque releases its allocations and the invoices are open again", async () => {
    const shop = await orderShop({ now: NOW });
    const a = await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-10-01" });
    const b = await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-11-01" });
    const cheque = await pay(shop, "1500.00", { method: "CHEQUE", reference: "004512", bankName: "SBI" });
    expect(await settled(b.id)).toBe("500.00");
    const voided = await voidPayment(shop.staff, cheque.id, { reason: "Bounced: insufficient funds" });
    expect(voided).toMatchObject({ status: "VOIDED", voidReason: "Bounced: insufficient funds", allocatedAmount: "0.00", allocations: [] });
    expect([await settled(a.id), await settled(b.id)]).toEqual(["0.00", "0.00"]);
    expect(await prisma.allocation.count({ where: { paymentId: cheque.id } })).toBe(0);
    expect((await rejects(voidPayment(shop.staff, cheque.id, { reason: "again" }))).code).toBe("invalid_transition");
    expect((await rejects(voidPayment(shop.staff, cheque.id, {}))).fieldErrors?.reason).toBeDefined();
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("2000.00");
  });
});

describe("concurrency", () => {
  it("five parallel receipts against one invoice never settle more than its total", async () => {
    const shop = await orderShop({ now: NOW });
    const inv = await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-11-01" });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => pay(shop, "300.00", { allocations: [{ invoiceId: inv.id, amount: "300" }] })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(3);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("validation");
    expect(await settled(inv.id)).toBe("900.00");
    // Auto allocation in parallel: the rest goes on account, never over the total.
    await Promise.all(Array.from({ length: 5 }, () => pay(shop, "300.00")));
    expect(await settled(inv.id)).toBe("1000.00");
    const sum = await prisma.allocation.aggregate({ where: { invoiceId: inv.id }, _sum: { amount: true } });
    expect(sum._sum.amount?.toFixed(2)).toBe("1000.00");
    const numbers = (await prisma.payment.findMany({ where: { companyId: shop.co }, select: { number: true } })).map((p) => Number(p.number.slice(-6))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => numbers[0] + i));
  });
});

describe("permissions and tenancy", () => {
  it("only payments.write records; sales staff may read; the retailer sees its own receipts", async () => {
    const shop = await orderShop({ now: NOW });
    await insertInvoiceRow(shop, { grandTotal: "500.00", issueDate: "2026-11-01" });
    const sales = await shop.staffAs("SALES");
    expect((await rejects(recordPayment(sales, { connectionId: shop.connection.id, amount: "10", method: "CASH", paidOn: "2026-12-01" }))).code).toBe("forbidden");
    const accountant = await shop.staffAs("ACCOUNTANT");
    const r = await recordPayment(accountant, { connectionId: shop.connection.id, amount: "100", method: "CASH", paidOn: "2026-12-01" });
    expect((await listPayments(sales, {})).data.map((p) => p.id)).toEqual([r.id]);
    expect((await rejects(voidPayment(sales, r.id, { reason: "x" }))).code).toBe("forbidden");
    expect((await rejects(recordPayment(shop.shopper, { connectionId: shop.connection.id, amount: "10", method: "CASH", paidOn: "2026-12-01" }))).code).toBe("forbidden");
    const mine = await listPayments(shop.shopper, {});
    expect(mine.data.map((p) => p.id)).toEqual([r.id]);
    expect((await getPaymentOrThrow(shop.shopper, r.id)).amount).toBe("100.00");
  });

  it("another company's payment is not_found; another retailer cannot read it; another company's connection and invoice are refused", async () => {
    const a = await orderShop({ now: NOW });
    const b = await orderShop({ now: NOW });
    const invA = await insertInvoiceRow(a, { grandTotal: "500.00", issueDate: "2026-11-01" });
    const r = await pay(a, "100.00");
    const calls = [() => getPaymentOrThrow(b.staff, r.id), () => voidPayment(b.staff, r.id, { reason: "x" }), () => allocatePayment(b.staff, r.id, { allocations: "auto" }), () => applyCreditNote(b.staff, invA.id, {})];
    for (const call of calls) {
      expect((await rejects(call())).code).toBe("not_found");
    }
    expect((await rejects(getPaymentOrThrow(b.shopper, r.id))).code).toBe("not_found");
    const stranger = await createRetailerUser();
    expect((await rejects(getPaymentOrThrow({ ...b.shopper, actor: stranger.actor }, r.id))).code).toBe("not_found");
    expect((await listPayments(b.staff, {})).data).toEqual([]);
    expect((await rejects(pay(b, "10", { connectionId: a.connection.id }))).code).toBe("not_found");
    const cross = await rejects(pay(b, "10", { allocations: [{ invoiceId: invA.id, amount: "10" }] }));
    expect(cross.fieldErrors?.["allocations.0.invoiceId"]).toBeDefined();
    expect((await rejects(recordRefund(b.staff, { connectionId: a.connection.id, amount: "1", method: "CASH", paidOn: "2026-12-01" }))).code).toBe("not_found");
  });
});
