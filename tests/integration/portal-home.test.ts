// The retailer's portal home (lib/portal/get-my-home.ts and GET /api/v1/me/home): what it owes each
// vendor with the overdue part, the orders on the way with the ETA of the trip carrying them, and its
// usual items from the last 90 days with the last quantity — only ever its own connections' data.
import { describe, expect, it } from "vitest";
import * as home from "@/app/api/v1/me/home/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { istDay } from "@/lib/pricing/dates";
import { addToCart } from "@/lib/orders/add-to-cart";
import { getMyHome } from "@/lib/portal/get-my-home";
import { insertInvoiceRow } from "../support/billing-factories";
import { insertShipment, insertTrip } from "../support/logistics-docs-factories";
import { call } from "../support/http";
import { orderIn, orderShop, staffPlace, stockedProduct, type Shop } from "../support/order-factories";
import { rejects } from "../support/rejects";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const daysAgo = (n: number) => istDay(new Date(Date.now() - n * 86_400_000));

/** The shop's retailer with an order on the way, a placed order, an overdue invoice and one not yet due. */
async function busyRetailer(shop: Shop) {
  const atta = await stockedProduct(shop, 100, { name: "Chakki Atta 10 kg", unit: "PCS" });
  const poha = await stockedProduct(shop, 100, { name: "Poha 1 kg", unit: "PCS" });
  const onTheWay = await orderIn(shop, "DISPATCHED", atta.id, 3);
  await staffPlace(shop, [{ productId: atta.id, quantity: 5 }, { productId: poha.id, quantity: 2 }]);
  await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: daysAgo(60), dueDate: daysAgo(45) });
  await insertInvoiceRow(shop, { grandTotal: "590.00", issueDate: daysAgo(2), dueDate: daysAgo(-10) });
  return { atta, poha, onTheWay };
}

