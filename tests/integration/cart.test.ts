// The retailer's cart per vendor: what goes in, how it is priced and checked, checkout into an
// order, one-tap reorder, and who may see which cart.
import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as cartsRoute from "@/app/api/v1/cart/route";
import * as cartRoute from "@/app/api/v1/cart/[vendorCode]/route";
import * as itemsRoute from "@/app/api/v1/cart/[vendorCode]/items/route";
import * as itemRoute from "@/app/api/v1/cart/[vendorCode]/items/[productId]/route";
import * as checkoutRoute from "@/app/api/v1/cart/[vendorCode]/checkout/route";
import * as reorderRoute from "@/app/api/v1/orders/[id]/reorder/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { addToCart } from "@/lib/orders/add-to-cart";
import { MAX_CART_LINES, buildCartView, cartConnectionInclude, cartItemInclude, getCartConnectionOrThrow, loadCart } from "@/lib/orders/cart-view";
import { checkout } from "@/lib/orders/checkout";
import { clearCart } from "@/lib/orders/clear-cart";
import { getCart } from "@/lib/orders/get-cart";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { listMyCarts } from "@/lib/orders/list-my-carts";
import { removeCartItem } from "@/lib/orders/remove-cart-item";
import { reorderToCart } from "@/lib/orders/reorder-to-cart";
import { setCartItem } from "@/lib/orders/set-cart-item";
import { createProduct, stockUp } from "../support/catalog-factories";
import { call } from "../support/http";
import { PASSWORD, createRetailerUser } from "../support/factories";
import { withRowHeld } from "../support/numbering-helpers";
import { orderShop, stockedProduct, type Shop } from "../support/order-factories";

/** A shop whose retailer buys on a "Kirana" list: besan at ₹90, ₹86.50 from 10 up. */
async function cartShop() {
  const shop = await orderShop();
  const besan = await stockedProduct(shop, 100, { name: "Besan 1 kg", basePrice: "95.00", gstRate: "5" });
  const poha = await stockedProduct(shop, 50, { name: "Poha 500 g", basePrice: "40.00", gstRate: "5", reorderLevel: "60" });
  const kirana = await prisma.priceList.create({ data: { companyId: shop.co, name: "Kirana" } });
  await prisma.priceListItem.createMany({
    data: [
      { companyId: shop.co, priceListId: kirana.id, productId: besan.id, minQty: "1", price: "90.00" },
      { companyId: shop.co, priceListId: kirana.id, productId: besan.id, minQty: "10", price: "86.50" },
    ],
  });
  await prisma.connection.update({ where: { id: shop.connection.id }, data: { priceListId: kirana.id } });
  return { ...shop, code: shop.company.code, besan, poha };
}

const lineOf = (cart: Awaited<ReturnType<typeof getCart>>, productId: string) => cart.lines.find((l) => l.productId === productId);

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "ok";
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

async function tokenFor(email: string) {
  const res = await call(tokenRoute.POST, { method: "POST", path: "/api/v1/auth/token", body: { email, password: PASSWORD } });
  return res.json.accessToken as string;
}

async function cartRows(shop: Shop) {
  return prisma.cartItem.findMany({ where: { cart: { retailerId: shop.retailer.id, companyId: shop.co } }, select: { productId: true, quantity: true } });
}

