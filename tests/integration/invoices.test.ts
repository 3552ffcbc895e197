// Issuing GST documents: invoices from packed orders, before they leave (whole and partial), direct invoices intra
// and inter state, dated GST rates, frozen parties, credit and debit notes with their limits and
// their application to the invoice, numbering per series and financial year, permissions and
// tenancy.
import { describe, expect, it } from "vitest";
import { updateBillingSettings } from "@/lib/billing/billing-settings";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { listInvoiceableOrders } from "@/lib/billing/list-invoiceable-orders";
import { listInvoicesInput } from "@/lib/billing/billing.schemas";
import { invoiceScope } from "@/lib/billing/invoice-access";
import { baseWhere, listInvoices } from "@/lib/billing/list-invoices";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";
import { LIST_COUNT_CAP } from "@/lib/http/pagination";
import { addTaxRate, deleteTaxRate, listTaxRates } from "@/lib/billing/tax-rates";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOutstanding } from "@/lib/orders/credit";
import { createRetailerUser } from "../support/factories";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";
import { call } from "../support/http";
import { rejects } from "../support/rejects";

const hsnFree = { hsnCode: "84713010" }; // no published TaxRate row covers 8471

describe("invoice from a packed order", () => {
  it("invoices everything left, with the order's totals when rates are unchanged; the order records it", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, hsnFree);
    const order = await orderIn(shop, "PACKED", p.id, 3);
    const inv = await invoiceOrder(shop.staff, order.id);
    expect(inv.type).toBe("INVOICE");
    expect(inv.number).toMatch(/^INV\/\d{2}-\d{2}\/000001$/);
    expect(inv.order).toEqual({ id: order.id, number: order.number });
    expect(inv.totals.taxable).toBe(order.totals.taxable);
    expect(inv.totals.grandTotal).toBe(order.totals.grandTotal);
    expect(inv.taxType).toBe("intra");
    expect(inv.lines[0]).toMatchObject({ hsnCode: "84713010", quantity: "3.000", gstRate: "18.00", cgstAmount: "27.00", sgstAmount: "27.00" });
    expect(inv.amountInWords).toBe("Rupees Three Hundred Fifty-Four Only");
    expect(inv.paymentStatus).toBe("unpaid");
    const o = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true, events: true } });
    expect(o.invoicedTotal.toFixed(2)).toBe("354.00");
    expect(o.lines[0]!.invoicedQty.toFixed(3)).toBe("3.000");
    expect(o.events.some((e) => e.kind === "invoiced")).toBe(true);
    expect((await listInvoiceableOrders(shop.staff)).data.map((x) => x.id)).not.toContain(order.id);
    expect(await prisma.auditLog.count({ where: { entityId: inv.id, action: "invoice.issue" } })).toBe(1);
  });

  it("a TaxRate row dated before the invoice date wins over the order-time rate", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, { hsnCode: "96190010", gstRate: "18" });
    const order = await orderIn(shop, "PACKED", p.id, 2);
    await addTaxRate(shop.staff, { hsnPrefix: "9619", gstRate: "12", effectiveFrom: "2026-01-01", source: "test" });
    const inv = await invoiceOrder(shop.staff, order.id);
    expect(inv.lines[0]!.gstRate).toBe("12.00");
    expect(inv.totals.grandTotal).toBe("224.00");
    expect(order.totals.grandTotal).toBe("236.00");
  });

  it("partial invoicing twice, then nothing left; not before packing", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, hsnFree);
    const confirmed = await orderIn(shop, "CONFIRMED", p.id, 5);
    expect((await rejects(invoiceOrder(shop.staff, confirmed.id))).code).toBe("invalid_transition");
    const order = await orderIn(shop, "PACKED", p.id, 5);
    const lineId = order.lines[0]!.id;
    expect((await listInvoiceableOrders(shop.staff)).data.find((x) => x.id === order.id)?.valueLeft).toBe("500.00");
    const first = await invoiceOrder(shop.staff, order.id, { lines: [{ orderLineId: lineId, quantity: "2" }] });
    expect(first.lines[0]!.quantity).toBe("2.000");
    const tooMuch = await rejects(invoiceOrder(shop.staff, order.id, { lines: [{ orderLineId: lineId, quantity: "4" }] }));
    expect(tooMuch.fieldErrors?.["lines.0.quantity"]?.[0]).toMatch(/At most 3\.000/);
    const second = await invoiceOrder(shop.staff, order.id);
    expect(second.lines[0]!.quantity).toBe("3.000");
    expect(Number(second.number.split("/")[2])).toBe(Number(first.number.split("/")[2]) + 1);
    const none = await rejects(invoiceOrder(shop.staff, order.id));
    expect(none.code).toBe("conflict");
    expect(none.message).toMatch(/Nothing is left to invoice/);
    const o = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(o.invoicedTotal.toFixed(2)).toBe("590.00");
  });

  it("an order whose total has paise counts nothing left open once invoiced and rounded, also over two invoices; cancelling opens it again", async () => {
    const shop = await orderShop({ creditLimit: "100000" });
    const p = await stockedProduct(shop, 50, { ...hsnFree, basePrice: "300.34" });
    const owed = () => getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id });
    // 300.34 + 9 % + 9 % = 354.40, invoiced as 354.00 (round-off −0.40).
    const order = await orderIn(shop, "PACKED", p.id, 1);
    expect(order.totals.grandTotal).toBe("354.40");
    expect(await owed()).toBe("354.40");
    const inv = await invoiceOrder(shop.staff, order.id);
    expect(inv.totals.grandTotal).toBe("354.00");
    expect(await owed()).toBe("354.00");
    await cancelInvoice(shop.staff, inv.id, { reasonCode: 2, remark: "Wrong rate" });
    expect(await owed()).toBe("354.40");
    // Three units over two invoices: each rounds on its own, and nothing stays open once all are invoiced.
    const three = await orderIn(shop, "PACKED", p.id, 3);
    const first = await invoiceOrder(shop.staff, three.id, { lines: [{ orderLineId: three.lines[0]!.id, quantity: "1" }] });
    const ledgerAfterFirst = new Prisma.Decimal(354.4).plus(first.totals.grandTotal);
    expect(await owed()).toBe(ledgerAfterFirst.plus(new Prisma.Decimal(three.totals.grandTotal).minus(354.4)).toFixed(2));
    const second = await invoiceOrder(shop.staff, three.id);
    expect(await owed()).toBe(new Prisma.Decimal(354.4).plus(first.totals.grandTotal).plus(second.totals.grandTotal).toFixed(2));
  });
});

