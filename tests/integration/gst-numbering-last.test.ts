// GST document numbers taken by the last statement of the issuing transaction: many invoices,
// credit notes and debit notes issued at once for different retailers (so they really race on the
// series counter, not on a retailer's lock) get unique, gapless numbers per series and financial
// year; the audit row and the order's timeline carry the real number, never the provisional one;
// and the counter is first touched by the numbering statement (a held counter lock stops the issue
// there, after everything else was written).
import { describe, expect, it } from "vitest";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { isProvisionalNumber } from "@/lib/inventory/assign-number-last";
import { createChallan } from "@/lib/logistics/challans/create-challan";
import { docsShop } from "../support/logistics-docs-factories";
import { moreConnections, oneTo, running, withCounterHeld } from "../support/numbering-helpers";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";

process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? "25";

describe("GST numbers taken last", () => {
  it("40 invoices, then 20 credit and 10 debit notes, issued in parallel over 10 retailers: gapless and unique per series", { timeout: 180_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "84713010" });
    const connections = await moreConnections(shop, 10);
    const invoices = await Promise.all(connections.flatMap((connectionId) => Array.from({ length: 4 }, () => issueInvoice(makeCtx(shop.owner), { connectionId, lines: [{ productId: p.id, quantity: "2" }] }))));
    const fy = invoices[0]!.financialYear;
    expect(invoices.every((i) => i.number.startsWith(`INV/${fy}/`))).toBe(true);
    expect(new Set(invoices.map((i) => i.number)).size).toBe(40);
    expect(running(invoices.map((i) => i.number))).toEqual(oneTo(40));

    const notes = await Promise.all([
      ...invoices.slice(0, 20).map((inv) => issueCreditNote(makeCtx(shop.owner), inv.id, { reason: "RETURN", lines: [{ originalLineId: inv.lines[0]!.id, quantity: "1" }] })),
      ...invoices.slice(20, 30).map((inv) => issueDebitNote(makeCtx(shop.owner), inv.id, { reason: "RATE_DIFFERENCE", lines: [{ originalLineId: inv.lines[0]!.id, amount: "10" }] })),
    ]);
    const cn = notes.filter((n) => n.type === "CREDIT_NOTE").map((n) => n.number);
    const dn = notes.filter((n) => n.type === "DEBIT_NOTE").map((n) => n.number);
    expect(cn.every((n) => n.startsWith(`CN/${fy}/`)) && dn.every((n) => n.startsWith(`DN/${fy}/`))).toBe(true);
    expect(running(cn)).toEqual(oneTo(20));
    expect(running(dn)).toEqual(oneTo(10));

    const rows = await prisma.invoice.findMany({ where: { companyId: shop.co }, select: { id: true, number: true } });
    expect(rows.some((r) => isProvisionalNumber(r.number))).toBe(false);
    const audits = await prisma.auditLog.findMany({ where: { companyId: shop.co, entityType: "Invoice", action: { in: ["invoice.issue", "credit_note.issue", "debit_note.issue"] } }, select: { entityId: true, after: true } });
    expect(audits).toHaveLength(70);
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    for (const a of audits) expect((a.after as { number: string }).number).toBe(byId.get(a.entityId));
    const seq = await prisma.documentSequence.findMany({ where: { companyId: shop.co }, select: { series: true, last: true }, orderBy: { series: "asc" } });
    expect(seq).toEqual([{ series: "CN", last: 20 }, { series: "DN", last: 10 }, { series: "INV", last: 40 }]);
  });

  it("an invoice from an order names its real number on the order's timeline", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const order = await orderIn(shop, "PACKED", p.id, 3);
    const inv = await invoiceOrder(shop.staff, order.id, {});
    const event = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id, kind: "invoiced" } });
    expect(event.note).toBe(`Invoice ${inv.number}`);
    expect((event.data as { number: string }).number).toBe(inv.number);
  });

  it("touches the series counter only in its last statement: with the counter locked elsewhere, the issue waits there, and finishes once it is free", { timeout: 60_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "84713010" });
    await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] }); // the series row exists
    await withCounterHeld(shop.co, "INV", async ({ blocked, release }) => {
      const issuing = issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
      const waiting = await blocked();
      // The statement waiting for the counter is the numbering statement: it also numbers the document and its audit row.
      expect(waiting?.query).toMatch(/WITH n AS \(\s*UPDATE "DocumentSequence"/);
      expect(waiting?.query).toContain(`"AuditLog"`);
      await release();
      const inv = await issuing;
      expect(inv.number.endsWith("/000002")).toBe(true);
    });
  });

  it("20 delivery challans at once: DC numbers 1…20, audit rows carrying them", { timeout: 120_000 }, async () => {
    const shop = await docsShop();
    const made = await Promise.all(Array.from({ length: 20 }, () => createChallan(shop.staff, { reason: "STOCK_TRANSFER", fromWarehouseId: shop.wh.id, toWarehouseId: shop.nashik.id, lines: [{ productId: shop.product.id, quantity: "1" }] })));
    expect(running(made.map((c) => c.number))).toEqual(oneTo(20));
    expect(made.every((c) => c.number.startsWith("DC/"))).toBe(true);
    const audits = await prisma.auditLog.findMany({ where: { entityType: "DeliveryChallan", entityId: { in: made.map((c) => c.id) } }, select: { entityId: true, after: true } });
    const byId = new Map(made.map((c) => [c.id, c.number]));
    expect(audits).toHaveLength(20);
    for (const a of audits) expect((a.after as { number: string }).number).toBe(byId.get(a.entityId));
  });
});
