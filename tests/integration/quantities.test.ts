// Quantities fit the product's unit at every door: a product counted in pieces, boxes or packets
// takes whole numbers only; one measured in kilograms, litres or metres takes up to 3 decimals.
// Each door answers bad input with a 4xx naming the field and the unit, writes nothing, and never
// a 500: the portal cart, staff orders (place, edit, return), stock receipts, transfers,
// adjustments and counts, products and their import, price rows and their import, invoices (direct,
// from an order, credit notes) — through the domain functions and the REST routes.
import { describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/api/v1/cart/[vendorCode]/items/route";
import * as itemRoute from "@/app/api/v1/cart/[vendorCode]/items/[productId]/route";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import * as creditNotesRoute from "@/app/api/v1/invoices/[id]/credit-notes/route";
import * as ordersRoute from "@/app/api/v1/orders/route";
import * as orderRoute from "@/app/api/v1/orders/[id]/route";
import * as orderInvoiceRoute from "@/app/api/v1/orders/[id]/invoice/route";
import * as returnRoute from "@/app/api/v1/orders/[id]/return/route";
import * as priceItemsRoute from "@/app/api/v1/price-lists/[id]/items/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[id]/route";
import * as importRoute from "@/app/api/v1/products/import/route";
import * as adjustmentsRoute from "@/app/api/v1/stock/adjustments/route";
import * as countLinesRoute from "@/app/api/v1/stock/counts/[id]/lines/route";
import * as receiptsRoute from "@/app/api/v1/stock/receipts/route";
import * as transfersRoute from "@/app/api/v1/stock/transfers/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { issueCreditNote } from "@/lib/billing/issue-note";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { createProduct as createProductDoor } from "@/lib/catalog/create-product";
import { importPrices } from "@/lib/catalog/import/import-prices";
import { importProducts } from "@/lib/catalog/import/import-products";
import { updateProduct } from "@/lib/catalog/update-product";
import { prisma } from "@/lib/db/client";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { createGoodsReceipt } from "@/lib/inventory/goods-receipts";
import { createStockCount, saveCountLines } from "@/lib/inventory/stock-counts";
import { createTransfer } from "@/lib/inventory/transfers";
import { addToCart } from "@/lib/orders/add-to-cart";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { editOrder } from "@/lib/orders/edit-order";
import { packOrder } from "@/lib/orders/pack-order";
import { returnOrder } from "@/lib/orders/return-order";
import { setCartItem } from "@/lib/orders/set-cart-item";
import { createPriceList } from "@/lib/pricing/price-lists";
import { setItemPrices, upsertPriceListItem } from "@/lib/pricing/price-list-items";
import { createWarehouse } from "../support/catalog-factories";
import { call } from "../support/http";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { invoiceAndDispatch, orderShop, staffPlace, stockedProduct } from "../support/order-factories";
import { rejects } from "../support/rejects";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const key = () => `qty-${Math.random().toString(36).slice(2)}`;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(",")).join("\n"), "utf8");

/** A shop with soap sold in pieces (100 on the shelf) and loose sugar sold by the kilogram. */
async function unitShop() {
  const shop = await orderShop();
  const soap = await stockedProduct(shop, 100, { name: "Soap 100 g", unit: "PCS", basePrice: "30.00" });
  const sugar = await stockedProduct(shop, 100, { name: "Sugar (loose)", unit: "KGS", basePrice: "44.00", gstRate: "5" });
  return { ...shop, soap, sugar };
}

/** A problem+json 400 naming exactly `field`, with a message naming the unit. */
function expectFieldProblem(res: { status: number; headers: Headers; json: { code?: string; errors?: Record<string, string[]> } }, field: string, message: string | RegExp) {
  expect(res.status).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.json.code).toBe("validation");
  expect(Object.keys(res.json.errors ?? {})).toEqual([field]);
  expect(res.json.errors![field]![0]).toMatch(message);
}

const WHOLE_PCS = "Quantity must be a whole number of PCS";