describe("invoice from an order, read before its transaction", () => {
  it("checks the order again under its lock: one cancelled while the invoice waits is refused, nothing written", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, hsnFree);
    const order = await orderIn(shop, "PACKED", p.id, 2);
    // Another transaction holds the connection row and cancels the order meanwhile.
    let release!: () => void;
    const held = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Connection" WHERE id = ${shop.connection.id} FOR UPDATE`;
      await tx.$executeRaw`UPDATE "Order" SET status = 'CANCELLED' WHERE id = ${order.id}`;
      await new Promise<void>((resolve) => (release = resolve));
    }, { timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 200));
    const invoicing = rejects(invoiceOrder(shop.staff, order.id));
    // The invoice has read the packed order and priced it, and waits at the connection's lock (its write statement).
    await expect.poll(async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"Connection"%FOR UPDATE%'`)[0]!.n, { timeout: 10_000 }).toBe(1);
    release();
    await held;
    const error = await invoicing;
    expect(error.code).toBe("invalid_transition");
    expect(error.message).toMatch(/is cancelled/);
    expect(await prisma.invoice.count({ where: { orderId: order.id } })).toBe(0);
    expect((await prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } })).invoicedQty.toFixed(3)).toBe("0.000");
  });

  it("two invoices of everything left on one order at once: one is issued, the other refused naming the line; nothing over-invoiced", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, hsnFree);
    const order = await orderIn(shop, "PACKED", p.id, 3);
    const results = await Promise.allSettled([invoiceOrder(shop.staff, order.id), invoiceOrder(shop.staff, order.id)]);
    const issued = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(issued).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason.code).toBe("conflict");
    expect(refused[0]!.reason.message).toMatch(/Line 1 \(.*\) has less left to invoice than that|Nothing is left to invoice/);
    const lines = await prisma.orderLine.findMany({ where: { orderId: order.id } });
    expect(lines.map((l) => l.invoicedQty.toFixed(3))).toEqual(["3.000"]);
    expect(await prisma.invoice.count({ where: { orderId: order.id } })).toBe(1);
    // The refused one gave its number back: the series has no gap.
    expect((issued[0] as PromiseFulfilledResult<{ number: string }>).value.number).toMatch(/\/000001$/);
  });
});

