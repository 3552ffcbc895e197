// Prices of 0 or less are refused wherever a price is entered (product base price and MRP, price
// rows, the imports, invoice lines, the API); a free supply is explicit: an order or invoice line
// marked free goods ("buy 10, get 1 free"), at no price and no taxable value, with the GST of the
// document coming from the paid lines only. Only the vendor gives free goods, and free goods come
// with a paid line (goods with no consideration at all are a free sample, not an invoice).
import { describe, expect, it } from "vitest";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import * as ordersRoute from "@/app/api/v1/orders/route";
import * as priceItemsRoute from "@/app/api/v1/price-lists/[id]/items/route";
import * as productsRoute from "@/app/api/v1/products/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { getEInvoiceJson } from "@/lib/billing/einvoice/get-einvoice-json";
import { getInvoicePdf } from "@/lib/billing/get-invoice-pdf";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote } from "@/lib/billing/issue-note";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { createProduct as createProductDoor } from "@/lib/catalog/create-product";
import { importPrices } from "@/lib/catalog/import/import-prices";
import { importProducts } from "@/lib/catalog/import/import-products";
import { prisma } from "@/lib/db/client";
import { addToCart } from "@/lib/orders/add-to-cart";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { editOrder } from "@/lib/orders/edit-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { previewReorder } from "@/lib/orders/preview-reorder";
import { returnOrder } from "@/lib/orders/return-order";
import { createPriceList } from "@/lib/pricing/price-lists";
import { call } from "../support/http";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { orderShop, staffPlace, stockedProduct } from "../support/order-factories";
import { readPdf } from "../support/pdf-text";
import { rejects } from "../support/rejects";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const key = () => `free-${Math.random().toString(36).slice(2)}`;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(",")).join("\n"), "utf8");

/** Biscuits at ₹100 + 18% (minimum order 6), shampoo sachets at ₹50 + 18%; the retailer is in the vendor's state. */
async function schemeShop() {
  const shop = await orderShop();
  const biscuits = await stockedProduct(shop, 100, { name: "Biscuits 200 g", basePrice: "100.00", gstRate: "18", minOrderQty: "6" });
  const shampoo = await stockedProduct(shop, 100, { name: "Shampoo sachet", basePrice: "50.00", gstRate: "18" });
  return { ...shop, biscuits, shampoo };
}