describe("the portal cart", () => {
  it("takes whole pieces and decimal kilograms; 2.5 pieces is a 400 naming quantity and PCS, the cart unchanged", async () => {
    const shop = await unitShop();
    const code = shop.company.code;
    await addToCart(shop.shopper, { vendorCode: code, productId: shop.soap.id, quantity: "3" });
    await addToCart(shop.shopper, { vendorCode: code, productId: shop.sugar.id, quantity: "2.5" });
    const before = await prisma.cartItem.findMany({ where: { cart: { retailerId: shop.retailer.id } }, orderBy: { productId: "asc" } });

    const add = await rejects(addToCart(shop.shopper, { vendorCode: code, productId: shop.soap.id, quantity: "1.5" }));
    expect(add).toMatchObject({ code: "validation", fieldErrors: { quantity: [WHOLE_PCS] } });
    const set = await rejects(setCartItem(shop.shopper, { vendorCode: code, productId: shop.soap.id, quantity: "0.5" }));
    expect(set).toMatchObject({ code: "validation", fieldErrors: { quantity: [WHOLE_PCS] } });

    const t = await token(shop.retailerActor);
    expectFieldProblem(await call(itemsRoute.POST, { method: "POST", token: t, params: { vendorCode: code }, body: { productId: shop.soap.id, quantity: "2.5" } }), "quantity", WHOLE_PCS);
    expectFieldProblem(await call(itemRoute.PUT, { method: "PUT", token: t, params: { vendorCode: code, productId: shop.soap.id }, body: { quantity: 4.5 } }), "quantity", WHOLE_PCS);
    // More than 3 decimals is the schema's refusal, for any unit.
    expectFieldProblem(await call(itemRoute.PUT, { method: "PUT", token: t, params: { vendorCode: code, productId: shop.sugar.id }, body: { quantity: "1.2345" } }), "quantity", /3 decimals/);
    expect(await prisma.cartItem.findMany({ where: { cart: { retailerId: shop.retailer.id } }, orderBy: { productId: "asc" } })).toEqual(before);
  });

  it("a cart line from before the rule (2.5 pieces) is a blocking problem with a whole-number suggestion", async () => {
    const shop = await unitShop();
    const code = shop.company.code;
    const cart = await prisma.cart.create({ data: { companyId: shop.co, retailerId: shop.retailer.id } });
    await prisma.cartItem.create({ data: { cartId: cart.id, productId: shop.soap.id, quantity: "2.5" } });
    const view = await setCartItem(shop.shopper, { vendorCode: code, productId: shop.sugar.id, quantity: "1.25" });
    const soap = view.lines.find((l) => l.productId === shop.soap.id)!;
    expect(soap.problems).toEqual([expect.objectContaining({ code: "not_whole_units", blocking: true, message: `${WHOLE_PCS}.` })]);
    expect(soap.suggestedQuantity).toBe("3.000");
    expect(view.lines.find((l) => l.productId === shop.sugar.id)!.problems).toEqual([]);
    expect(view.canCheckout).toBe(false);
  });
});