describe("direct invoices", () => {
  it("intra-state: CGST + SGST; inter-state: IGST; free-text lines; due date from payment terms", async () => {
    const shop = await orderShop();
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { paymentTermsDays: 15 } });
    const p = await stockedProduct(shop, 0, hsnFree);
    const intra = await issueInvoice(shop.staff, {
      connectionId: shop.connection.id,
      issueDate: "2026-11-20",
      lines: [
        { productId: p.id, quantity: "2", discount: "10" },
        { description: "Installation", hsnCode: "998719", unit: "NOS", quantity: "1", unitPrice: "500", gstRate: "18" },
      ],
    });
    expect(intra.taxType).toBe("intra");
    expect(intra.dueDate).toBe("2026-12-05");
    expect(intra.totals).toMatchObject({ taxable: "690.00", discount: "10.00", cgst: "62.10", sgst: "62.10", igst: "0.00", grandTotal: "814.00", roundOff: "-0.20" });
    const inter = await issueInvoice(shop.staff, { connectionId: shop.connection.id, placeOfSupply: "29", lines: [{ productId: p.id, quantity: "1", unitPrice: "250.50" }] });
    expect(inter.taxType).toBe("inter");
    expect(inter.placeOfSupply).toEqual({ code: "29", name: "Karnataka" });
    expect(inter.totals).toMatchObject({ taxable: "250.50", cgst: "0.00", igst: "45.09", grandTotal: "296.00" });
    const future = await rejects(issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2099-01-01", lines: [{ productId: p.id, quantity: "1" }] }));
    expect(future.fieldErrors?.issueDate).toBeDefined();
  });

  it("writes the document, its lines with their unit cost, what it holds open and its audit row in one statement", async () => {
    const shop = await orderShop();
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { paymentTermsDays: 10 } });
    const p = await stockedProduct(shop, 0, { ...hsnFree, costPrice: "61.50" });
    const inv = await issueInvoice(shop.staff, {
      connectionId: shop.connection.id,
      issueDate: "2026-11-20",
      lines: [
        { productId: p.id, quantity: "2" },
        { description: "Freight", hsnCode: "996511", unit: "NOS", quantity: "1", unitPrice: "300", gstRate: "5" },
      ],
    });
    const row = await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(row.number).toBe(inv.number);
    expect(row.lines.map((l) => [l.position, l.unitCost?.toFixed(2) ?? null, l.companyId])).toEqual([[1, "61.50", shop.co], [2, null, shop.co]]);
    expect(row.shipTo).toBeNull();
    expect(row.dueDate.toISOString().slice(0, 10)).toBe("2026-11-30");
    const open = await prisma.openReceivables.findMany({ where: { companyId: shop.co, connectionId: shop.connection.id } });
    expect(open.map((o) => [o.kind, o.day.toISOString().slice(0, 10), o.amount.toFixed(2), o.documents])).toEqual([["DUE", "2026-11-30", inv.totals.grandTotal, 1]]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Invoice", entityId: inv.id, action: "invoice.issue" } });
    expect(audit).toMatchObject({ companyId: shop.co, retailerId: shop.retailer.id, actorUserId: shop.staff.actor.userId, actorKind: "staff" });
    expect(audit.after).toMatchObject({ number: inv.number, type: "INVOICE", issueDate: "2026-11-20", grandTotal: inv.totals.grandTotal });
  });

  it("checks the connection again under its lock: one set back to pending while the issue waits is refused, nothing written", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    // Another transaction holds the connection row while the connection is set back to pending.
    let release!: () => void;
    const held = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Connection" WHERE id = ${shop.connection.id} FOR UPDATE`;
      await tx.connection.update({ where: { id: shop.connection.id }, data: { status: "PENDING" } });
      await new Promise<void>((resolve) => (release = resolve));
    }, { timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 200));
    const issuing = rejects(issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] }));
    // The issue has read the approved connection and priced the lines, and waits at the lock (its write statement).
    await expect.poll(async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"Connection"%FOR UPDATE%'`)[0]!.n, { timeout: 10_000 }).toBe(1);
    release();
    await held;
    const error = await issuing;
    expect(error.fieldErrors?.connectionId).toEqual(["Not approved yet"]);
    expect(await prisma.invoice.count({ where: { connectionId: shop.connection.id } })).toBe(0);
  });

  it("uses the published schedule on the invoice date: 1905 is 18% on 21 Sep 2025 and 5% from 22 Sep 2025", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "19053100", gstRate: "18" });
    const before = await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2025-09-21", lines: [{ productId: p.id, quantity: "1", unitPrice: "100" }] });
    const after = await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2025-09-22", lines: [{ productId: p.id, quantity: "1", unitPrice: "100" }] });
    expect(before.lines[0]!.gstRate).toBe("18.00");
    expect(after.lines[0]!.gstRate).toBe("5.00");
  });

  it("freezes the buyer: a later change of the retailer's address leaves the issued invoice as it was", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { addressLine1: "New Shop, Station Road", legalName: "Renamed Kirana" } });
    const again = await getInvoiceOrThrow(shop.staff, inv.id);
    expect(again.buyer.address1).toBe("Shop 4, Main Road");
    expect(again.buyer.legalName).toBe(shop.retailer.legalName);
  });

  it("the database refuses to change an issued document or its lines, whoever writes; settlement, e-invoice and cancellation still move", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
    const refused = async (sql: Promise<unknown>) => {
      const err = await sql.then(() => null, (e: unknown) => e);
      expect(String(err)).toMatch(/cannot be (changed|reinstated)/);
    };
    await refused(prisma.$executeRaw`UPDATE "Invoice" SET "grandTotal" = "grandTotal" + 1 WHERE id = ${inv.id}`);
    await refused(prisma.$executeRaw`UPDATE "Invoice" SET "buyer" = '{}'::jsonb WHERE id = ${inv.id}`);
    await refused(prisma.$executeRaw`UPDATE "Invoice" SET "number" = 'INV/26-27/999999' WHERE id = ${inv.id}`);
    await refused(prisma.$executeRaw`UPDATE "Invoice" SET "issueDate" = "issueDate" - 1 WHERE id = ${inv.id}`);
    await refused(prisma.$executeRaw`UPDATE "InvoiceLine" SET quantity = 1 WHERE "invoiceId" = ${inv.id}`);
    await refused(prisma.$executeRaw`UPDATE "InvoiceLine" SET "unitPrice" = "unitPrice" WHERE "invoiceId" = ${inv.id}`);
    const unchanged = await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id }, include: { lines: true } });
    expect(unchanged.grandTotal.toFixed(2)).toBe(inv.totals.grandTotal);
    expect(unchanged.lines.map((l) => l.quantity.toFixed(3))).toEqual(["2.000"]);

    // What may move after issue does.
    await prisma.$executeRaw`UPDATE "Invoice" SET "settledAmount" = 1, "eInvoiceStatus" = 'PENDING', "ewayBillNo" = '331000000001' WHERE id = ${inv.id}`;
    await prisma.$executeRaw`UPDATE "Invoice" SET "settledAmount" = 0, "ewayBillNo" = NULL, status = 'CANCELLED', "cancelledAt" = now(), "cancelReason" = 'Test' WHERE id = ${inv.id}`;
    await refused(prisma.$executeRaw`UPDATE "Invoice" SET status = 'ISSUED' WHERE id = ${inv.id}`);
  });
});