describe("a price of 0 or less is refused where prices are entered", () => {
  it("product: base price and MRP must be more than zero, by form, API and import", async () => {
    const shop = await schemeShop();
    const base = { sku: "FREE-1", name: "Display stand", hsnCode: "9403", gstRate: "18", unit: "PCS" };
    expect(await rejects(createProductDoor(shop.staff, { ...base, basePrice: "0" }))).toMatchObject({ code: "validation", fieldErrors: { basePrice: ["Selling price must be more than zero"] } });
    expect(await rejects(createProductDoor(shop.staff, { ...base, basePrice: "-10" }))).toMatchObject({ fieldErrors: { basePrice: ["Selling price cannot be negative"] } });
    expect(await rejects(createProductDoor(shop.staff, { ...base, basePrice: "10", mrp: "0.00" }))).toMatchObject({ fieldErrors: { mrp: ["MRP must be more than zero"] } });
    const t = await token(shop.owner);
    const res = await call(productsRoute.POST, { method: "POST", token: t, body: { ...base, basePrice: 0 } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors).toEqual({ basePrice: ["Selling price must be more than zero"] });
    const dry = await importProducts(shop.staff, { bytes: csv([["sku", "name", "hsn_code", "gst_rate", "unit", "base_price"], ["FREE-2", "Stand", "9403", "18", "PCS", "0"]]), contentType: "text/csv", dryRun: true });
    expect(dry.errors).toEqual([{ row: 2, column: "base_price", message: "Selling price must be more than zero" }]);
    expect(await prisma.product.count({ where: { companyId: shop.co, sku: { startsWith: "FREE-" } } })).toBe(0);
  });

  it("price rows: 0 is refused by the API and the import; a list cannot give goods away", async () => {
    const shop = await schemeShop();
    const list = await createPriceList(shop.staff, { name: "Standard" });
    const t = await token(shop.owner);
    const res = await call(priceItemsRoute.POST, { method: "POST", token: t, params: { id: list.id }, body: { productId: shop.biscuits.id, price: "0.00" } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ price: ["Price must be more than zero"] });
    const put = await call(priceItemsRoute.PUT, { method: "PUT", token: t, params: { id: list.id }, body: { productId: shop.biscuits.id, slabs: [{ minQty: "1", price: "95" }, { minQty: "100", price: "0" }] } });
    expect(put.status).toBe(400);
    expect(put.json.errors).toEqual({ "slabs.1.price": ["Price must be more than zero"] });
    const dry = await importPrices(shop.staff, { bytes: csv([["price_list", "sku", "min_qty", "price"], ["Standard", shop.biscuits.sku, "1", "0"]]), contentType: "text/csv", dryRun: true });
    expect(dry.errors).toEqual([{ row: 2, column: "price", message: "Price must be more than zero" }]);
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(0);
  });

  it("a price of 0 stored before the rule is not sold at 0: the order names the line, the cart blocks checkout", async () => {
    const shop = await schemeShop();
    const list = await prisma.priceList.create({ data: { companyId: shop.co, name: "Old list" } });
    await prisma.priceListItem.create({ data: { companyId: shop.co, priceListId: list.id, productId: shop.shampoo.id, minQty: "1", price: "0" } });
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { priceListId: list.id } });
    const err = await rejects(staffPlace(shop, [{ productId: shop.biscuits.id, quantity: "6" }, { productId: shop.shampoo.id, quantity: "2" }]));
    expect(err).toMatchObject({ code: "validation", fieldErrors: { "lines.1.productId": [expect.stringContaining("mark the line as free goods")] } });
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
    const cart = await addToCart(shop.shopper, { vendorCode: shop.company.code, productId: shop.shampoo.id, quantity: "2" });
    expect(cart.lines[0]!.problems).toEqual([expect.objectContaining({ code: "no_price", blocking: true })]);
    expect(cart.canCheckout).toBe(false);
  });

  it("invoice lines: a typed price of 0 without the free-goods mark is refused, naming the line's price", async () => {
    const shop = await schemeShop();
    const t = await token(shop.owner);
    const product = await call(invoicesRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: shop.biscuits.id, quantity: "2", unitPrice: "0" }] } });
    expect(product.status).toBe(400);
    expect(product.json.errors).toEqual({ "lines.0.unitPrice": ["Price must be more than zero; mark the line as free goods to give it free"] });
    const text = await rejects(issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ description: "Freight", hsnCode: "996511", unit: "NOS", quantity: "1", unitPrice: "0", gstRate: "18" }] }));
    expect(text.fieldErrors).toEqual({ "lines.0.unitPrice": ["Price must be more than zero; mark the line as free goods to give it free"] });
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(0);
  });
});