describe("staff orders", () => {
  it("place: 2.5 pieces is refused naming lines.N.quantity; nothing is written, nothing reserved; 2.5 kg is an order", async () => {
    const shop = await unitShop();
    const err = await rejects(staffPlace(shop, [{ productId: shop.sugar.id, quantity: "2.5" }, { productId: shop.soap.id, quantity: "2.5" }]));
    expect(err).toMatchObject({ code: "validation", fieldErrors: { "lines.1.quantity": [WHOLE_PCS] } });
    expect(Object.keys(err.fieldErrors!)).toEqual(["lines.1.quantity"]);
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await level(shop.soap.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "0.000" });

    const t = await token(shop.owner);
    const res = await call(ordersRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: shop.soap.id, quantity: 1.5 }] }, headers: { "idempotency-key": key() } });
    expectFieldProblem(res, "lines.0.quantity", WHOLE_PCS);
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);

    const ok = await staffPlace(shop, [{ productId: shop.sugar.id, quantity: "2.5" }, { productId: shop.soap.id, quantity: "3" }]);
    expect(ok.lines.map((l) => [l.unit, l.quantity])).toEqual([["KGS", "2.500"], ["PCS", "3.000"]]);
    await expectLedgerMatchesLevels(shop.co);
  });

  it("edit: a fraction of a counted unit is refused and the order and its reservation stay as they were", async () => {
    const shop = await unitShop();
    const o = await staffPlace(shop, [{ productId: shop.soap.id, quantity: "4" }]);
    const err = await rejects(editOrder(shop.staff, o.id, { lines: [{ productId: shop.soap.id, quantity: "4.5" }] }));
    expect(err).toMatchObject({ code: "validation", fieldErrors: { "lines.0.quantity": [WHOLE_PCS] } });
    const t = await token(shop.owner);
    expectFieldProblem(await call(orderRoute.PATCH, { method: "PATCH", token: t, params: { id: o.id }, body: { lines: [{ productId: shop.soap.id, quantity: "0.5" }] } }), "lines.0.quantity", WHOLE_PCS);
    const stored = await prisma.orderLine.findMany({ where: { orderId: o.id } });
    expect(stored.map((l) => l.quantity.toFixed(3))).toEqual(["4.000"]);
    expect(await level(shop.soap.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "4.000" });
  });

  it("return: half a piece cannot come back; kilograms can, to 3 decimals", async () => {
    const shop = await unitShop();
    let o = await staffPlace(shop, [{ productId: shop.soap.id, quantity: "4" }, { productId: shop.sugar.id, quantity: "5" }]);
    o = await confirmOrder(shop.staff, o.id);
    o = await packOrder(shop.staff, o.id);
    o = await invoiceAndDispatch(shop, o.id);
    o = await deliverOrder(shop.staff, o.id, { receivedBy: "Ramesh" });
    const err = await rejects(returnOrder(shop.staff, o.id, { reason: "Torn", lines: [{ productId: shop.soap.id, quantity: "0.5" }] }));
    expect(err).toMatchObject({ code: "validation", fieldErrors: { "lines.0.quantity": [WHOLE_PCS] } });
    const t = await token(shop.owner);
    expectFieldProblem(await call(returnRoute.POST, { method: "POST", token: t, params: { id: o.id }, body: { reason: "Torn", lines: [{ productId: shop.soap.id, quantity: "1.5" }] } }), "lines.0.quantity", WHOLE_PCS);
    expect((await prisma.orderLine.findMany({ where: { orderId: o.id } })).every((l) => l.returnedQty.isZero())).toBe(true);
    const back = await returnOrder(shop.staff, o.id, { reason: "Wet", lines: [{ productId: shop.sugar.id, quantity: "1.25" }] });
    expect(back.lines.find((l) => l.productId === shop.sugar.id)!.returnedQty).toBe("1.250");
  });
});

