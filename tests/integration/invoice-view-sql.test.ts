// loadInvoiceView reads a document, its lines, the invoice it corrects, its order, its notes and the
// credited quantities in one SQL statement and revives the JSON into the ORM's types. This compares
// its answer with the same view built from the ORM's reads, for every kind of document and state,
// for staff and for the retailer, and checks the scope.
import { describe, expect, it } from "vitest";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { loadInvoiceView, toInvoiceView } from "@/lib/billing/invoice-views";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { recordPayment } from "@/lib/billing/record-payment";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { istDay } from "@/lib/pricing/dates";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";
import { rejects } from "../support/rejects";

async function viewFromOrm(ctx: Ctx, id: string) {
  const row = await loadInvoiceDocument(prisma, ctx.actor, id);
  const notes = await prisma.invoice.findMany({
    where: { companyId: row.companyId, originalInvoiceId: row.id },
    select: { id: true, number: true, type: true, status: true, issueDate: true, grandTotal: true },
    orderBy: [{ issueDate: "asc" }, { number: "asc" }],
  });
  const credited = row.type === "INVOICE" ? await creditedByLineOrm(row.companyId, row.lines.map((l) => l.id)) : new Map();
  return toInvoiceView(ctx.actor, row, notes, credited, ctx.now());
}

/** What issued credit notes took of each line, through the ORM (the reference for the statements in lib/billing). */
async function creditedByLineOrm(companyId: string, lineIds: string[]) {
  const rows = await prisma.invoiceLine.groupBy({
    by: ["originalLineId"],
    where: { companyId, originalLineId: { in: lineIds }, invoice: { type: "CREDIT_NOTE", status: "ISSUED" } },
    _sum: { quantity: true, taxableValue: true },
  });
  return new Map(rows.flatMap((r) => (r.originalLineId ? [[r.originalLineId, { quantity: r._sum.quantity!, value: r._sum.taxableValue! }] as const] : [])));
}

describe("an invoice's view from one statement", () => {
  it("equals the view from the ORM's reads for invoices, notes, paid, credited and cancelled documents, for staff and the retailer", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, { hsnCode: "84713010", costPrice: "70" });
    const order = await orderIn(shop, "PACKED", p.id, 4);
    const fromOrder = await invoiceOrder(shop.staff, order.id);
    const credit = await issueCreditNote(shop.staff, fromOrder.id, { reason: "RETURN", lines: [{ originalLineId: fromOrder.lines[0]!.id, quantity: "1" }] });
    const debit = await issueDebitNote(shop.staff, fromOrder.id, { reason: "RATE_DIFFERENCE", lines: [{ originalLineId: fromOrder.lines[0]!.id, amount: "25" }] });
    const direct = await issueInvoice(shop.staff, {
      connectionId: shop.connection.id,
      buyerReference: "PO-77",
      notes: "Deliver before Diwali",
      lines: [
        { productId: p.id, quantity: "3", discount: "5" },
        { description: "Packing charges", hsnCode: "998540", unit: "NOS", quantity: "1", unitPrice: "120", gstRate: "18" },
      ],
    });
    await recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "100", method: "UPI", reference: "UTR 612345678901", paidOn: istDay(new Date()), allocations: [{ invoiceId: direct.id, amount: "100" }] });
    const cancelled = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    await cancelInvoice(shop.staff, cancelled.id, { reasonCode: 2, remark: "Raised twice" });

    for (const id of [fromOrder.id, credit.id, debit.id, direct.id, cancelled.id]) {
      for (const ctx of [shop.staff, shop.shopper]) {
        expect(await loadInvoiceView(prisma, ctx.actor, id, ctx.now())).toEqual(await viewFromOrm(ctx, id));
      }
    }
    const view = await loadInvoiceView(prisma, shop.staff.actor, fromOrder.id, shop.staff.now());
    expect(view.notesIssued.map((n) => n.id)).toEqual([credit.id, debit.id]);
    expect(view.lines[0]!.creditedQuantity).toBe("1.000");
  });

  it("another company and another retailer get not_found", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "84713010" });
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    expect((await rejects(loadInvoiceView(prisma, other.staff.actor, inv.id, new Date()))).code).toBe("not_found");
    expect((await rejects(loadInvoiceView(prisma, other.shopper.actor, inv.id, new Date()))).code).toBe("not_found");
  });
});
