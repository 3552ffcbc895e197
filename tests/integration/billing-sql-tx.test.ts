// Issuing an order's invoice and recording a receipt as SQL statements (lib/db/sql-tx.ts): the same rows
// whether they run on the app's pooled connection or through a caller's own Prisma client — the document
// under its real number (its audit row and the order's timeline entry too), the order's invoiced
// quantities and total, the allocations oldest due first, what each document holds open
// (OpenReceivables equal to a rebuild from the documents, no row left holding nothing); refusals and bad
// input write nothing.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { rebuildOpenReceivables } from "@/lib/billing/rebuild-open-receivables";
import { loadPaymentView, paymentViewArgs, toPaymentView } from "@/lib/billing/payment-views";
import { recordPayment } from "@/lib/billing/record-payment";
import { recordRefund } from "@/lib/billing/record-refund";
import { voidPayment } from "@/lib/billing/void-payment";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser } from "../support/factories";
import { orderIn, orderShop, stockedProduct, type Shop } from "../support/order-factories";
import { rejects as rejected } from "../support/rejects";

const own = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
afterAll(() => own.$disconnect());

const NOW = new Date("2026-12-15T06:00:00Z");

/** The AppError the call fails with, which must carry `code`. */
async function rejects(p: Promise<unknown>, code: string) {
  const err = await rejected(p);
  expect(err.code, err.message).toBe(code);
  return err;
}
const transports = [
  ["the app's client (pooled pg connection)", false],
  ["a caller's own Prisma client", true],
] as const;
const ctxFor = (shop: Shop, withOwnClient: boolean) => makeCtx(shop.owner, { now: () => NOW, ...(withOwnClient ? { db: own as unknown as typeof prisma } : {}) });

/** The company's OpenReceivables rows as written, and as rebuilt from its documents. */
async function receivables(companyId: string) {
  const read = () => prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT kind::text, day::text, "connectionId", amount::text, documents FROM "OpenReceivables" WHERE "companyId" = ${companyId} ORDER BY 1, 2, 3`;
  const written = await read();
  await rebuildOpenReceivables(prisma, companyId);
  return { written, rebuilt: await read() };
}

/** What a refusal must leave as it was. */
async function counts(companyId: string) {
  const [row] = await prisma.$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM "Invoice" WHERE "companyId" = ${companyId}) AS invoices,
           (SELECT count(*)::int FROM "Payment" WHERE "companyId" = ${companyId}) AS payments,
           (SELECT count(*)::int FROM "Allocation" WHERE "companyId" = ${companyId}) AS allocations,
           (SELECT count(*)::int FROM "AuditLog" WHERE "companyId" = ${companyId} AND "entityType" IN ('Invoice', 'Payment')) AS audits,
           (SELECT coalesce(sum(last), 0)::int FROM "DocumentSequence" WHERE "companyId" = ${companyId}) AS numbers,
           (SELECT coalesce(sum("invoicedQty"), 0)::float FROM "OrderLine" WHERE "companyId" = ${companyId}) AS "invoicedQty"`;
  return row;
}

