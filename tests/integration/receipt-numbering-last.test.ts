// Receipts and refunds take their numbers by the last statement of their transaction, as GST
// documents do (lib/inventory/assign-number-last.ts): receipts of many retailers recorded at once get
// unique, gapless RCT numbers with the audit rows carrying them; a refund gets its RFD number the
// same way; and with the receipt series' counter locked elsewhere, a receipt has already written its
// allocations when it stops to wait for its number (before, it waited first and wrote them with the
// counter locked, so one company's receipts ran one at a time).
import { describe, expect, it } from "vitest";
import { recordPayment } from "@/lib/billing/record-payment";
import { recordRefund } from "@/lib/billing/record-refund";
import { prisma } from "@/lib/db/client";
import { isProvisionalNumber } from "@/lib/inventory/assign-number-last";
import { insertInvoiceRow } from "../support/billing-factories";
import { moreConnections, oneTo, running, withCounterHeld } from "../support/numbering-helpers";
import { orderShop } from "../support/order-factories";

process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? "25";

const NOW = new Date("2026-12-15T06:00:00Z");

describe("receipt and refund numbers taken last", () => {
  it("30 receipts over 10 retailers at once, each allocated to two invoices: RCT 1…30, audit rows carrying them", { timeout: 120_000 }, async () => {
    const shop = await orderShop({ now: NOW });
    const connections = await moreConnections(shop, 10);
    for (const connectionId of connections) {
      for (const issueDate of ["2026-10-01", "2026-11-01"]) await insertInvoiceRow({ ...shop, connection: { ...shop.connection, id: connectionId } }, { grandTotal: "5000.00", issueDate });
    }
    const receipts = await Promise.all(connections.flatMap((connectionId) => Array.from({ length: 3 }, () => recordPayment(shop.staff, { connectionId, amount: "2000.00", method: "CASH", paidOn: "2026-12-10" }))));
    expect(receipts.every((r) => /^RCT\/26-27\/\d{6}$/.test(r.number))).toBe(true);
    expect(running(receipts.map((r) => r.number))).toEqual(oneTo(30));
    // Each retailer's 6,000 went oldest first: 5,000 to the October invoice, 1,000 to November's.
    const settled = await prisma.invoice.findMany({ where: { companyId: shop.co }, select: { settledAmount: true, issueDate: true } });
    expect(settled.filter((i) => i.issueDate.toISOString().startsWith("2026-10")).every((i) => i.settledAmount.toFixed(2) === "5000.00")).toBe(true);
    expect(settled.filter((i) => i.issueDate.toISOString().startsWith("2026-11")).every((i) => i.settledAmount.toFixed(2) === "1000.00")).toBe(true);

    const rows = await prisma.payment.findMany({ where: { companyId: shop.co }, select: { id: true, number: true } });
    expect(rows).toHaveLength(30);
    expect(rows.some((r) => isProvisionalNumber(r.number))).toBe(false);
    const audits = await prisma.auditLog.findMany({ where: { companyId: shop.co, entityType: "Payment", action: "payment.recorded" }, select: { entityId: true, after: true } });
    expect(audits).toHaveLength(30);
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    for (const a of audits) expect((a.after as { number: string }).number).toBe(byId.get(a.entityId));
    const seq = await prisma.documentSequence.findMany({ where: { companyId: shop.co }, select: { series: true, last: true } });
    expect(seq).toEqual([{ series: "RCT", last: 30 }]);
  });

  it("a refund of an advance is numbered RFD last, its audit row carrying the number", async () => {
    const shop = await orderShop({ now: NOW });
    await recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "3000.00", method: "CASH", paidOn: "2026-12-10", allocations: "none" });
    const [a, b] = await Promise.all([
      recordRefund(shop.staff, { connectionId: shop.connection.id, amount: "1000.00", method: "CASH", paidOn: "2026-12-11" }),
      recordRefund(shop.staff, { connectionId: shop.connection.id, amount: "500.00", method: "CASH", paidOn: "2026-12-11" }),
    ]);
    expect([a.number, b.number].sort()).toEqual(["RFD/26-27/000001", "RFD/26-27/000002"]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Payment", entityId: a.id, action: "refund.recorded" } });
    expect((audit.after as { number: string }).number).toBe(a.number);
  });

  it("with the receipt counter locked elsewhere, the receipt has written its allocations when it waits, and finishes once the counter is free", { timeout: 60_000 }, async () => {
    const shop = await orderShop({ now: NOW });
    await insertInvoiceRow(shop, { grandTotal: "1000.00", issueDate: "2026-11-01" });
    await recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "100.00", method: "CASH", paidOn: "2026-12-10" }); // the series row exists
    await withCounterHeld(shop.co, "RCT", async ({ watcher, blocked, release }) => {
      const recording = recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "400.00", method: "CASH", paidOn: "2026-12-10" });
      const waiting = await blocked();
      expect(waiting?.query).toMatch(/WITH n AS \(\s*UPDATE "DocumentSequence"/);
      // Its allocation and the invoice's settled amount are already written, in its open transaction.
      const { rows: held } = await watcher.query<{ rel: string }>(
        `SELECT relation::regclass::text AS rel FROM pg_locks WHERE pid = $1 AND locktype = 'relation' AND mode = 'RowExclusiveLock' AND relation::regclass::text IN ('"Allocation"', '"Invoice"', '"AuditLog"')`,
        [waiting!.pid],
      );
      expect(held.map((r) => r.rel).sort()).toEqual(['"Allocation"', '"AuditLog"', '"Invoice"']);
      await release();
      const receipt = await recording;
      expect(receipt.number).toBe("RCT/26-27/000002");
      expect(receipt.allocatedAmount).toBe("400.00");
    });
  });
});