describe("the retailer's portal home", () => {
  it("shows dues with the overdue part, the order on the way with its ETA, and the usual items with the last quantity", async () => {
    const shop = await orderShop();
    const { atta, poha, onTheWay } = await busyRetailer(shop);
    // The dispatched order rides on a trip that is on the road, due at the shop at a planned time.
    const { trip } = await insertTrip(shop, { date: istDay(new Date()) });
    await prisma.deliveryTrip.update({ where: { id: trip.id }, data: { status: "IN_TRANSIT", startedAt: new Date() } });
    const shipment = await insertShipment(shop, { status: "DISPATCHED", orderIds: [onTheWay.id], tripId: trip.id });
    const eta = new Date(Date.now() + 2 * 3_600_000);
    await prisma.tripStop.create({ data: { tripId: trip.id, companyId: shop.co, sequence: 1, connectionId: shop.connection.id, retailerId: shop.retailer.id, name: "Shop", addressLine: "Main Road", city: "Nashik", pincode: "422001", eta, shipments: { create: { shipmentId: shipment.id, companyId: shop.co } } } });

    const h = await getMyHome(shop.shopper);
    expect(h.dues).toHaveLength(1);
    const due = h.dues[0]!;
    const invoiced = await prisma.invoice.findFirstOrThrow({ where: { orderId: onTheWay.id } });
    expect(due).toMatchObject({ vendor: { code: shop.company.code }, connectionId: shop.connection.id, overdue: "1180.00", openDocuments: 3, payOnline: false });
    expect(due.outstanding).toBe(invoiced.grandTotal.plus("1770.00").toFixed(2));
    expect(due.nextDueDate).not.toBeNull();

    expect(h.onTheWay).toEqual([expect.objectContaining({ id: onTheWay.id, number: onTheWay.number, stage: "out_for_delivery", eta: eta.toISOString(), trip: { number: trip.number, tripDate: istDay(new Date()) } })]);

    // Atta twice (3, then 5: the last order's 5), poha once.
    expect(h.usualItems.map((u) => [u.productId, u.timesOrdered, u.lastQuantity])).toEqual([[atta.id, 2, "5.000"], [poha.id, 1, "2.000"]]);

    // The reorder shortcut adds the last quantity to that vendor's cart.
    const cart = await addToCart(shop.shopper, { vendorCode: h.usualItems[0]!.vendor.code, productId: atta.id, quantity: h.usualItems[0]!.lastQuantity });
    expect(cart.lines.map((l) => [l.productId, l.quantity])).toEqual([[atta.id, "5.000"]]);
  });

  it("a packed order already on a scheduled delivery trip is on the way, with the stop's ETA; a packed one on no trip is not", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const onTrip = await orderIn(shop, "PACKED", p.id, 2);
    await orderIn(shop, "PACKED", p.id, 1);
    const { trip } = await insertTrip(shop, { date: istDay(new Date()) });
    const shipment = await insertShipment(shop, { orderIds: [onTrip.id], tripId: trip.id });
    const eta = new Date(Date.now() + 5 * 3_600_000);
    await prisma.tripStop.create({ data: { tripId: trip.id, companyId: shop.co, sequence: 1, connectionId: shop.connection.id, retailerId: shop.retailer.id, name: "Shop", addressLine: "Main Road", city: "Nashik", pincode: "422001", eta, shipments: { create: { shipmentId: shipment.id, companyId: shop.co } } } });
    expect((await getMyHome(shop.shopper)).onTheWay).toEqual([expect.objectContaining({ id: onTrip.id, stage: "scheduled", eta: eta.toISOString(), dispatchedAt: null })]);
  });

  it("leaves out what is not on the way, cancelled orders, products no longer sold and vendors it cannot order from", async () => {
    const shop = await orderShop();
    const gone = await stockedProduct(shop, 100);
    const kept = await stockedProduct(shop, 100);
    await orderIn(shop, "DELIVERED", kept.id, 1);
    await orderIn(shop, "CANCELLED", gone.id, 1);
    const h = await getMyHome(shop.shopper);
    expect(h.onTheWay).toEqual([]);
    expect(h.usualItems.map((u) => u.productId)).toEqual([kept.id]);
    await prisma.product.update({ where: { id: kept.id }, data: { active: false } });
    expect((await getMyHome(shop.shopper)).usualItems).toEqual([]);
    await prisma.product.update({ where: { id: kept.id }, data: { active: true } });
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { status: "SUSPENDED" } });
    expect((await getMyHome(shop.shopper)).usualItems).toEqual([]);
  });

  it("GET /api/v1/me/home: a retailer sees only its own connections' data; staff are refused", async () => {
    const a = await orderShop();
    const b = await orderShop();
    await busyRetailer(a);
    const mineB = await stockedProduct(b, 10);
    await orderIn(b, "PLACED", mineB.id, 1);

    const ra = await call(home.GET, { path: "/api/v1/me/home", token: await token(a.retailerActor) });
    expect(ra.status).toBe(200);
    expect(ra.json.dues.map((d: { vendor: { code: string } }) => d.vendor.code)).toEqual([a.company.code]);
    expect(ra.json.onTheWay).toHaveLength(1);

    const rb = await call(home.GET, { path: "/api/v1/me/home", token: await token(b.retailerActor) });
    expect(rb.status).toBe(200);
    expect(rb.json.dues).toEqual([]);
    expect(rb.json.onTheWay).toEqual([]);
    expect(rb.json.usualItems.map((u: { productId: string; vendor: { code: string } }) => [u.productId, u.vendor.code])).toEqual([[mineB.id, b.company.code]]);
    const all = JSON.stringify(rb.json);
    expect(all).not.toContain(a.company.code);
    expect(all).not.toContain(a.connection.id);

    const staff = await call(home.GET, { path: "/api/v1/me/home", token: await token(a.owner) });
    expect(staff.status).toBe(403);
    expect((await rejects(getMyHome(a.staff))).code).toBe("forbidden");
    expect((await call(home.GET, { path: "/api/v1/me/home" })).status).toBe(401);
  });
});
