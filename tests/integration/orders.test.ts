import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { listOrders } from "@/lib/orders/list-orders";
import { placeOrder } from "@/lib/orders/place-order";
import { orderShop, stockedProduct, staffPlace } from "../support/order-factories";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";

async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

describe("placing an order", () => {
  it("staff place for a connection: priced, taxed, numbered, reserved, event + audit + notification job", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, { basePrice: "100.00", gstRate: "18" });
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 3 }]);
    expect(o.status).toBe("PLACED");
    expect(o.source).toBe("STAFF");
    expect(o.number).toMatch(/^SO\/\d\d-\d\d\/000001$/);
    expect(o.taxType).toBe("intra");
    expect(o.lines[0]).toMatchObject({ quantity: "3.000", unitPrice: "100.00", taxableValue: "300.00", cgstAmount: "27.00", sgstAmount: "27.00", igstAmount: "0.00", lineTotal: "354.00", priceSource: "base_price" });
    expect(o.totals).toMatchObject({ taxable: "300.00", cgst: "27.00", sgst: "27.00", tax: "54.00", grandTotal: "354.00" });
    expect(o.timeline.map((e) => e.kind)).toEqual(["placed"]);
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "50.000", reserved: "3.000" });
    expect(await prisma.auditLog.count({ where: { entityType: "Order", entityId: o.id, action: "order.place" } })).toBe(1);
    await expectLedgerMatchesLevels(shop.co);
    const again = await getOrderOrThrow(shop.staff, o.id);
    expect(again).toEqual(o);
  });

  it("a retailer places by vendor code and sees only its own orders in the list", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const o = await placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "2" }] });
    expect(o.source).toBe("PORTAL");
    expect(o.retailer.id).toBe(shop.retailer.id);
    const list = await listOrders(shop.shopper, {});
    expect(list.data.map((r) => r.id)).toEqual([o.id]);
    expect(list.counts.all).toEqual({ count: 1, capped: false });
    const err = await rejects(getOrderOrThrow((await orderShop()).shopper, o.id));
    expect(err.code).toBe("not_found");
  });
});
