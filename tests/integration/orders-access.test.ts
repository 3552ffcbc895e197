// Tenancy: another company's staff, and another retailer (even at the same vendor), get not_found
// for an order on every order function, and nothing changes.
import { describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { editOrder } from "@/lib/orders/edit-order";
import { getOrderDeliveryPhoto } from "@/lib/orders/get-order-delivery-photo";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { getPickList } from "@/lib/orders/get-pick-list";
import { listOrders } from "@/lib/orders/list-orders";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { previewReorder } from "@/lib/orders/preview-reorder";
import { releaseCreditHold } from "@/lib/orders/release-credit-hold";
import { returnOrder } from "@/lib/orders/return-order";
import { submitDraftOrder } from "@/lib/orders/submit-draft-order";
import { createRetailerUser } from "../support/factories";
import { orderShop, stockedProduct, staffPlace } from "../support/order-factories";

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

function everyFunction(ctx: Ctx, orderId: string, productId: string, staff: boolean) {
  const calls: Record<string, () => Promise<unknown>> = {
    getOrderOrThrow: () => getOrderOrThrow(ctx, orderId),
    editOrder: () => editOrder(ctx, orderId, { lines: [{ productId, quantity: "1" }] }),
    submitDraftOrder: () => submitDraftOrder(ctx, orderId),
    cancelOrder: () => cancelOrder(ctx, orderId, { reason: "x" }),
    previewReorder: () => previewReorder(ctx, orderId),
    getOrderDeliveryPhoto: () => getOrderDeliveryPhoto(ctx, orderId),
  };
  if (staff) {
    Object.assign(calls, {
      confirmOrder: () => confirmOrder(ctx, orderId),
      releaseCreditHold: () => releaseCreditHold(ctx, orderId, {}),
      packOrder: () => packOrder(ctx, orderId),
      dispatchOrder: () => dispatchOrder(ctx, orderId),
      deliverOrder: () => deliverOrder(ctx, orderId, { receivedBy: "x" }),
      returnOrder: () => returnOrder(ctx, orderId, { reason: "x", lines: [{ productId, quantity: "1" }] }),
      getPickList: () => getPickList(ctx, orderId),
    });
  }
  return calls;
}

describe("order tenancy", () => {
  it("staff of another company get not_found from every order function, and nothing changes", async () => {
    const a = await orderShop();
    const b = await orderShop();
    const p = await stockedProduct(a, 10);
    const placed = await staffPlace(a, [{ productId: p.id, quantity: 1 }]);
    const draft = await staffPlace(a, [{ productId: p.id, quantity: 1 }], { draft: true });
    const before = await prisma.order.findMany({ where: { companyId: a.co }, orderBy: { id: "asc" }, include: { lines: true, events: true } });
    for (const order of [placed, draft]) {
      for (const [name, call] of Object.entries(everyFunction(b.staff, order.id, p.id, true))) expect(await code(call()), `${name} on ${order.status}`).toBe("not_found");
    }
    expect(await prisma.order.findMany({ where: { companyId: a.co }, orderBy: { id: "asc" }, include: { lines: true, events: true } })).toEqual(before);
    expect((await listOrders(b.staff, {})).data).toEqual([]);
    expect((await listOrders(b.staff, { connectionId: a.connection.id })).counts.all.count).toBe(0);
    // Staff cannot place for another company's connection either.
    expect(await code(placeOrder(b.staff, { connectionId: a.connection.id, lines: [{ productId: p.id, quantity: "1" }] }))).toBe("not_found");
  });

  it("a retailer gets not_found for another retailer's order at the same vendor", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const mine = await placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] });
    const other = await createRetailerUser();
    await prisma.connection.create({ data: { companyId: shop.co, retailerId: other.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
    const theirs = await placeOrder(other.ctx, { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] });
    const before = await prisma.order.findUniqueOrThrow({ where: { id: mine.id }, include: { lines: true, events: true } });
    for (const [name, call] of Object.entries(everyFunction(other.ctx, mine.id, p.id, false))) expect(await code(call()), name).toBe("not_found");
    expect(await prisma.order.findUniqueOrThrow({ where: { id: mine.id }, include: { lines: true, events: true } })).toEqual(before);
    expect((await listOrders(other.ctx, {})).data.map((o) => o.id)).toEqual([theirs.id]);
    expect((await listOrders(shop.shopper, {})).data.map((o) => o.id)).toEqual([mine.id]);
    // Vendor-only functions are refused to retailers outright.
    expect(await code(getPickList(shop.shopper, mine.id))).toBe("forbidden");
    expect(await code(confirmOrder(shop.shopper, mine.id))).toBe("forbidden");
  });

  it("a retailer cannot order from a vendor it is not connected to, or through a suspended or ended connection", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const stranger = await createRetailerUser();
    expect(await code(placeOrder(stranger.ctx, { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] }))).toBe("not_found");
    for (const status of ["SUSPENDED", "ENDED"] as const) {
      await prisma.connection.update({ where: { id: shop.connection.id }, data: { status } });
      expect(await code(placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] })), status).toBe("conflict");
    }
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
  });

  it("staff need orders.read to see orders (an accountant has it, a driver reads the orders to deliver)", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 1 }]);
    const driver = await shop.staffAs("DRIVER");
    expect((await getOrderOrThrow(driver, o.id)).availableActions).toEqual([]);
    expect((await listOrders(driver, {})).data.map((r) => r.id)).toContain(o.id);
  });

  it("a retailer never sees the vendor's unfinished drafts", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const draft = await staffPlace(shop, [{ productId: p.id, quantity: 1 }], { draft: true });
    expect(await code(getOrderOrThrow(shop.shopper, draft.id))).toBe("not_found");
    expect((await listOrders(shop.shopper, {})).data.map((r) => r.id)).not.toContain(draft.id);
    const placed = await submitDraftOrder(shop.staff, draft.id);
    expect((await getOrderOrThrow(shop.shopper, placed.id)).status).toBe("PLACED");
  });
});