describe("credit and debit notes", () => {
  it("partial then full credit, never more than the invoice; applied to the invoice's balance", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "4" }] });
    expect(inv.totals.grandTotal).toBe("472.00");
    const lineId = inv.lines[0]!.id;
    const cn1 = await issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: [{ originalLineId: lineId, quantity: "1" }] });
    expect(cn1.number).toMatch(/^CN\/\d{2}-\d{2}\/000001$/);
    expect(cn1.type).toBe("CREDIT_NOTE");
    expect(cn1.original?.id).toBe(inv.id);
    expect(cn1.totals.grandTotal).toBe("118.00");
    expect(cn1.paymentStatus).toBe("applied");
    expect(cn1.dueDate).toBe(cn1.issueDate);
    let after = await getInvoiceOrThrow(shop.staff, inv.id);
    expect(after).toMatchObject({ settledAmount: "118.00", balanceDue: "354.00", paymentStatus: "partly_paid", creditableAmount: "354.00" });
    expect(after.lines[0]!.creditedQuantity).toBe("1.000");
    expect(after.notesIssued).toHaveLength(1);

    const tooMany = await rejects(issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: [{ originalLineId: lineId, quantity: "4" }] }));
    expect(tooMany.fieldErrors?.["lines.0.quantity"]?.[0]).toMatch(/At most 3\.000/);
    const value = await issueCreditNote(shop.staff, inv.id, { reason: "DISCOUNT", lines: [{ originalLineId: lineId, amount: "50" }] });
    expect(value.lines[0]).toMatchObject({ quantity: "0.000", taxableValue: "50.00", gstRate: "18.00" });
    expect(value.totals.grandTotal).toBe("59.00");
    const full = await issueCreditNote(shop.staff, inv.id, { reason: "OTHER", lines: "full" });
    after = await getInvoiceOrThrow(shop.staff, inv.id);
    // Left: 3 units, but ₹50 of their ₹300 was already credited as a discount → a ₹250 value line.
    expect(full.lines[0]).toMatchObject({ quantity: "0.000", taxableValue: "250.00" });
    expect(full.totals.grandTotal).toBe("295.00");
    expect(after).toMatchObject({ creditableAmount: "0.00", settledAmount: "472.00", balanceDue: "0.00", paymentStatus: "paid" });
    expect(after.availableActions).not.toContain("credit_note");
    const more = await rejects(issueCreditNote(shop.staff, inv.id, { reason: "OTHER", lines: [{ originalLineId: lineId, amount: "5" }] }));
    expect(more.fieldErrors?.["lines.0.amount"]?.[0]).toBe("This line is fully credited");
    const nothing = await rejects(issueCreditNote(shop.staff, inv.id, { reason: "OTHER", lines: "full" }));
    expect(nothing.message).toMatch(/already been credited/);
  });

  it("a credit note bigger than what is open leaves the rest as unapplied credit; the total cap names the amounts", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
    // Pretend ₹200 was paid (the payments helper's allocations would do this).
    await prisma.invoice.update({ where: { id: inv.id }, data: { settledAmount: "200.00" } });
    const cn = await issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: "full" });
    expect(cn.totals.grandTotal).toBe("236.00");
    expect(cn.settledAmount).toBe("36.00");
    expect(cn.paymentStatus).toBe("partly_applied");
    const again = await rejects(issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: "full" }));
    expect(again.code).toBe("conflict");
    const dn = await issueDebitNote(shop.staff, inv.id, { reason: "RATE_DIFFERENCE", lines: [{ originalLineId: inv.lines[0]!.id, amount: "20" }] });
    expect(dn).toMatchObject({ type: "DEBIT_NOTE", noteReason: "RATE_DIFFERENCE" });
    expect(dn.number).toMatch(/^DN\//);
    expect(dn.totals.grandTotal).toBe("24.00");
    const overCap = await rejects(issueCreditNote(shop.staff, dn.id, { reason: "OTHER", lines: "full" }));
    expect(overCap.code).toBe("conflict");
  });

  it("cap on the invoice value: notes that each round up cannot together pass the grand total", async () => {
    const shop = await orderShop();
    // Two lines of ₹0.50 at 0%: the invoice is ₹1.00, but a note for either line alone rounds up to ₹1.00.
    const half = { description: "Sample sachet", hsnCode: "3305", unit: "NOS", quantity: "1", unitPrice: "0.50", gstRate: "0" };
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [half, half] });
    expect(inv.totals.grandTotal).toBe("1.00");
    const first = await issueCreditNote(shop.staff, inv.id, { reason: "DISCOUNT", lines: [{ originalLineId: inv.lines[0]!.id, amount: "0.50" }] });
    expect(first.totals.grandTotal).toBe("1.00");
    const err = await rejects(issueCreditNote(shop.staff, inv.id, { reason: "DISCOUNT", lines: [{ originalLineId: inv.lines[1]!.id, amount: "0.50" }] }));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/Credit notes cannot exceed the invoice: .* at most ₹0\.00 can be credited/);
    expect(await prisma.invoice.count({ where: { originalInvoiceId: inv.id } })).toBe(1);
  });
});