describe("retailer cart", () => {
  it("adds on top, sets, removes and empties; priced at today's slab price with GST per line", async () => {
    const s = await cartShop();
    let cart = await addToCart(s.shopper, { vendorCode: s.code.toLowerCase(), productId: s.besan.id, quantity: "5" });
    expect(lineOf(cart, s.besan.id)).toMatchObject({ quantity: "5.000", unitPrice: "90.00", priceSource: "retailer_list", nextSlab: { unitPrice: "86.50" } });
    expect(Number(lineOf(cart, s.besan.id)!.nextSlab!.minQty)).toBe(10);

    cart = await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "7" });
    // 5 + 7 = 12 crosses the 10+ slab: ₹86.50 × 12 = ₹1,038.00; intra-state GST 5 % → 2.5 % + 2.5 %.
    expect(lineOf(cart, s.besan.id)).toMatchObject({ quantity: "12.000", unitPrice: "86.50", nextSlab: null, taxableValue: "1038.00", cgstAmount: "25.95", sgstAmount: "25.95", igstAmount: "0.00", lineTotal: "1089.90" });
    expect(cart.taxType).toBe("intra");

    cart = await addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: 3 });
    expect(cart.totals).toMatchObject({ lineCount: 2, taxable: "1158.00", tax: "57.90", grandTotal: "1215.90" });
    expect(lineOf(cart, s.poha.id)!.availability).toBe("low"); // 50 available, reorder level 60

    cart = await setCartItem(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "2" });
    expect(lineOf(cart, s.besan.id)).toMatchObject({ quantity: "2.000", unitPrice: "90.00" });
    cart = await setCartItem(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: 0 });
    expect(lineOf(cart, s.besan.id)).toBeUndefined();
    expect(await cartRows(s)).toHaveLength(1);

    cart = await removeCartItem(s.shopper, s.code, s.poha.id);
    expect(cart.lines).toEqual([]);
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "1" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "1" });
    expect((await listMyCarts(s.shopper)).carts).toEqual([expect.objectContaining({ vendor: expect.objectContaining({ code: s.code }), lineCount: 2 })]);
    await clearCart(s.shopper, s.code);
    expect(await cartRows(s)).toEqual([]);
    expect((await listMyCarts(s.shopper)).carts).toEqual([]);
    expect((await getCart(s.shopper, s.code)).canCheckout).toBe(false);
  });

  it("refuses bad quantities and products the vendor does not sell, naming the field", async () => {
    const s = await cartShop();
    const other = await orderShop();
    const foreign = await stockedProduct(other, 10);
    await expect(addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "-2" })).rejects.toMatchObject({ code: "validation", fieldErrors: { quantity: expect.any(Array) } });
    await expect(setCartItem(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "1.2345" })).rejects.toMatchObject({ code: "validation", fieldErrors: { quantity: expect.any(Array) } });
    await expect(addToCart(s.shopper, { vendorCode: s.code, productId: foreign.id, quantity: "1" })).rejects.toMatchObject({ code: "not_found" });
    await prisma.product.update({ where: { id: s.poha.id }, data: { active: false } });
    await expect(addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "1" })).rejects.toMatchObject({ code: "validation", fieldErrors: { productId: expect.any(Array) } });
    // A vendor the retailer is not connected to does not exist for it.
    await expect(getCart(s.shopper, other.company.code)).rejects.toMatchObject({ code: "not_found" });
    expect(await cartRows(s)).toEqual([]);
  });

  it("shows minimum order, whole packs, discontinued and stock problems per line, with a quantity that fixes them", async () => {
    const s = await cartShop();
    const boxed = await stockedProduct(s, 100, { name: "Soap (box of 6)", minOrderQty: "6", packUnit: "BOX", packSize: "6", sellInPacks: true });
    const gone = await stockedProduct(s, 0, { name: "Chivda 200 g" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: boxed.id, quantity: "4" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: gone.id, quantity: "2" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "80" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "1" });
    await prisma.product.update({ where: { id: s.besan.id }, data: { active: false } });

    let cart = await getCart(s.shopper, s.code);
    const codes = (id: string) => lineOf(cart, id)!.problems.map((p) => p.code);
    expect(codes(boxed.id)).toEqual(["below_min_order", "not_whole_packs"]);
    expect(lineOf(cart, boxed.id)!.suggestedQuantity).toBe("6.000");
    expect(codes(gone.id)).toEqual(["out_of_stock"]);
    expect(lineOf(cart, gone.id)!.availability).toBe("out");
    expect(codes(s.poha.id)).toEqual(["short_stock"]);
    expect(codes(s.besan.id)).toEqual(["inactive"]);
    expect(cart.canCheckout).toBe(false);

    cart = await setCartItem(s.shopper, { vendorCode: s.code, productId: boxed.id, quantity: "9" });
    expect(codes(boxed.id)).toEqual(["not_whole_packs"]);
    expect(lineOf(cart, boxed.id)!.suggestedQuantity).toBe("12.000");
    cart = await setCartItem(s.shopper, { vendorCode: s.code, productId: boxed.id, quantity: "12" });
    expect(codes(boxed.id)).toEqual([]);
    // Stock problems are warnings (checked when the order is placed); a discontinued product blocks.
    await removeCartItem(s.shopper, s.code, s.besan.id);
    expect((await getCart(s.shopper, s.code)).canCheckout).toBe(true);
  });

  it("the cart read in one statement gives the same view as the ORM's read priced by the resolver", async () => {
    const s = await cartShop();
    const boxed = await stockedProduct(s, 100, { name: "Soap (box of 6)", minOrderQty: "6", packUnit: "BOX", packSize: "6", sellInPacks: true, mrp: "240", cessRate: "1" });
    const gone = await stockedProduct(s, 0, { name: "Chivda 200 g", taxInclusive: true });
    // A default list with a dated item for boxed soap, and images (the first by position is shown).
    const general = await prisma.priceList.create({ data: { companyId: s.co, name: "General", isDefault: true } });
    await prisma.priceListItem.createMany({
      data: [
        { companyId: s.co, priceListId: general.id, productId: boxed.id, minQty: "1", price: "199.00", validFrom: new Date("2026-01-01") },
        { companyId: s.co, priceListId: general.id, productId: boxed.id, minQty: "24", price: "189.00" },
        { companyId: s.co, priceListId: general.id, productId: boxed.id, minQty: "1", price: "150.00", validTo: new Date("2025-01-01") },
      ],
    });
    const png = Buffer.from("89504e470d0a1a0a", "hex");
    await prisma.productImage.createMany({ data: [{ companyId: s.co, productId: boxed.id, contentType: "image/png", data: png, position: 2 }, { companyId: s.co, productId: boxed.id, contentType: "image/png", data: png, position: 1 }] });
    await addToCart(s.shopper, { vendorCode: s.code, productId: boxed.id, quantity: "12" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: gone.id, quantity: "2" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "10" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "80" });

    const connection = await getCartConnectionOrThrow(s.shopper, s.code, { forOrdering: false });
    const { actor: _actor, ...read } = connection;
    expect(read).toEqual(await prisma.connection.findUniqueOrThrow({ where: { id: connection.id }, include: cartConnectionInclude }));
    const viaOrm = await prisma.cart.findUniqueOrThrow({
      where: { retailerId_companyId: { retailerId: connection.retailerId, companyId: connection.companyId } },
      include: { items: { include: cartItemInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    });
    const loaded = await loadCart(s.shopper, connection);
    expect(loaded!.prices).toBeDefined();
    const view = await buildCartView(s.shopper, connection, loaded);
    expect(view).toEqual(await buildCartView(s.shopper, connection, viaOrm));
    expect(lineOf(view, boxed.id)).toMatchObject({ unitPrice: "199.00", priceSource: "default_list", nextSlab: { minQty: "24", unitPrice: "189.00" } });
    expect(lineOf(view, boxed.id)!.imageUrl).toMatch(/\/catalog\/images\/c/);
    expect(lineOf(view, s.besan.id)).toMatchObject({ unitPrice: "86.50", priceSource: "retailer_list" });
    expect(lineOf(view, s.poha.id)).toMatchObject({ unitPrice: "40.00", priceSource: "base_price" });
    // Another retailer's connection reads its own (empty) cart, never this one.
    const other = await createRetailerUser();
    await prisma.connection.create({ data: { companyId: s.co, retailerId: other.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
    const otherCtx = s.ctxOf(other.actor);
    const { actor: _other, ...otherRead } = await getCartConnectionOrThrow(otherCtx, s.code, { forOrdering: false });
    expect(otherRead).toEqual(await prisma.connection.findUniqueOrThrow({ where: { id: otherRead.id }, include: cartConnectionInclude }));
    expect(otherRead.priceList).toBeNull();
    expect(await loadCart(otherCtx, otherRead)).toBeNull();
  });

  it("checkout places the order through placeOrder and empties the cart", async () => {
    const s = await cartShop();
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "12" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "3" });
    const before = await getCart(s.shopper, s.code);

    const order = await checkout(s.shopper, { vendorCode: s.code, buyerReference: "PO-77", notes: "Deliver before 10 am" });
    expect(order).toMatchObject({ status: "PLACED", source: "PORTAL", buyerReference: "PO-77", notes: "Deliver before 10 am", vendor: { code: s.code } });
    expect(order.lines.map((l) => [l.productId, l.quantity, l.unitPrice])).toEqual([
      [s.besan.id, "12.000", "86.50"],
      [s.poha.id, "3.000", "40.00"],
    ]);
    // The cart's estimate is what the order charges.
    expect(order.totals).toMatchObject({ taxable: before.totals.taxable, tax: before.totals.tax, grandTotal: before.totals.grandTotal });
    expect(order.shippingAddress).toMatchObject({ line1: before.defaultShippingAddress.line1, pincode: before.defaultShippingAddress.pincode });
    expect(await cartRows(s)).toEqual([]);
    expect((await getOrderOrThrow(s.shopper, order.id)).id).toBe(order.id);
    await expect(checkout(s.shopper, { vendorCode: s.code })).rejects.toMatchObject({ code: "conflict" });
  });

  it("the same cart submitted twice at once (a double tap, two tabs) becomes one order", async () => {
    const s = await cartShop();
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "12" });
    const results = await Promise.allSettled([checkout(s.shopper, { vendorCode: s.code }), checkout(s.shopper, { vendorCode: s.code })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    expect(await prisma.order.count({ where: { retailerId: s.retailer.id, companyId: s.co } })).toBe(1);
    expect(await cartRows(s)).toEqual([]);
  });

  it("checkout ships to the address given, and a refused order (short stock) leaves the cart as it was", async () => {
    const s = await cartShop();
    const scarce = await stockedProduct(s, 5, { name: "Ghee 1 L" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "2" });
    await addToCart(s.shopper, { vendorCode: s.code, productId: scarce.id, quantity: "8" });
    const err = await checkout(s.shopper, { vendorCode: s.code }).catch((e) => e);
    expect(err).toMatchObject({ code: "insufficient_stock" });
    expect(err.message).toContain("Ghee 1 L");
    expect((await cartRows(s)).map((r) => [r.productId, r.quantity.toString()]).sort()).toEqual([[s.besan.id, "2"], [scarce.id, "8"]].sort());
    expect(await prisma.order.count({ where: { connectionId: s.connection.id } })).toBe(0);

    // A bad address is a validation error naming the field, and changes nothing either.
    await expect(checkout(s.shopper, { vendorCode: s.code, shippingAddress: { name: "Shop", line1: "", city: "Indore", stateCode: "23", pincode: "452001" } })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "shippingAddress.line1": expect.any(Array) },
    });
    await setCartItem(s.shopper, { vendorCode: s.code, productId: scarce.id, quantity: "5" });
    const order = await checkout(s.shopper, { vendorCode: s.code, shippingAddress: { name: "Godown", line1: "Plot 9, Sanwer Road", city: "Indore", stateCode: "23", pincode: "452001" } });
    // Shipped to Madhya Pradesh from Maharashtra: inter-state, IGST.
    expect(order).toMatchObject({ placeOfSupply: "23", taxType: "inter", shippingAddress: { city: "Indore", stateCode: "23" } });
    expect(Number(order.totals.igst)).toBeGreaterThan(0);
    expect(await cartRows(s)).toEqual([]);
  });

  it("reorder puts the past order's lines in the cart at today's prices and flags what cannot be ordered", async () => {
    const s = await cartShop();
    const oil = await stockedProduct(s, 20, { name: "Groundnut oil 1 L", basePrice: "180.00" });
    const snack = await stockedProduct(s, 10, { name: "Bhujia 400 g", basePrice: "60.00" });
    for (const [p, q] of [[s.besan, "12"], [s.poha, "3"], [oil, "2"], [snack, "10"]] as const) await addToCart(s.shopper, { vendorCode: s.code, productId: p.id, quantity: q });
    const past = await checkout(s.shopper, { vendorCode: s.code });
    expect(past.lines.find((l) => l.productId === s.poha.id)!.unitPrice).toBe("40.00");

    // Since then: poha costs more, the oil is discontinued, the bhujia sold out (that order reserved all 10).
    await prisma.product.update({ where: { id: s.poha.id }, data: { basePrice: "42.00" } });
    await prisma.product.update({ where: { id: oil.id }, data: { active: false } });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "20" }); // already in the cart, more than before

    const res = await reorderToCart(s.shopper, past.id);
    expect(res.sourceOrder).toEqual({ id: past.id, number: past.number });
    expect(Object.fromEntries(res.added.map((l) => [l.name, l.status]))).toEqual({ "Besan 1 kg": "ok", "Poha 500 g": "price_changed" });
    expect(Object.fromEntries(res.flagged.map((l) => [l.name, l.status]))).toEqual({ "Groundnut oil 1 L": "inactive", "Bhujia 400 g": "out_of_stock" });

    const cart = await getCart(s.shopper, s.code);
    expect(cart.lines.map((l) => l.name).sort()).toEqual(["Besan 1 kg", "Poha 500 g"]);
    expect(lineOf(cart, s.poha.id)).toMatchObject({ quantity: "3.000", unitPrice: "42.00" });
    expect(lineOf(cart, s.besan.id)!.quantity).toBe("20.000"); // the larger of cart (20) and order (12)
    // Twice is the same as once.
    await reorderToCart(s.shopper, past.id);
    expect((await getCart(s.shopper, s.code)).lines.map((l) => [l.name, l.quantity]).sort()).toEqual([["Besan 1 kg", "20.000"], ["Poha 500 g", "3.000"]]);
  });

  it("keeps every retailer to its own cart; staff have no cart", async () => {
    const s = await cartShop();
    const other = await createRetailerUser();
    await prisma.connection.create({ data: { companyId: s.co, retailerId: other.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "4" });
    const placed = await checkout(s.shopper, { vendorCode: s.code });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "2" });

    // Retailer B of the same vendor sees only its own (empty) cart and cannot touch A's lines or order.
    expect((await getCart(other.ctx, s.code)).lines).toEqual([]);
    expect((await listMyCarts(other.ctx)).carts).toEqual([]);
    await removeCartItem(other.ctx, s.code, s.poha.id);
    await clearCart(other.ctx, s.code);
    expect(await cartRows(s)).toHaveLength(1);
    await expect(reorderToCart(other.ctx, placed.id)).rejects.toMatchObject({ code: "not_found" });
    await addToCart(other.ctx, { vendorCode: s.code, productId: s.besan.id, quantity: "1" });
    expect(lineOf(await getCart(s.shopper, s.code), s.besan.id)).toBeUndefined();

    // Vendor staff, whatever their role, are not retailers.
    const staff: Ctx = s.staff;
    const denied = await Promise.all([
      codeOf(getCart(staff, s.code)),
      codeOf(listMyCarts(staff)),
      codeOf(addToCart(staff, { vendorCode: s.code, productId: s.besan.id, quantity: "1" })),
      codeOf(setCartItem(staff, { vendorCode: s.code, productId: s.besan.id, quantity: "1" })),
      codeOf(removeCartItem(staff, s.code, s.besan.id)),
      codeOf(clearCart(staff, s.code)),
      codeOf(checkout(staff, { vendorCode: s.code })),
      codeOf(reorderToCart(staff, placed.id)),
    ]);
    expect(denied).toEqual(Array(8).fill("forbidden"));
    expect(await cartRows(s)).toHaveLength(1);
  });

  it("a suspended connection keeps its cart in view but cannot add, check out or reorder (conflict)", async () => {
    const s = await cartShop();
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "2" });
    const past = await checkout(s.shopper, { vendorCode: s.code });
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "2" });
    await prisma.connection.update({ where: { id: s.connection.id }, data: { status: "SUSPENDED", suspendedAt: new Date() } });

    const cart = await getCart(s.shopper, s.code);
    expect(cart.connection).toMatchObject({ status: "SUSPENDED", orderable: false });
    expect(cart.canCheckout).toBe(false);
    expect(await codeOf(addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "1" }))).toBe("conflict");
    expect(await codeOf(setCartItem(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "4" }))).toBe("conflict");
    expect(await codeOf(checkout(s.shopper, { vendorCode: s.code }))).toBe("conflict");
    expect(await codeOf(reorderToCart(s.shopper, past.id))).toBe("conflict");
    expect((await cartRows(s)).map((r) => r.quantity.toString())).toEqual(["2"]);
    // Emptying is still allowed.
    await setCartItem(s.shopper, { vendorCode: s.code, productId: s.poha.id, quantity: "0" });
    expect(await cartRows(s)).toEqual([]);
    // An ended connection has no cart at all.
    await prisma.connection.update({ where: { id: s.connection.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect(await codeOf(getCart(s.shopper, s.code))).toBe("not_found");
  });

  it("answers over REST: carts, items, checkout with Idempotency-Key, reorder; a bad body is 400 naming the field", async () => {
    const s = await cartShop();
    const token = await tokenFor(s.retailerActor.email);
    const base = `/api/v1/cart/${s.code}`;
    const params = { vendorCode: s.code };

    const bad = await call(itemsRoute.POST, { method: "POST", path: `${base}/items`, token, params, body: { productId: s.besan.id, quantity: "lots" } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: "validation", errors: { quantity: expect.any(Array) } });
    const unknown = await call(itemsRoute.POST, { method: "POST", path: `${base}/items`, token, params, body: { productId: s.besan.id, quantity: "1", price: "1.00" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toHaveProperty("price");
    const missing = await call(itemsRoute.POST, { method: "POST", path: `${base}/items`, token, params, body: { quantity: "1" } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toHaveProperty("productId");

    const added = await call(itemsRoute.POST, { method: "POST", path: `${base}/items`, token, params, body: { productId: s.besan.id, quantity: "3" } });
    expect(added.status).toBe(200);
    expect(added.json.lines[0]).toMatchObject({ productId: s.besan.id, quantity: "3.000", unitPrice: "90.00" });
    await call(itemsRoute.POST, { method: "POST", path: `${base}/items`, token, params, body: { productId: s.poha.id, quantity: 2 } });

    const badSet = await call(itemRoute.PUT, { method: "PUT", path: `${base}/items/${s.besan.id}`, token, params: { ...params, productId: s.besan.id }, body: { qty: 4 } });
    expect(badSet.status).toBe(400);
    expect(Object.keys(badSet.json.errors).sort()).toEqual(["qty", "quantity"]);
    const set = await call(itemRoute.PUT, { method: "PUT", path: `${base}/items/${s.besan.id}`, token, params: { ...params, productId: s.besan.id }, body: { quantity: "10" } });
    expect(set.status).toBe(200);
    expect(set.json.lines.find((l: { productId: string }) => l.productId === s.besan.id).unitPrice).toBe("86.50");

    const list = await call(cartsRoute.GET, { path: "/api/v1/cart", token });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ lineCount: 2, data: [{ vendor: { code: s.code }, lineCount: 2 }] });
    const one = await call(cartRoute.GET, { path: base, token, params });
    expect(one.json.totals.lineCount).toBe(2);

    const removed = await call(itemRoute.DELETE, { method: "DELETE", path: `${base}/items/${s.poha.id}`, token, params: { ...params, productId: s.poha.id } });
    expect(removed.json.lines).toHaveLength(1);

    const badCheckout = await call(checkoutRoute.POST, { method: "POST", path: `${base}/checkout`, token, params, body: { shippingAddress: { name: "X", line1: "Y", city: "Z", stateCode: "99", pincode: "12" } } });
    expect(badCheckout.status).toBe(400);
    expect(Object.keys(badCheckout.json.errors).sort()).toEqual(["shippingAddress.pincode", "shippingAddress.stateCode"]);
    expect(await cartRows(s)).toHaveLength(1);

    const headers = { "idempotency-key": `checkout-${s.code}` };
    const placed = await call(checkoutRoute.POST, { method: "POST", path: `${base}/checkout`, token, params, headers, body: { notes: "Mobile order" } });
    expect(placed.status).toBe(201);
    expect(placed.json).toMatchObject({ status: "PLACED", source: "API", notes: "Mobile order" });
    const replay = await call(checkoutRoute.POST, { method: "POST", path: `${base}/checkout`, token, params, headers, body: { notes: "Mobile order" } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.id).toBe(placed.json.id);
    expect(await prisma.order.count({ where: { connectionId: s.connection.id } })).toBe(1);
    expect(await cartRows(s)).toEqual([]);

    const reordered = await call(reorderRoute.POST, { method: "POST", path: `/api/v1/orders/${placed.json.id}/reorder`, token, params: { id: placed.json.id } });
    expect(reordered.status).toBe(200);
    expect(reordered.json.added).toHaveLength(1);
    const cleared = await call(cartRoute.DELETE, { method: "DELETE", path: base, token, params });
    expect(cleared.status).toBe(204);
    expect(await cartRows(s)).toEqual([]);

    // Staff tokens are refused; another retailer's reorder of this order is 404.
    const staffToken = await tokenFor(s.owner.email);
    expect((await call(cartsRoute.GET, { path: "/api/v1/cart", token: staffToken })).status).toBe(403);
    const stranger = await createRetailerUser();
    const strangerToken = await tokenFor(stranger.user.email);
    expect((await call(reorderRoute.POST, { method: "POST", path: `/api/v1/orders/${placed.json.id}/reorder`, token: strangerToken, params: { id: placed.json.id } })).status).toBe(404);
    expect((await call(cartRoute.GET, { path: base, token: strangerToken, params })).status).toBe(404);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await call(openapiRoute.GET, { path: "/api/v1/openapi.json" })).json;
    for (const p of ["/api/v1/cart", "/api/v1/cart/{vendorCode}", "/api/v1/cart/{vendorCode}/items", "/api/v1/cart/{vendorCode}/items/{productId}", "/api/v1/cart/{vendorCode}/checkout", "/api/v1/orders/{id}/reorder"]) expect(Object.keys(doc.paths)).toContain(p);
    const checkoutOp = doc.paths["/api/v1/cart/{vendorCode}/checkout"].post;
    expect(checkoutOp.parameters.map((x: { name: string }) => x.name)).toEqual(["vendorCode", "Idempotency-Key"]);
    const addBody = doc.paths["/api/v1/cart/{vendorCode}/items"].post.requestBody.content["application/json"].schema;
    expect(addBody.required).toEqual(["productId", "quantity"]);
    expect(addBody.additionalProperties).toBe(false);
    expect(doc.paths["/api/v1/cart/{vendorCode}/items/{productId}"]).toHaveProperty("put");
  });

  it(`holds at most ${MAX_CART_LINES} lines, also when new lines are added at once; adds of one product at once add up; past a billion is refused`, async () => {
    const s = await cartShop();
    const made = await prisma.product.createManyAndReturn({
      data: Array.from({ length: MAX_CART_LINES + 6 }, (_, i) => ({ companyId: s.co, sku: `CAP-${i}`, name: `Cap item ${i}`, hsnCode: "19059020", gstRate: "5", unit: "PCS" as const, basePrice: "10.00" })),
      select: { id: true },
    });
    const [filled, spare] = [made.slice(0, MAX_CART_LINES - 2), made.slice(MAX_CART_LINES - 2)];
    await addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "1" });
    const cart = await prisma.cart.findUniqueOrThrow({ where: { retailerId_companyId: { retailerId: s.retailer.id, companyId: s.co } } });
    await prisma.cartItem.createMany({ data: filled.map((p) => ({ cartId: cart.id, productId: p.id, quantity: "1" })) });
    expect(await cartRows(s)).toHaveLength(MAX_CART_LINES - 1);

    // One line of room, eight new products at once (let go together from behind a lock on the cart): one
    // gets in, seven are refused by name.
    const outcomes = await withRowHeld(`SELECT 1 FROM "Cart" WHERE id = $1 FOR UPDATE`, [cart.id], "Cart", async ({ blocked, release }) => {
      const adding = Promise.allSettled(spare.map((p) => addToCart(s.shopper, { vendorCode: s.code, productId: p.id, quantity: "1" })));
      expect(await blocked(spare.length)).toBeDefined();
      await release();
      return adding;
    });
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "validation", fieldErrors: { productId: [`At most ${MAX_CART_LINES} products per cart`] } });
    expect(await cartRows(s)).toHaveLength(MAX_CART_LINES);

    // A full cart still takes more of what it holds; ten adds at once lose none.
    await Promise.all(Array.from({ length: 10 }, () => addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "2" })));
    expect((await cartRows(s)).find((r) => r.productId === s.besan.id)!.quantity.toFixed(3)).toBe("21.000");

    // A line's quantity stays within a billion, whether set or added up; nothing changes when refused.
    await expect(setCartItem(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "1000000001" })).rejects.toMatchObject({ code: "validation", fieldErrors: { quantity: ["That quantity is too large"] } });
    await setCartItem(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "999999999" });
    await expect(addToCart(s.shopper, { vendorCode: s.code, productId: s.besan.id, quantity: "2" })).rejects.toMatchObject({ code: "validation", fieldErrors: { quantity: ["That quantity is too large"] } });
    expect((await cartRows(s)).find((r) => r.productId === s.besan.id)!.quantity.toFixed(3)).toBe("999999999.000");
    expect(await cartRows(s)).toHaveLength(MAX_CART_LINES);
  });

  it("shows exact available quantities only when the vendor shows stock", async () => {
    const s = await cartShop();
    const p = await createProduct(s.co, { name: "Rava 1 kg", reorderLevel: "5" });
    await stockUp(s.co, p.id, s.wh.id, 3);
    const cart = await addToCart(s.shopper, { vendorCode: s.code, productId: p.id, quantity: "2" });
    expect(lineOf(cart, p.id)).toMatchObject({ availability: "low", availableQty: null, problems: [] });
    await prisma.company.update({ where: { id: s.co }, data: { showStockToRetailers: true } });
    expect(lineOf(await getCart(s.shopper, s.code), p.id)!.availableQty).toBe("3.000");
  });
});