describe("free goods on an order", () => {
  it("buy 10 get 1 free: the free line has no price, no taxable value and no tax; stock is reserved for all 11", async () => {
    const shop = await schemeShop();
    const o = await staffPlace(shop, [{ productId: shop.biscuits.id, quantity: 10 }], {});
    expect(o.totals).toMatchObject({ taxable: "1000.00", grandTotal: "1180.00" });
    const t = await token(shop.owner);
    const res = await call(ordersRoute.POST, {
      method: "POST",
      token: t,
      headers: { "idempotency-key": key() },
      body: { connectionId: shop.connection.id, lines: [{ productId: shop.biscuits.id, quantity: "10" }, { productId: shop.biscuits.id, quantity: "1", freeGoods: true }, { productId: shop.shampoo.id, quantity: "2", freeGoods: true }] },
    });
    expect(res.status).toBe(201);
    const free = res.json.lines.filter((l: { freeGoods: boolean }) => l.freeGoods);
    expect(free).toEqual([
      expect.objectContaining({ productId: shop.biscuits.id, quantity: "1.000", unitPrice: "0.00", priceSource: "free_goods", taxableValue: "0.00", cgstAmount: "0.00", sgstAmount: "0.00", lineTotal: "0.00" }),
      expect.objectContaining({ productId: shop.shampoo.id, quantity: "2.000", unitPrice: "0.00", taxableValue: "0.00", lineTotal: "0.00" }),
    ]);
    // The consideration is what the paid line charges: the totals are the first order's.
    expect(res.json.totals).toMatchObject({ taxable: "1000.00", cgst: "90.00", sgst: "90.00", grandTotal: "1180.00" });
    // 10 + 10 + 1 biscuits and 2 sachets reserved.
    expect(await level(shop.biscuits.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "21.000" });
    expect(await level(shop.shampoo.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "2.000" });
    await expectLedgerMatchesLevels(shop.co);
  });

  it("the free line skips the minimum order but not the unit; a paid line is needed; twice the same free product is refused", async () => {
    const shop = await schemeShop();
    const one = await staffPlace(shop, [{ productId: shop.shampoo.id, quantity: 3 }], {});
    expect(one.lines).toHaveLength(1);
    const free = (quantity: string) => ({ productId: shop.biscuits.id, quantity, freeGoods: true });
    // Minimum order of biscuits is 6: a single free packet is still fine.
    const ok = await placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: shop.shampoo.id, quantity: "3" }, free("1")] });
    expect(ok.lines[1]).toMatchObject({ freeGoods: true, quantity: "1.000" });
    expect(await rejects(placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: shop.shampoo.id, quantity: "3" }, free("0.5")] }))).toMatchObject({ fieldErrors: { "lines.1.quantity": ["Quantity must be a whole number of PCS"] } });
    expect(await rejects(placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [free("2")] }))).toMatchObject({ code: "validation", fieldErrors: { lines: ["Free goods come with at least one paid line"] } });
    expect(await rejects(placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: shop.shampoo.id, quantity: "3" }, free("1"), free("2")] }))).toMatchObject({ code: "validation", fieldErrors: { lines: [expect.stringContaining("appears twice")] } });
    // A minimum order still holds for the paid line of the same product.
    expect(await rejects(placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: shop.biscuits.id, quantity: "2" }, free("1")] }))).toMatchObject({ fieldErrors: { "lines.0.quantity": [expect.stringContaining("Minimum order")] } });
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(2);
  });

  it("only the vendor gives free goods: a retailer cannot add them, by order or by edit, but may keep or drop the vendor's", async () => {
    const shop = await schemeShop();
    const mine = await rejects(placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: shop.biscuits.id, quantity: "6" }, { productId: shop.biscuits.id, quantity: "1", freeGoods: true }] }));
    expect(mine).toMatchObject({ code: "validation", fieldErrors: { "lines.1.freeGoods": ["Only the vendor gives free goods"] } });
    const o = await staffPlace(shop, [{ productId: shop.biscuits.id, quantity: 12 }], {});
    const withFree = await editOrder(shop.staff, o.id, { lines: [{ productId: shop.biscuits.id, quantity: "12" }, { productId: shop.biscuits.id, quantity: "1", freeGoods: true }] });
    expect(withFree.lines.map((l) => [l.quantity, l.freeGoods, l.unitPrice])).toEqual([["12.000", false, "100.00"], ["1.000", true, "0.00"]]);
    const more = await rejects(editOrder(shop.shopper, o.id, { lines: [{ productId: shop.biscuits.id, quantity: "12" }, { productId: shop.biscuits.id, quantity: "3", freeGoods: true }] }));
    expect(more).toMatchObject({ code: "validation", fieldErrors: { "lines.1.freeGoods": ["Only the vendor gives free goods"] } });
    // The retailer changes the paid quantity and keeps the free packet as it was.
    const kept = await editOrder(shop.shopper, o.id, { lines: [{ productId: shop.biscuits.id, quantity: "18" }, { productId: shop.biscuits.id, quantity: "1", freeGoods: true }] });
    expect(kept.lines.map((l) => [l.quantity, l.freeGoods])).toEqual([["18.000", false], ["1.000", true]]);
    expect(kept.totals.taxable).toBe("1800.00");
    expect(await level(shop.biscuits.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "19.000" });
    // A reorder asks for what was bought, not the scheme's free goods.
    await prisma.order.update({ where: { id: o.id }, data: { status: "DELIVERED" } });
    expect((await previewReorder(shop.shopper, o.id)).lines.map((l) => l.quantity)).toEqual(["18.000"]);
  });
});