describe("credit notes, read and priced before their transaction", () => {
  /** Holds the connection row in a transaction of its own, runs `meanwhile` in it, and releases it when told. */
  function holdConnection(connectionId: string, meanwhile: (tx: Prisma.TransactionClient) => Promise<unknown>) {
    let release!: () => void;
    const held = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Connection" WHERE id = ${connectionId} FOR UPDATE`;
      await meanwhile(tx);
      await new Promise<void>((resolve) => (release = resolve));
    }, { timeout: 60_000 });
    return { held, release: () => release() };
  }
  const waitingAtConnection = async () =>
    (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"Connection"%FOR UPDATE%'`)[0]!.n;

  it("an invoice cancelled while the note waits at the lock: refused, nothing written", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
    const hold = holdConnection(shop.connection.id, (tx) => tx.$executeRaw`UPDATE "Invoice" SET status = 'CANCELLED' WHERE id = ${inv.id}`);
    await new Promise((r) => setTimeout(r, 200));
    const noting = rejects(issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: "full" }));
    await expect.poll(waitingAtConnection, { timeout: 10_000 }).toBe(1);
    hold.release();
    await hold.held;
    const error = await noting;
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/is cancelled/);
    expect(await prisma.invoice.count({ where: { originalInvoiceId: inv.id } })).toBe(0);
  });

  it("two full credit notes priced at once: the second is priced again under the lock and refused; never more than the invoice", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "3" }] });
    const hold = holdConnection(shop.connection.id, async () => {});
    await new Promise((r) => setTimeout(r, 200));
    // Both read the invoice with nothing credited and price a note for all of it, then wait for the row.
    const notes = Promise.allSettled([issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: "full" }), issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: "full" })]);
    await expect.poll(waitingAtConnection, { timeout: 10_000 }).toBe(2);
    hold.release();
    await hold.held;
    const results = await notes;
    const issued = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(issued).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason.message).toMatch(/already been credited/);
    const credited = await prisma.invoice.aggregate({ where: { originalInvoiceId: inv.id, status: "ISSUED" }, _sum: { grandTotal: true } });
    expect(credited._sum.grandTotal?.toFixed(2)).toBe(inv.totals.grandTotal);
    // The refused note gave its number back.
    expect((issued[0] as PromiseFulfilledResult<{ number: string }>).value.number).toMatch(/\/000001$/);
  });

  it("applies what is open when the note is written: a payment settled meanwhile is not settled twice", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
    expect(inv.totals.grandTotal).toBe("236.00");
    // ₹200 of it is settled while the note (read with nothing settled) waits.
    const hold = holdConnection(shop.connection.id, (tx) => tx.$executeRaw`UPDATE "Invoice" SET "settledAmount" = 200 WHERE id = ${inv.id}`);
    await new Promise((r) => setTimeout(r, 200));
    const noting = issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: "full" });
    await expect.poll(waitingAtConnection, { timeout: 10_000 }).toBe(1);
    hold.release();
    await hold.held;
    const cn = await noting;
    expect(cn.totals.grandTotal).toBe("236.00");
    expect(cn.settledAmount).toBe("36.00");
    expect((await getInvoiceOrThrow(shop.staff, inv.id)).settledAmount).toBe("236.00");
  });
});

