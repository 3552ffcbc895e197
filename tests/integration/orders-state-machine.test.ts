// Every state × every action, for the owner and for the ordering retailer: the allowed ones
// succeed, the others fail (invalid_transition naming the state, or forbidden) and change nothing.
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/ctx";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { editOrder } from "@/lib/orders/edit-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { releaseCreditHold } from "@/lib/orders/release-credit-hold";
import { returnOrder } from "@/lib/orders/return-order";
import { orderActions, type OrderAction } from "@/lib/orders/state-machine";
import { submitDraftOrder } from "@/lib/orders/submit-draft-order";
import type { OrderView } from "@/lib/orders/views";
import { expectLedgerMatchesLevels } from "../support/inventory-helpers";
import { orderIn, orderShop, stockedProduct, type Shop } from "../support/order-factories";

process.env.DATABASE_POOL_SIZE ??= "12";

type State = OrderStatus | "PLACED_ON_HOLD";
const states: State[] = ["DRAFT", "PLACED", "PLACED_ON_HOLD", "CONFIRMED", "PACKED", "DISPATCHED", "DELIVERED", "CANCELLED", "RETURNED"];

// What each actor may do in each state (the rest: invalid_transition, or forbidden where the state allows it but the actor may not).
const ownerAllowed: Record<State, OrderAction[]> = {
  DRAFT: ["place", "edit", "cancel"],
  PLACED: ["edit", "confirm", "cancel"],
  PLACED_ON_HOLD: ["edit", "release_hold", "cancel"],
  CONFIRMED: ["pack", "cancel"],
  PACKED: ["dispatch", "cancel"],
  // Refused at the door: the goods come back without being delivered.
  DISPATCHED: ["deliver", "return"],
  DELIVERED: ["return"],
  CANCELLED: [],
  RETURNED: ["return"],
};
// A vendor's unfinished draft is not the retailer's to see: every action on it is not_found.
const retailerAllowed: Record<State, OrderAction[]> = {
  DRAFT: [],
  PLACED: ["edit", "cancel"],
  PLACED_ON_HOLD: ["edit", "cancel"],
  CONFIRMED: [],
  PACKED: [],
  DISPATCHED: [],
  DELIVERED: [],
  CANCELLED: [],
  RETURNED: [],
};
/** State allows the action, but a retailer may not take it. */
const retailerForbidden: Record<State, OrderAction[]> = {
  DRAFT: [],
  PLACED: ["confirm"],
  PLACED_ON_HOLD: ["release_hold"],
  CONFIRMED: ["pack", "cancel"],
  PACKED: ["dispatch", "cancel"],
  DISPATCHED: ["deliver", "return"],
  DELIVERED: ["return"],
  CANCELLED: [],
  RETURNED: ["return"],
};

const expectedNext: Partial<Record<OrderAction, OrderStatus | null>> = { place: "PLACED", confirm: "CONFIRMED", pack: "PACKED", dispatch: "DISPATCHED", deliver: "DELIVERED", cancel: "CANCELLED", return: "RETURNED", edit: null, release_hold: null };

function act(ctx: Ctx, action: OrderAction, orderId: string, productId: string): Promise<OrderView> {
  switch (action) {
    case "place":
      return submitDraftOrder(ctx, orderId);
    case "edit":
      return editOrder(ctx, orderId, { lines: [{ productId, quantity: "3" }] });
    case "confirm":
      return confirmOrder(ctx, orderId, {});
    case "release_hold":
      return releaseCreditHold(ctx, orderId, {});
    case "pack":
      return packOrder(ctx, orderId, {});
    case "dispatch":
      return dispatchOrder(ctx, orderId, {});
    case "deliver":
      return deliverOrder(ctx, orderId, { receivedBy: "Suresh" });
    case "cancel":
      return cancelOrder(ctx, orderId, { reason: "Changed my mind" });
    case "return":
      return returnOrder(ctx, orderId, { reason: "Damaged", lines: [{ productId, quantity: "1" }] });
  }
}

async function makeOrder(shop: Shop, state: State, productId: string): Promise<OrderView> {
  // A packed order is invoiced before it can leave (a taxable supply is dispatched with its invoice).
  if (state === "PACKED") {
    const packed = await orderIn(shop, state, productId, 2);
    await invoiceOrder(shop.staff, packed.id, {});
    return packed;
  }
  if (state !== "PLACED_ON_HOLD") return orderIn(shop, state, productId, 2);
  return placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId, quantity: "2" }] });
}

/** Everything a failed action must leave as it was. */
async function snapshot(co: string, orderId: string) {
  const [order, lines, events, movements, reservations, audits] = await Promise.all([
    prisma.order.findUniqueOrThrow({ where: { id: orderId } }),
    prisma.orderLine.findMany({ where: { orderId }, orderBy: { position: "asc" } }),
    prisma.orderEvent.findMany({ where: { orderId }, orderBy: { id: "asc" }, select: { id: true } }),
    prisma.stockMovement.count({ where: { companyId: co } }),
    prisma.stockReservation.findMany({ where: { companyId: co, refId: orderId }, include: { lines: true } }),
    prisma.auditLog.count({ where: { entityType: "Order", entityId: orderId } }),
  ]);
  return JSON.parse(JSON.stringify({ order, lines, events, movements, reservations, audits }));
}