describe("free goods on documents and in GST", () => {
  it("the invoice carries the free line at zero taxable value; GST, e-invoice JSON, PDF and a return of the free packet all agree", async () => {
    const shop = await schemeShop();
    let o = await staffPlace(shop, [{ productId: shop.biscuits.id, quantity: 10 }], {});
    o = await editOrder(shop.staff, o.id, { lines: [{ productId: shop.biscuits.id, quantity: "10" }, { productId: shop.biscuits.id, quantity: "1", freeGoods: true }] });
    o = await confirmOrder(shop.staff, o.id);
    o = await packOrder(shop.staff, o.id);
    const inv = await invoiceOrder(shop.staff, o.id, {});
    expect(inv.lines.map((l) => [l.quantity, l.freeGoods, l.unitPrice, l.taxableValue, l.cgstAmount, l.sgstAmount, l.lineTotal])).toEqual([
      ["10.000", false, "100.00", "1000.00", "90.00", "90.00", "1180.00"],
      ["1.000", true, "0.00", "0.00", "0.00", "0.00", "0.00"],
    ]);
    expect(inv.totals).toMatchObject({ taxable: "1000.00", cgst: "90.00", sgst: "90.00", grandTotal: "1180.00" });

    const einv = await getEInvoiceJson(shop.staff, inv.id);
    expect(einv.problems.filter((p) => p.level === "error")).toEqual([]);
    expect(einv.json.ItemList[1]).toMatchObject({ Qty: 1, UnitPrice: 0, TotAmt: 0, AssAmt: 0, CgstAmt: 0, SgstAmt: 0, TotItemVal: 0, GstRt: 18 });
    expect(einv.json.ValDtls).toMatchObject({ AssVal: 1000, CgstVal: 90, SgstVal: 90, TotInvVal: 1180 });

    const pdf = readPdf((await getInvoicePdf(shop.staff, inv.id)).bytes);
    expect(pdf.text).toContain("Free goods (scheme): no charge, no taxable value");

    o = await dispatchOrder(shop.staff, o.id, {});
    o = await deliverOrder(shop.staff, o.id, { receivedBy: "Ramesh" });
    // The free packet comes back: stock returns, no value.
    const back = await returnOrder(shop.staff, o.id, { reason: "Crushed", lines: [{ productId: shop.biscuits.id, quantity: "1", freeGoods: true }] });
    expect(back.lines.map((l) => [l.freeGoods, l.returnedQty])).toEqual([[false, "0.000"], [true, "1.000"]]);
    expect(back.totals.returned).toBe("0.00");
    // Its credit note moves the quantity at no value.
    const cn = await issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: [{ originalLineId: inv.lines[1]!.id, quantity: "1" }] });
    expect(cn.lines[0]).toMatchObject({ freeGoods: true, quantity: "1.000", taxableValue: "0.00" });
    expect(cn.totals.grandTotal).toBe("0.00");
    await expectLedgerMatchesLevels(shop.co);
  });

  it("a direct invoice may carry free goods (no price, no discount) next to a paid line, never alone", async () => {
    const shop = await schemeShop();
    const t = await token(shop.owner);
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: shop.biscuits.id, quantity: "10" }, { productId: shop.shampoo.id, quantity: "2", freeGoods: true }] });
    expect(inv.lines[1]).toMatchObject({ freeGoods: true, unitPrice: "0.00", taxableValue: "0.00", lineTotal: "0.00" });
    expect(inv.totals).toMatchObject({ taxable: "1000.00", grandTotal: "1180.00" });
    // Everything back: the full credit note takes the free goods' quantity too, at no value.
    const full = await issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: "full" });
    expect(full.lines.map((l) => [l.freeGoods, l.quantity, l.taxableValue])).toEqual([[false, "10.000", "1000.00"], [true, "2.000", "0.00"]]);
    expect(full.totals.grandTotal).toBe("1180.00");
    const priced = await call(invoicesRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: shop.biscuits.id, quantity: "10" }, { productId: shop.shampoo.id, quantity: "2", unitPrice: "50", freeGoods: true }] } });
    expect(priced.status).toBe(400);
    expect(priced.json.errors).toEqual({ "lines.1.unitPrice": ["A free-goods line has no price; leave the price out (or 0)"] });
    const alone = await call(invoicesRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: shop.shampoo.id, quantity: "2", freeGoods: true }] } });
    expect(alone.status).toBe(400);
    expect(alone.json.errors).toEqual({ lines: ["Free goods come with at least one paid line; free samples alone go on a delivery challan"] });
    const bad = await call(invoicesRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: shop.biscuits.id, quantity: "1", freeGoods: "yes" }] } });
    expect(bad.status).toBe(400);
    expect(await prisma.invoice.count({ where: { companyId: shop.co, type: "INVOICE" } })).toBe(1);
  });
});