describe("numbering", () => {
  it("series from settings, at most 16 characters, a new financial year restarts at 1", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    await updateBillingSettings(shop.staff, { invoiceSeries: "GSTB", creditNoteSeries: "CRN" });
    const clash = await rejects(updateBillingSettings(shop.staff, { debitNoteSeries: "GSTB" }));
    expect(clash.fieldErrors?.debitNoteSeries).toBeDefined();
    const reserved = await rejects(updateBillingSettings(shop.staff, { invoiceSeries: "SO" }));
    expect(reserved.fieldErrors?.invoiceSeries).toBeDefined();
    const line = [{ productId: p.id, quantity: "1" }];
    const a = await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2025-03-30", lines: line });
    const b = await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2025-03-31", lines: line });
    const c = await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2025-04-01", lines: line });
    expect([a.number, b.number, c.number]).toEqual(["GSTB/24-25/00001", "GSTB/24-25/00002", "GSTB/25-26/00001"]);
    for (const n of [a, b, c]) expect(n.number.length).toBeLessThanOrEqual(16);
    const cn = await issueCreditNote(shop.staff, c.id, { reason: "OTHER", lines: "full" });
    expect(cn.number).toBe(`CRN/${cn.financialYear}/000001`);
  });
});

describe("permissions and tenancy", () => {
  it("SALES reads but cannot issue; WAREHOUSE cannot read", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    const sales = await shop.staffAs("SALES");
    expect((await rejects(issueInvoice(sales, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] }))).code).toBe("forbidden");
    expect((await getInvoiceOrThrow(sales, inv.id)).availableActions).toEqual([]);
    const warehouse = await shop.staffAs("WAREHOUSE");
    expect((await rejects(getInvoiceOrThrow(warehouse, inv.id))).code).toBe("forbidden");
    expect((await rejects(listInvoices(warehouse))).code).toBe("forbidden");
    const accountant = await shop.staffAs("ACCOUNTANT");
    expect((await issueCreditNote(accountant, inv.id, { reason: "OTHER", lines: "full" })).type).toBe("CREDIT_NOTE");
  });

  it("another company and another retailer get not_found; a retailer sees its own", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    expect((await rejects(getInvoiceOrThrow(other.staff, inv.id))).code).toBe("not_found");
    expect((await rejects(issueCreditNote(other.staff, inv.id, { reason: "OTHER", lines: "full" }))).code).toBe("not_found");
    expect((await rejects(issueDebitNote(other.staff, inv.id, { reason: "OTHER", lines: [{ originalLineId: inv.lines[0]!.id, amount: "1" }] }))).code).toBe("not_found");
    expect((await rejects(issueInvoice(other.staff, { connectionId: shop.connection.id, lines: [{ description: "X", hsnCode: "8471", unit: "NOS", quantity: "1", unitPrice: "1", gstRate: "18" }] }))).code).toBe("not_found");
    const order = await orderIn(shop, "DISPATCHED", (await stockedProduct(shop, 10, hsnFree)).id, 1);
    expect((await rejects(invoiceOrder(other.staff, order.id))).code).toBe("not_found");
    expect((await listInvoices(other.staff)).data.map((x) => x.id)).not.toContain(inv.id);

    const mine = await getInvoiceOrThrow(shop.shopper, inv.id);
    expect(mine.availableActions).toEqual([]);
    expect((await listInvoices(shop.shopper)).data.map((x) => x.id)).toContain(inv.id);
    const stranger = await createRetailerUser();
    expect((await rejects(getInvoiceOrThrow(stranger.ctx, inv.id))).code).toBe("not_found");
    expect((await listInvoices(stranger.ctx)).data).toHaveLength(0);
  });

  it("tax rates: company rows are the company's own; the published schedule is read-only", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const rate = await addTaxRate(shop.staff, { hsnPrefix: "8471", gstRate: "12", effectiveFrom: "2026-01-01" });
    expect((await listTaxRates(other.staff, { scope: "company" })).map((r) => r.id)).not.toContain(rate.id);
    expect((await rejects(deleteTaxRate(other.staff, rate.id))).code).toBe("not_found");
    const schedule = (await listTaxRates(shop.staff, { scope: "schedule", q: "1905" }))[0]!;
    expect((await rejects(deleteTaxRate(shop.staff, schedule.id))).code).toBe("forbidden");
    await deleteTaxRate(shop.staff, rate.id);
    expect(await prisma.taxRate.count({ where: { id: rate.id } })).toBe(0);
  });
});