describe.each(["owner", "retailer"] as const)("order state machine, acting as the %s", (who) => {
  it.each(states)("from %s: allowed actions succeed, the others are refused and change nothing", async (state) => {
    // A HOLD-policy vendor with a limit the 2-unit order (₹236) goes over, for the on-hold state.
    const shop = await orderShop(state === "PLACED_ON_HOLD" ? { creditPolicy: "HOLD", creditLimit: "100" } : {});
    const product = await stockedProduct(shop, 100);
    const ctx = who === "owner" ? shop.staff : shop.shopper;
    const allowed = (who === "owner" ? ownerAllowed : retailerAllowed)[state];
    const forbidden = who === "owner" ? [] : retailerForbidden[state];

    for (const action of orderActions) {
      const order = await makeOrder(shop, state, product.id);
      expect(order.creditHold).toBe(state === "PLACED_ON_HOLD");
      const before = await snapshot(shop.co, order.id);
      const result = await act(ctx, action, order.id, product.id).then(
        (v) => ({ ok: true as const, v }),
        (e: unknown) => ({ ok: false as const, e }),
      );
      const label = `${who} ${action} from ${state}`;
      if (allowed.includes(action)) {
        if (!result.ok) throw new Error(`${label} should succeed: ${String((result.e as Error)?.stack ?? result.e)}`);
        const next = expectedNext[action] ?? order.status;
        expect(result.v.status, label).toBe(next);
        expect(result.v.timeline.length, label).toBeGreaterThan(order.timeline.length);
        expect(await prisma.auditLog.count({ where: { entityType: "Order", entityId: order.id } }), label).toBeGreaterThan(before.audits);
        if (action === "release_hold") expect(result.v.creditHold).toBe(false);
      } else {
        expect(result.ok, `${label} should fail`).toBe(false);
        const err = (result as { e: unknown }).e;
        expect(err, label).toBeInstanceOf(AppError);
        const appErr = err as AppError;
        if (who === "retailer" && state === "DRAFT") expect(appErr.code, label).toBe("not_found");
        else if (forbidden.includes(action)) expect(appErr.code, label).toBe("forbidden");
        else {
          expect(appErr.code, `${label}: ${appErr.message}`).toBe("invalid_transition");
          expect(appErr.status).toBe(409);
          expect(appErr.details?.currentState, label).toBe(state === "PLACED_ON_HOLD" ? "PLACED" : state);
        }
        expect(await snapshot(shop.co, order.id), label).toEqual(before);
      }
    }
    await expectLedgerMatchesLevels(shop.co);
  });
});

describe("roles", () => {
  it("a driver cannot confirm, sales cannot pack or release a hold; warehouse packs and the driver delivers", async () => {
    const shop = await orderShop({ creditPolicy: "HOLD", creditLimit: "100" });
    const p = await stockedProduct(shop, 100);
    const [driver, sales, warehouse, manager] = await Promise.all([shop.staffAs("DRIVER"), shop.staffAs("SALES"), shop.staffAs("WAREHOUSE"), shop.staffAs("MANAGER")]);
    const held = await placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
    expect(held.creditHold).toBe(true);
    await expect(releaseCreditHold(sales, held.id, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(confirmOrder(driver, held.id, {})).rejects.toMatchObject({ code: "invalid_transition" }); // on hold: the state refuses first
    await releaseCreditHold(manager, held.id, { note: "Paid by cheque" });
    await expect(confirmOrder(driver, held.id, {})).rejects.toMatchObject({ code: "forbidden" });
    await confirmOrder(sales, held.id, {});
    await expect(packOrder(sales, held.id, {})).rejects.toMatchObject({ code: "forbidden" });
    await packOrder(warehouse, held.id, {});
    await expect(dispatchOrder(sales, held.id, {})).rejects.toMatchObject({ code: "forbidden" });
    // A taxable supply leaves with its invoice: the warehouse cannot dispatch before the accountant invoices.
    await expect(dispatchOrder(warehouse, held.id, {})).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("issue the invoice first") });
    await invoiceOrder(shop.staff, held.id, {});
    await dispatchOrder(warehouse, held.id, {});
    const delivered = await deliverOrder(driver, held.id, { receivedBy: "Shop owner" });
    expect(delivered.status).toBe("DELIVERED");
    expect(delivered.timeline.map((e) => [e.kind, e.actorName])).toEqual([
      ["placed", "Staff OWNER"],
      ["held", "Staff OWNER"],
      ["released", "Staff MANAGER"],
      ["confirmed", "Staff SALES"],
      ["packed", "Staff WAREHOUSE"],
      ["invoiced", "Staff OWNER"],
      ["dispatched", "Staff WAREHOUSE"],
      ["delivered", "Staff DRIVER"],
    ]);
  });
});