describe("billing as SQL statements", () => {
  for (const [name, withOwnClient] of transports) {
    it(`an order's invoice through ${name}: the real number on the document, its audit row and the order's timeline; the order's quantities and total`, async () => {
      const shop = await orderShop({ now: NOW });
      const p = await stockedProduct(shop, 50);
      const packed = await orderIn(shop, "PACKED", p.id, 3);

      const inv = await invoiceOrder(ctxFor(shop, withOwnClient), packed.id, {});
      expect(inv.number).toMatch(/^INV\/26-27\/\d+$/);
      expect(inv.totals.grandTotal).toBe(packed.totals.grandTotal);
      const [audit, event, order, lines] = await Promise.all([
        prisma.auditLog.findFirstOrThrow({ where: { entityType: "Invoice", entityId: inv.id, action: "invoice.issue" } }),
        prisma.orderEvent.findFirstOrThrow({ where: { orderId: packed.id, kind: "invoiced" } }),
        prisma.order.findUniqueOrThrow({ where: { id: packed.id } }),
        prisma.orderLine.findMany({ where: { orderId: packed.id } }),
      ]);
      expect((audit.after as { number: string }).number).toBe(inv.number);
      expect(event).toMatchObject({ note: `Invoice ${inv.number}`, actorUserId: shop.owner.userId, actorName: shop.owner.name, companyId: shop.co, createdAt: NOW });
      expect(event.data).toMatchObject({ invoiceId: inv.id, number: inv.number, grandTotal: inv.totals.grandTotal });
      expect(order.invoicedTotal.toFixed(2)).toBe(order.grandTotal.toFixed(2));
      expect(lines.map((l) => l.invoicedQty.toFixed(3))).toEqual(lines.map((l) => l.quantity.toFixed(3)));
      // Its jobs went in with it: the PDF to draw.
      const [jobs] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'invoice-pdf' AND data->>'invoiceId' = ${inv.id}`;
      expect(jobs!.n).toBe(1);
      const { written, rebuilt } = await receivables(shop.co);
      expect(written).toEqual(rebuilt);

      // Nothing is left to invoice: refused, nothing written.
      const before = await counts(shop.co);
      await rejects(invoiceOrder(ctxFor(shop, withOwnClient), packed.id, {}), "conflict");
      expect(await counts(shop.co)).toEqual(before);
    });

    it(`a receipt through ${name}: oldest due first, the real number on it and its audit row, what each holds open`, async () => {
      const shop = await orderShop({ now: NOW });
      const newest = await insertInvoiceRow(shop, { grandTotal: "3000.00", issueDate: "2026-11-20", dueDate: "2026-12-20" });
      const oldest = await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
      const middle = await insertInvoiceRow(shop, { grandTotal: "2000.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
      const ctx = ctxFor(shop, withOwnClient);

      const first = await recordPayment(ctx, { connectionId: shop.connection.id, amount: "4500.00", method: "UPI", reference: "UPI4123", paidOn: "2026-12-10" });
      expect(first.number).toMatch(/^RCT\/26-27\/\d{6}$/);
      expect(first.allocations.map((a) => [a.documentNumber, a.amount])).toEqual([
        [oldest.number, "1000.00"],
        [middle.number, "2000.00"],
        [newest.number, "1500.00"],
      ]);
      const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Payment", entityId: first.id, action: "payment.recorded" } });
      expect(audit).toMatchObject({ actorUserId: shop.owner.userId, companyId: shop.co });
      expect(audit.after).toMatchObject({ number: first.number, amount: "4500.00", allocated: "4500.00", allocations: "auto" });
      // Two invoices paid off and the receipt used up: their rows hold nothing and are gone; the newest's is what is open.
      let r = await receivables(shop.co);
      expect(r.written).toEqual(r.rebuilt);
      expect(r.written).toEqual([{ kind: "DUE", day: "2026-12-20", connectionId: shop.connection.id, amount: "1500.00", documents: 1 }]);

      // More than is open: the rest stays on account as credit on its day.
      const second = await recordPayment(ctx, { connectionId: shop.connection.id, amount: "2000.00", method: "CASH", paidOn: "2026-12-12" });
      expect(second).toMatchObject({ allocatedAmount: "1500.00", unallocatedAmount: "500.00" });
      r = await receivables(shop.co);
      expect(r.written).toEqual(r.rebuilt);
      expect(r.written).toEqual([{ kind: "CREDIT", day: "2026-12-12", connectionId: shop.connection.id, amount: "500.00", documents: 1 }]);

      // Nothing open: all of it on account, no allocation.
      const third = await recordPayment(ctx, { connectionId: shop.connection.id, amount: "250.00", method: "CASH", paidOn: "2026-12-12" });
      expect(third).toMatchObject({ allocatedAmount: "0.00", allocations: [] });
      r = await receivables(shop.co);
      expect(r.written).toEqual([{ kind: "CREDIT", day: "2026-12-12", connectionId: shop.connection.id, amount: "750.00", documents: 2 }]);
    });

    it(`refusals and bad input through ${name} write nothing`, async () => {
      const shop = await orderShop({ now: NOW });
      const other = await orderShop({ now: NOW });
      await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
      const ctx = ctxFor(shop, withOwnClient);
      const gateway = { connectionId: shop.connection.id, amount: "100.00", method: "GATEWAY", paidOn: "2026-12-10", gatewayProvider: "RAZORPAY", gatewayPaymentId: `pay_${shop.co.slice(-8)}` };
      await recordPayment(ctx, gateway);
      const before = await counts(shop.co);
      const otherBefore = await counts(other.co);

      // The same gateway payment again: 409 naming it.
      expect((await rejects(recordPayment(ctx, gateway), "conflict")).fieldErrors).toHaveProperty("gatewayPaymentId");
      // Another company's retailer: not found.
      await rejects(recordPayment(ctx, { connectionId: other.connection.id, amount: "100.00", method: "CASH", paidOn: "2026-12-10" }), "not_found");
      // Bad input: 400 naming the fields.
      const bad = await rejects(recordPayment(ctx, { connectionId: shop.connection.id, amount: "-5", method: "BITCOIN", paidOn: "2026-12-10", extra: 1 }), "validation");
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["amount", "method", "extra"]));
      // Allocated by hand to another company's invoice: refused, naming the line.
      const theirs = await insertInvoiceRow(other, { grandTotal: "500.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
      const byHand = await rejects(recordPayment(ctx, { connectionId: shop.connection.id, amount: "100.00", method: "CASH", paidOn: "2026-12-10", allocations: [{ invoiceId: theirs.id, amount: "100.00" }] }), "validation");
      expect(byHand.fieldErrors).toHaveProperty(["allocations.0.invoiceId"]);
      // Another company's order, and an order not yet packed: no invoice.
      const p = await stockedProduct(other, 10);
      const theirOrder = await orderIn(other, "PACKED", p.id, 1);
      await rejects(invoiceOrder(ctx, theirOrder.id, {}), "not_found");
      const mine = await stockedProduct(shop, 10);
      const placed = await orderIn(shop, "PLACED", mine.id, 1);
      const beforeOrder = await counts(shop.co);
      await rejects(invoiceOrder(ctx, placed.id, {}), "invalid_transition");
      expect(await counts(shop.co)).toEqual(beforeOrder);
      expect(beforeOrder).toMatchObject({ invoices: before.invoices, payments: before.payments, allocations: before.allocations, audits: before.audits, numbers: before.numbers });

      const otherAfter = await counts(other.co);
      expect(otherAfter).toMatchObject({ invoices: otherBefore.invoices + 1, payments: otherBefore.payments, numbers: otherBefore.numbers });
    });
  }

  it("a payment's view in one statement equals the ORM's include: receipts with invoices paid, a refund and what funded it, a voided one; the retailer's scope", async () => {
    const shop = await orderShop({ now: NOW });
    const other = await orderShop({ now: NOW });
    await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
    await insertInvoiceRow(shop, { grandTotal: "700.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
    const receipt = await recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "2500.00", method: "CHEQUE", reference: "000123", bankName: "HDFC Bank", notes: "Part of the October dues", paidOn: "2026-12-10" });
    const refund = await recordRefund(shop.staff, { connectionId: shop.connection.id, amount: "300.00", method: "BANK_TRANSFER", reference: "UTR0001", paidOn: "2026-12-12" });
    const advance = await recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "50.00", method: "CASH", paidOn: "2026-12-12", allocations: "none" });
    await voidPayment(shop.staff, advance.id, { reason: "Entered twice" });
    const orm = async (id: string) => toPaymentView((await prisma.payment.findFirstOrThrow({ where: { id }, ...paymentViewArgs })));
    for (const id of [receipt.id, refund.id, advance.id]) {
      const view = await loadPaymentView(prisma, shop.staff.actor, id);
      expect(view).toEqual(await orm(id));
      expect(await loadPaymentView(own as unknown as typeof prisma, shop.staff.actor, id)).toEqual(view);
    }
    const seen = await loadPaymentView(prisma, shop.staff.actor, receipt.id);
    expect(seen.allocations.map((a) => [a.documentType, a.amount])).toEqual([
      ["INVOICE", "1000.00"],
      ["INVOICE", "700.00"],
      ["REFUND", "300.00"],
    ]);
    // The retailer sees its own; another company, and another retailer, are told it does not exist.
    expect(await loadPaymentView(prisma, shop.retailerActor, receipt.id)).toEqual(seen);
    await rejects(loadPaymentView(prisma, other.staff.actor, receipt.id), "not_found");
    const { retailer: stranger } = await createRetailerUser();
    await rejects(loadPaymentView(prisma, { ...shop.retailerActor, retailerId: stranger.id }, receipt.id), "not_found");
  });
});