describe("lists", () => {
  it("filters by type, payment and text; counts per type", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const a = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
    await issueCreditNote(shop.staff, a.id, { reason: "OTHER", lines: "full" });
    const all = await listInvoices(shop.staff);
    expect(all.counts).toEqual({ all: 3, invoice: 2, credit_note: 1, debit_note: 0 });
    expect(all.total).toBe(3);
    const notes = await listInvoices(shop.staff, { type: "credit_note" });
    expect(notes.data).toHaveLength(1);
    // The total is the current tab's count under the same filters.
    expect(notes.total).toBe(1);
    expect((await listInvoices(shop.staff, { type: "invoice", payment: "paid" })).total).toBe(1);
    expect((await listInvoices(shop.staff, { type: "debit_note" })).total).toBe(0);
    expect((await listInvoices(shop.staff, { type: "invoice", payment: "paid" })).data.map((x) => x.id)).toEqual([a.id]);
    expect((await listInvoices(shop.staff, { type: "invoice", payment: "unpaid" })).data).toHaveLength(1);
    expect((await listInvoices(shop.staff, { q: a.number })).data.map((x) => x.id)).toEqual([a.id]);
    expect((await listInvoices(shop.staff, { q: "1", type: "invoice", sort: "number" })).data.map((x) => x.id)[0]).toBe(a.id);
  });
  it("counts stop at the cap (1,000) and say so, on the list and the API", { timeout: 120_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const a = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    await issueCreditNote(shop.staff, a.id, { reason: "OTHER", lines: "full" });
    // 1,001 more invoices straight into the table, copies of the first under new ids and numbers (the list reads rows).
    await prisma.$executeRaw`
      INSERT INTO "Invoice"
      SELECT (jsonb_populate_record(NULL::"Invoice", to_jsonb(i) || jsonb_build_object('id', i.id || '-' || g, 'number', 'CAP/' || lpad(g::text, 6, '0')))).*
      FROM "Invoice" i, generate_series(1, ${LIST_COUNT_CAP + 1}) g WHERE i.id = ${a.id}`;
    const r = await listInvoices(shop.staff, { pageSize: 10 });
    expect(r.counts).toEqual({ all: LIST_COUNT_CAP, invoice: LIST_COUNT_CAP, credit_note: 1, debit_note: 0 });
    expect(r.countsCapped).toEqual({ all: true, invoice: true, credit_note: false, debit_note: false });
    expect(r).toMatchObject({ total: LIST_COUNT_CAP, totalIsCapped: true });
    expect(r.data).toHaveLength(10);
    expect(await listInvoices(shop.staff, { type: "credit_note" })).toMatchObject({ total: 1, totalIsCapped: false });
    // The API: a capped total still offers the next page.
    const { GET } = await import("@/app/api/v1/invoices/route");
    const token = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const { json: body } = await call(GET, { path: "/api/v1/invoices?limit=5", token });
    expect(body).toMatchObject({ total: LIST_COUNT_CAP, totalIsCapped: true, countsCapped: { all: true, credit_note: false } });
    expect(body.nextCursor).toEqual(expect.any(String));
  });
  it("the counts' SQL selects the same documents as the list's filters, filter by filter", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, hsnFree);
    const today = istDay(new Date());
    const past = istDay(new Date(Date.now() - 60 * 86_400_000));
    // b: issued 60 days ago with 30 days' terms, so overdue; partly paid (settlement may move on an issued row).
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { paymentTermsDays: 30 } });
    const b = await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: past, lines: [{ productId: p.id, quantity: "2" }] });
    await prisma.$executeRaw`UPDATE "Invoice" SET "settledAmount" = 1 WHERE id = ${b.id}`;
    const a = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    const c = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "3" }] });
    await issueCreditNote(shop.staff, a.id, { reason: "OTHER", lines: "full" });
    await cancelInvoice(shop.staff, c.id, { reasonCode: 2, remark: "Wrong retailer" });
    const filters: Record<string, string>[] = [
      {}, { status: "issued" }, { status: "cancelled" }, { payment: "unpaid" }, { payment: "partly_paid" }, { payment: "paid" }, { payment: "overdue" },
      { q: a.number }, { q: a.number.slice(-6) }, { q: String(Number(a.number.slice(-6))) }, { q: shop.retailer.legalName.slice(1, 5).toLowerCase() }, { q: "NOPE" },
      { from: today }, { to: past }, { from: past, to: past }, { connectionId: shop.connection.id }, { connectionId: "nobody" },
      { eInvoiceStatus: "NOT_REQUIRED" }, { orderId: "none" }, { payment: "overdue", q: b.number },
    ];
    const expected = async (actor: typeof shop.staff, f: Record<string, string>) => {
      const q = listInvoicesInput.parse(f);
      const base = baseWhere(actor, actor.actor, invoiceScope(actor.actor), q, dayToDbDate(today));
      const n = async (type?: "INVOICE" | "CREDIT_NOTE" | "DEBIT_NOTE") => prisma.invoice.count({ where: { AND: [base, type ? { type } : {}] } });
      return { all: await n(), invoice: await n("INVOICE"), credit_note: await n("CREDIT_NOTE"), debit_note: await n("DEBIT_NOTE") };
    };
    let nonZero = 0;
    for (const f of filters) {
      const got = (await listInvoices(shop.staff, f)).counts;
      expect({ filter: f, counts: got }).toEqual({ filter: f, counts: await expected(shop.staff, f) });
      if (got.all > 0) nonZero++;
    }
    // The fixture makes most filters match something, so the comparison is not of zeros.
    expect(nonZero).toBeGreaterThanOrEqual(12);
    // A retailer, by vendor code.
    const retailerFilters: Record<string, string>[] = [{ vendorCode: shop.company.code }, { vendorCode: "NOPE" }, { vendorCode: shop.company.code, payment: "unpaid" }];
    for (const f of retailerFilters) {
      expect((await listInvoices(shop.shopper, f)).counts).toEqual(await expected(shop.shopper, f));
    }
  });
});