describe("stock moves", () => {
  it("receipts, transfers, adjustments and counts refuse fractions of counted units, naming the line; nothing moves", async () => {
    const shop = await unitShop();
    const nashik = await createWarehouse(shop.co, { code: "NSK" });
    const t = await token(shop.owner);
    const movements = () => prisma.stockMovement.count({ where: { companyId: shop.co } });
    const moved = await movements();
    const day = new Date().toISOString().slice(0, 10);

    const receipt = { warehouseId: shop.wh.id, receivedDate: day, lines: [{ productId: shop.sugar.id, quantity: "12.5" }, { productId: shop.soap.id, quantity: "12.5" }] };
    expect(await rejects(createGoodsReceipt(shop.staff, receipt))).toMatchObject({ code: "validation", fieldErrors: { "lines.1.quantity": [WHOLE_PCS] } });
    expectFieldProblem(await call(receiptsRoute.POST, { method: "POST", token: t, body: receipt }), "lines.1.quantity", WHOLE_PCS);

    const transfer = { fromWarehouseId: shop.wh.id, toWarehouseId: nashik.id, lines: [{ productId: shop.soap.id, quantity: "2.25" }] };
    expect(await rejects(createTransfer(shop.staff, transfer))).toMatchObject({ code: "validation", fieldErrors: { "lines.0.quantity": [WHOLE_PCS] } });
    expectFieldProblem(await call(transfersRoute.POST, { method: "POST", token: t, body: transfer }), "lines.0.quantity", WHOLE_PCS);

    const adjust = { productId: shop.soap.id, warehouseId: shop.wh.id, quantity: "-0.5", reason: "damaged" };
    expect(await rejects(adjustStock(shop.staff, adjust))).toMatchObject({ code: "validation", fieldErrors: { quantity: [WHOLE_PCS] } });
    expectFieldProblem(await call(adjustmentsRoute.POST, { method: "POST", token: t, body: adjust }), "quantity", WHOLE_PCS);

    const count = await createStockCount(shop.staff, { warehouseId: shop.wh.id, productIds: [shop.soap.id, shop.sugar.id] });
    const lines = { lines: [{ productId: shop.sugar.id, countedQty: "99.5" }, { productId: shop.soap.id, countedQty: "99.5" }] };
    expect(await rejects(saveCountLines(shop.staff, count.id, lines))).toMatchObject({ code: "validation", fieldErrors: { "lines.1.countedQty": ["Counted quantity must be a whole number of PCS"] } });
    expectFieldProblem(await call(countLinesRoute.PUT, { method: "PUT", token: t, params: { id: count.id }, body: lines }), "lines.1.countedQty", /whole number of PCS/);
    expect((await prisma.stockCountLine.findMany({ where: { countId: count.id } })).every((l) => l.countedQty === null)).toBe(true);

    expect(await movements()).toBe(moved);
    expect(await prisma.goodsReceipt.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await prisma.stockTransfer.count({ where: { companyId: shop.co } })).toBe(0);
    // The same moves in whole pieces and decimal kilograms go through.
    await createGoodsReceipt(shop.staff, { ...receipt, lines: [{ productId: shop.sugar.id, quantity: "12.5" }, { productId: shop.soap.id, quantity: "12" }] });
    await createTransfer(shop.staff, { ...transfer, lines: [{ productId: shop.soap.id, quantity: "2" }, { productId: shop.sugar.id, quantity: "2.25" }] });
    await adjustStock(shop.staff, { ...adjust, quantity: "-1" });
    await saveCountLines(shop.staff, count.id, { lines: [{ productId: shop.sugar.id, countedQty: "99.5" }, { productId: shop.soap.id, countedQty: "99" }] });
    await expectLedgerMatchesLevels(shop.co);
  });
});

