// The preview before issuing shows exactly what is then issued: the order's invoice (intra-state CGST +
// SGST, inter-state IGST), a direct invoice and a credit note, all priced by the same functions as the
// issue itself; the preview writes nothing (no document, no number taken), names the number the
// document then takes, and follows the tenancy and input rules of issuing.
import { describe, expect, it } from "vitest";
import * as invoicePreviewRoute from "@/app/api/v1/invoices/preview/route";
import * as orderPreviewRoute from "@/app/api/v1/orders/[id]/invoice/preview/route";
import * as creditPreviewRoute from "@/app/api/v1/invoices/[id]/credit-notes/preview/route";
import * as debitPreviewRoute from "@/app/api/v1/invoices/[id]/debit-notes/preview/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueCreditNote } from "@/lib/billing/issue-note";
import type { DocumentPreview } from "@/lib/billing/document-preview";
import type { InvoiceView } from "@/lib/billing/invoice-views";
import { previewInvoice } from "@/lib/billing/preview-invoice";
import { previewNote } from "@/lib/billing/preview-note";
import { previewOrderInvoice } from "@/lib/billing/preview-order-invoice";
import { prisma } from "@/lib/db/client";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { packOrder } from "@/lib/orders/pack-order";
import { tenant } from "../support/factories";
import { orderShop, staffPlace, stockedProduct, type Shop } from "../support/order-factories";
import { call } from "../support/http";
import { rejects } from "../support/rejects";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

/** A packed order of two products at 18 % and 5 % GST. */
async function packedOrder(shop: Shop) {
  const a = await stockedProduct(shop, 50, { hsnCode: "84713010", gstRate: "18", basePrice: "1249.50" });
  const b = await stockedProduct(shop, 50, { hsnCode: "1106", gstRate: "5", basePrice: "95.35" });
  const placed = await staffPlace(shop, [{ productId: a.id, quantity: 3 }, { productId: b.id, quantity: 7 }]);
  await confirmOrder(shop.staff, placed.id);
  return packOrder(shop.staff, placed.id);
}

/** What the preview and the issued document must agree on. */
function essentials(d: DocumentPreview | InvoiceView) {
  return {
    number: d.number,
    type: d.type,
    taxType: d.taxType,
    placeOfSupply: d.placeOfSupply,
    seller: d.seller,
    buyer: d.buyer,
    shipTo: d.shipTo,
    issueDate: d.issueDate,
    dueDate: d.dueDate,
    totals: d.totals,
    amountInWords: d.amountInWords,
    lines: d.lines.map((l) => ({ description: l.description, hsnCode: l.hsnCode, quantity: l.quantity, unitPrice: l.unitPrice, taxableValue: l.taxableValue, gstRate: l.gstRate, cgst: l.cgstAmount, sgst: l.sgstAmount, igst: l.igstAmount, lineTotal: l.lineTotal })),
  };
}

describe("the preview before issuing an order's invoice", () => {
  it("intra-state: CGST + SGST per rate, and the issued invoice carries the previewed number and totals", async () => {
    const shop = await orderShop();
    const order = await packedOrder(shop);
    const input = { lines: [{ orderLineId: order.lines[0]!.id, quantity: "2" }, { orderLineId: order.lines[1]!.id, quantity: "7" }] };

    const preview = await previewOrderInvoice(shop.staff, order.id, input);
    expect(preview.taxType).toBe("intra");
    expect(preview.series).toBe("INV");
    expect(preview.number).toMatch(/^INV\/\d{2}-\d{2}\/000001$/);
    expect(preview.order).toEqual({ id: order.id, number: order.number });
    expect(preview.taxSplit.map((r) => r.gstRate)).toEqual(["5.00", "18.00"]);
    expect(preview.totals.igst).toBe("0.00");
    expect(Number(preview.totals.cgst)).toBeGreaterThan(0);
    expect(preview.totals.cgst).toBe(preview.totals.sgst);
    // The split per rate adds up to the totals.
    const sum = (k: "taxable" | "cgst" | "sgst") => preview.taxSplit.reduce((s, r) => s + Math.round(Number(r[k]) * 100), 0) / 100;
    expect(sum("taxable").toFixed(2)).toBe(preview.totals.taxable);
    expect(sum("cgst").toFixed(2)).toBe(preview.totals.cgst);

    // Nothing was written: no invoice, no number taken, nothing invoiced on the order.
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await prisma.documentSequence.count({ where: { companyId: shop.co, series: "INV" } })).toBe(0);
    expect((await prisma.orderLine.findUniqueOrThrow({ where: { id: order.lines[0]!.id } })).invoicedQty.toFixed(3)).toBe("0.000");

    const issued = await invoiceOrder(shop.staff, order.id, input);
    expect(essentials(issued)).toEqual(essentials(preview));

    // The next preview names the next number; what is left is one unit of the first line.
    const rest = await previewOrderInvoice(shop.staff, order.id, {});
    expect(rest.number).toMatch(/\/000002$/);
    expect(rest.lines.map((l) => l.quantity)).toEqual(["1.000"]);
  });

  it("inter-state: IGST only, equal to the issued invoice's", async () => {
    const shop = await orderShop({ placeOfSupply: "24" });
    const order = await packedOrder(shop);
    const preview = await previewOrderInvoice(shop.staff, order.id, {});
    expect(preview.taxType).toBe("inter");
    expect(preview.placeOfSupply).toEqual({ code: "24", name: "Gujarat" });
    expect(preview.totals.cgst).toBe("0.00");
    expect(preview.totals.sgst).toBe("0.00");
    expect(preview.taxSplit.map((r) => [r.gstRate, Number(r.igst) > 0])).toEqual([["5.00", true], ["18.00", true]]);
    const issued = await invoiceOrder(shop.staff, order.id, {});
    expect(essentials(issued)).toEqual(essentials(preview));
  });

  it("refuses what issuing refuses, naming the field, and another company's order is not found", async () => {
    const shop = await orderShop();
    const order = await packedOrder(shop);
    const tooMany = await rejects(previewOrderInvoice(shop.staff, order.id, { lines: [{ orderLineId: order.lines[0]!.id, quantity: "4" }] }));
    expect(tooMany.code).toBe("validation");
    expect(Object.keys(tooMany.fieldErrors ?? {})).toEqual(["lines.0.quantity"]);
    const unknown = await rejects(previewOrderInvoice(shop.staff, order.id, { lines: [], total: "1" }));
    expect(unknown.code).toBe("validation");
    const other = await tenant();
    expect((await rejects(previewOrderInvoice(other.ctx, order.id, {}))).code).toBe("not_found");
    expect((await rejects(previewOrderInvoice(shop.shopper, order.id, {}))).code).toBe("forbidden");
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(0);
  });
});