describe("products and their import", () => {
  it("pack size, minimum order and reorder level are counted in the product's unit; the API names the field", async () => {
    const shop = await unitShop();
    const base = { name: "Dish bar", hsnCode: "3402", gstRate: "18", basePrice: "10", unit: "PCS" };
    const err = await rejects(createProductDoor(shop.staff, { ...base, sku: "DB-1", packUnit: "BOX", packSize: "12.5", minOrderQty: "1.5", reorderLevel: "2.5" }));
    expect(err.fieldErrors).toEqual({ packSize: ["Pack size must be a whole number of PCS"], minOrderQty: ["Minimum order quantity must be a whole number of PCS"], reorderLevel: ["Reorder level must be a whole number of PCS"] });
    const t = await token(shop.owner);
    expectFieldProblem(await call(productsRoute.POST, { method: "POST", token: t, body: { ...base, sku: "DB-2", minOrderQty: "0.5" } }), "minOrderQty", "Minimum order quantity must be a whole number of PCS");
    expect(await prisma.product.count({ where: { companyId: shop.co, sku: { in: ["DB-1", "DB-2"] } } })).toBe(0);
    // By weight the same numbers are fine.
    const loose = await createProductDoor(shop.staff, { ...base, sku: "DB-3", unit: "KGS", minOrderQty: "1.5", reorderLevel: "2.5" });
    expect(loose).toMatchObject({ minOrderQty: "1.5", reorderLevel: "2.5" });
    // Changing the unit to pieces checks the stored quantities against it; a PATCH naming the field too.
    expect(await rejects(updateProduct(shop.staff, loose.id, { unit: "PCS" }))).toMatchObject({ fieldErrors: { minOrderQty: [expect.stringContaining("whole number of PCS")], reorderLevel: [expect.stringContaining("whole number of PCS")] } });
    expectFieldProblem(await call(productRoute.PATCH, { method: "PATCH", token: t, params: { id: shop.soap.id }, body: { reorderLevel: "7.5" } }), "reorderLevel", "Reorder level must be a whole number of PCS");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: loose.id } })).unit).toBe("KGS");
    // A product stored before the rule (a reorder level of 2.5 pieces) can still be renamed.
    await prisma.product.update({ where: { id: shop.soap.id }, data: { reorderLevel: "2.5" } });
    expect(await updateProduct(shop.staff, shop.soap.id, { name: "Soap 100 g (new pack)" })).toMatchObject({ name: "Soap 100 g (new pack)" });
  });

  it("the product import reports a fraction of a counted unit by row and column and imports nothing; so does the price import", async () => {
    const shop = await unitShop();
    const products = csv([
      ["sku", "name", "hsn_code", "gst_rate", "unit", "base_price", "pack_unit", "pack_size", "min_order_qty"],
      ["IM-1", "Rice (loose)", "1006", "5", "KGS", "60", "BAG", "25.5", "0.5"],
      ["IM-2", "Matchbox", "3605", "12", "PCS", "2", "BDL", "10.5", "1"],
      ["IM-3", "Candle", "3406", "12", "NOS", "8", "", "", "2.5"],
    ]);
    const dry = await importProducts(shop.staff, { bytes: products, contentType: "text/csv", dryRun: true });
    expect(dry.errors).toEqual([
      { row: 3, column: "pack_size", message: "Pack size must be a whole number of PCS" },
      { row: 4, column: "min_order_qty", message: "Minimum order quantity must be a whole number of NOS" },
    ]);
    expect(await rejects(importProducts(shop.staff, { bytes: products, contentType: "text/csv", dryRun: false }))).toMatchObject({ code: "validation" });
    expect(await prisma.product.count({ where: { companyId: shop.co, sku: { startsWith: "IM-" } } })).toBe(0);

    await createPriceList(shop.staff, { name: "Standard" });
    const prices = csv([
      ["price_list", "sku", "min_qty", "price"],
      ["Standard", shop.soap.sku, "10", "28"],
      ["Standard", shop.soap.sku, "12.5", "27"],
      ["Standard", shop.sugar.sku, "12.5", "42"],
    ]);
    const pdry = await importPrices(shop.staff, { bytes: prices, contentType: "text/csv", dryRun: true });
    expect(pdry.errors).toEqual([{ row: 3, column: "min_qty", message: "Minimum quantity must be a whole number of PCS" }]);
    // Over HTTP: a 400 with the rows, nothing written.
    const t = await token(shop.owner);
    const res = await importRoute.POST(new Request("http://localhost/api/v1/products/import?kind=prices", { method: "POST", headers: { authorization: `Bearer ${t}`, "content-type": "text/csv" }, body: new Uint8Array(prices) }), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(await res.json())).toContain("Minimum quantity must be a whole number of PCS");
    expect(await prisma.priceListItem.count({ where: { companyId: shop.co } })).toBe(0);
  });
});

describe("price rows", () => {
  it("a slab's minimum quantity is in the product's unit", async () => {
    const shop = await unitShop();
    const list = await createPriceList(shop.staff, { name: "Wholesale" });
    expect(await rejects(upsertPriceListItem(shop.staff, list.id, { productId: shop.soap.id, minQty: "2.5", price: "28" }))).toMatchObject({ code: "validation", fieldErrors: { minQty: ["Minimum quantity must be a whole number of PCS"] } });
    expect(await rejects(setItemPrices(shop.staff, list.id, { productId: shop.soap.id, slabs: [{ minQty: "1", price: "29" }, { minQty: "24.5", price: "27" }] }))).toMatchObject({ fieldErrors: { "slabs.1.minQty": ["Minimum quantity must be a whole number of PCS"] } });
    const t = await token(shop.owner);
    expectFieldProblem(await call(priceItemsRoute.POST, { method: "POST", token: t, params: { id: list.id }, body: { productId: shop.soap.id, minQty: "0.5", price: "28" } }), "minQty", "Minimum quantity must be a whole number of PCS");
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(0);
    expect(await upsertPriceListItem(shop.staff, list.id, { productId: shop.sugar.id, minQty: "2.5", price: "42" })).toMatchObject({ minQty: "2.5" });
  });
});

describe("invoices and notes", () => {
  it("direct invoices count a product line in its unit and a free-text line in its own UQC", async () => {
    const shop = await unitShop();
    const t = await token(shop.owner);
    const invoices = () => prisma.invoice.count({ where: { companyId: shop.co } });
    expect(await rejects(issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: shop.soap.id, quantity: "1.5" }] }))).toMatchObject({ code: "validation", fieldErrors: { "lines.0.quantity": [WHOLE_PCS] } });
    const text = { description: "Cartons of biscuits", hsnCode: "19053100", unit: "BOX", quantity: "0.5", unitPrice: "800", gstRate: "18" };
    expectFieldProblem(await call(invoicesRoute.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [text] } }), "lines.0.quantity", "Quantity must be a whole number of BOX");
    expect(await invoices()).toBe(0);
    // An hour of service has no counting rule of the table: decimals are fine.
    const ok = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ ...text, description: "Loading labour", hsnCode: "998519", unit: "HRS", quantity: "1.5", unitPrice: "200" }, { productId: shop.sugar.id, quantity: "2.5" }] });
    expect(ok.lines.map((l) => l.quantity)).toEqual(["1.500", "2.500"]);
  });

  it("an order's partial invoice and a credit note take quantities in the line's unit", async () => {
    const shop = await unitShop();
    let o = await staffPlace(shop, [{ productId: shop.soap.id, quantity: "10" }]);
    o = await confirmOrder(shop.staff, o.id);
    o = await packOrder(shop.staff, o.id);
    const line = o.lines[0]!;
    expect(await rejects(invoiceOrder(shop.staff, o.id, { lines: [{ orderLineId: line.id, quantity: "4.5" }] }))).toMatchObject({ code: "validation", fieldErrors: { "lines.0.quantity": [WHOLE_PCS] } });
    const t = await token(shop.owner);
    expectFieldProblem(await call(orderInvoiceRoute.POST, { method: "POST", token: t, params: { id: o.id }, body: { lines: [{ orderLineId: line.id, quantity: "0.5" }] } }), "lines.0.quantity", WHOLE_PCS);
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(0);
    const inv = await invoiceOrder(shop.staff, o.id, { lines: [{ orderLineId: line.id, quantity: "4" }] });
    expect(await rejects(issueCreditNote(shop.staff, inv.id, { reason: "RETURN", lines: [{ originalLineId: inv.lines[0]!.id, quantity: "1.5" }] }))).toMatchObject({ fieldErrors: { "lines.0.quantity": [WHOLE_PCS] } });
    expectFieldProblem(await call(creditNotesRoute.POST, { method: "POST", token: t, params: { id: inv.id }, body: { reason: "RETURN", lines: [{ originalLineId: inv.lines[0]!.id, quantity: "0.25" }] } }), "lines.0.quantity", WHOLE_PCS);
    expect(await prisma.invoice.count({ where: { companyId: shop.co, type: "CREDIT_NOTE" } })).toBe(0);
  });
});