describe("the preview before issuing a direct invoice and a credit note", () => {
  it("a direct inter-state invoice and a credit note against it are issued as previewed", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "84713010", gstRate: "18", basePrice: "999.99" });
    const body = { connectionId: shop.connection.id, placeOfSupply: "29", lines: [{ productId: p.id, quantity: "3" }, { description: "Installation", hsnCode: "998729", unit: "NOS", gstRate: "18", quantity: "1", unitPrice: "450.55" }] };
    const preview = await previewInvoice(shop.staff, body);
    expect(preview.document.taxType).toBe("inter");
    expect(preview.document.totals.grandTotal).toBe(preview.totals.grandTotal);
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(0);
    const issued = await issueInvoice(shop.staff, body);
    expect(essentials(issued)).toEqual(essentials(preview.document));

    const note = { reason: "RETURN", lines: [{ originalLineId: issued.lines[0]!.id, quantity: "1" }] };
    const cnPreview = await previewNote(shop.staff, issued.id, "CREDIT_NOTE", note);
    expect(cnPreview).toMatchObject({ type: "CREDIT_NOTE", series: "CN", original: { id: issued.id, number: issued.number } });
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(1);
    const cn = await issueCreditNote(shop.staff, issued.id, note);
    expect(essentials(cn)).toEqual(essentials(cnPreview));
    const other = await tenant();
    expect((await rejects(previewNote(other.ctx, issued.id, "CREDIT_NOTE", note))).code).toBe("not_found");
  });
});

describe("the preview routes", () => {
  it("answer the document as it would be issued, name the bad field, write nothing, and 404 another company's record", async () => {
    const shop = await orderShop();
    const t = await token(shop.owner);
    const order = await packedOrder(shop);
    const byOrder = await call(orderPreviewRoute.POST, { method: "POST", token: t, params: { id: order.id }, body: {} });
    expect(byOrder.status).toBe(200);
    expect(byOrder.json).toMatchObject({ type: "INVOICE", series: "INV", taxType: "intra", order: { id: order.id } });
    const bad = await call(orderPreviewRoute.POST, { method: "POST", token: t, params: { id: order.id }, body: { lines: [{ orderLineId: order.lines[0]!.id, quantity: "-1" }] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors)).toEqual(["lines.0.quantity"]);

    const direct = await call(invoicePreviewRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: order.lines[0]!.productId, quantity: "2" }] } });
    expect(direct.status).toBe(200);
    const unknown = await call(invoicePreviewRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [], total: "1" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors.total).toEqual(["Unknown field"]);
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(0);

    const inv = await invoiceOrder(shop.staff, order.id, {});
    const cn = await call(creditPreviewRoute.POST, { method: "POST", token: t, params: { id: inv.id }, body: { reason: "RETURN", lines: "full" } });
    expect(cn.json).toMatchObject({ type: "CREDIT_NOTE", totals: { grandTotal: inv.totals.grandTotal } });
    const dn = await call(debitPreviewRoute.POST, { method: "POST", token: t, params: { id: inv.id }, body: { reason: "RATE_DIFFERENCE", lines: [{ originalLineId: inv.lines[0]!.id, amount: "10" }] } });
    expect(dn.json).toMatchObject({ type: "DEBIT_NOTE", series: "DN" });
    const dnFull = await call(debitPreviewRoute.POST, { method: "POST", token: t, params: { id: inv.id }, body: { reason: "OTHER", lines: "full" } });
    expect(dnFull.status).toBe(400);
    expect(Object.keys(dnFull.json.errors)).toEqual(["lines"]);
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(1);

    const other = await token((await tenant()).actor);
    const answers = [
      await call(orderPreviewRoute.POST, { method: "POST", token: other, params: { id: order.id }, body: {} }),
      await call(creditPreviewRoute.POST, { method: "POST", token: other, params: { id: inv.id }, body: { reason: "RETURN", lines: "full" } }),
      await call(debitPreviewRoute.POST, { method: "POST", token: other, params: { id: inv.id }, body: { reason: "OTHER", lines: [{ originalLineId: inv.lines[0]!.id, amount: "1" }] } }),
      await call(invoicePreviewRoute.POST, { method: "POST", token: other, body: { connectionId: shop.connection.id, lines: [{ productId: order.lines[0]!.productId, quantity: "1" }] } }),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect((await call(orderPreviewRoute.POST, { method: "POST", token: await token(shop.retailerActor), params: { id: order.id }, body: {} })).status).toBe(403);
  });
});
