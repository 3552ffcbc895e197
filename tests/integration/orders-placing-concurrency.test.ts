// Placing orders in parallel (lib/orders/place-order.ts): the last units go to exactly as many orders
// as they cover and no more, all lines of an order or none, order numbers from the company's own
// sequence (unique, increasing, independent of other companies), and one retailer's parallel orders
// never pass its credit limit together. Each call has its own Ctx and its own pooled connection.
import { describe, expect, it } from "vitest";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { financialYearLabel } from "@/lib/inventory/numbering";
import { loadOrderView } from "@/lib/orders/order-access";
import { placeOrder } from "@/lib/orders/place-order";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { orderShop, stockedProduct } from "../support/order-factories";

process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? "25";

function split(results: PromiseSettledResult<unknown>[], codes: string[]) {
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
  for (const f of failures) if (!(f instanceof AppError) || !codes.includes(f.code)) throw new Error(`unexpected failure: ${String(f?.stack ?? f)}`);
  return { ok: results.filter((r) => r.status === "fulfilled").length, failed: failures, failedCount: failures.length };
}

const seq = (number: string) => Number(number.split("/")[2]);

describe("placing orders in parallel", () => {
  it("3-line orders racing for the last units: exactly the orders the stock covers are placed, all lines or none, 0 oversold", { timeout: 120_000 }, async () => {
    const shop = await orderShop();
    // a and b have plenty; c has 10 units, so exactly 5 orders of 2 fit.
    const a = await stockedProduct(shop, 1000);
    const b = await stockedProduct(shop, 1000);
    const c = await stockedProduct(shop, 10, { name: "Last Few Biscuits" });
    const lines = [
      { productId: a.id, quantity: "3" },
      { productId: c.id, quantity: "2" },
      { productId: b.id, quantity: "1" },
    ];
    const results = await Promise.allSettled(Array.from({ length: 24 }, () => placeOrder(makeCtx(shop.owner), { connectionId: shop.connection.id, lines })));
    const { ok, failed } = split(results, ["insufficient_stock"]);
    expect(ok).toBe(5);
    // The refusal names the short product and its line, and what is left.
    const refusal = failed[0] as AppError;
    expect(refusal.message).toContain("Last Few Biscuits");
    expect(refusal.fieldErrors).toEqual({ "lines.1.quantity": ["Only 0 available"] });
    expect(await level(c.id, shop.wh.id)).toEqual({ onHand: "10.000", reserved: "10.000" });
    // The other lines of refused orders reserved nothing.
    expect(await level(a.id, shop.wh.id)).toEqual({ onHand: "1000.000", reserved: "15.000" });
    expect(await level(b.id, shop.wh.id)).toEqual({ onHand: "1000.000", reserved: "5.000" });
    const products = await prisma.product.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, select: { id: true, stockReserved: true } });
    expect(Object.fromEntries(products.map((p) => [p.id, p.stockReserved.toFixed(3)]))).toEqual({ [a.id]: "15.000", [b.id]: "5.000", [c.id]: "10.000" });
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(5);
    expect(await prisma.orderLine.count({ where: { companyId: shop.co } })).toBe(15);
    expect(await prisma.stockReservationLine.count({ where: { reservation: { companyId: shop.co } } })).toBe(15);
    expect(await prisma.auditLog.count({ where: { companyId: shop.co, action: "order.place" } })).toBe(5);
    await expectLedgerMatchesLevels(shop.co);
  });

  it("numbers are unique and increasing per company under parallel placement, and one company's orders do not use another's numbers", { timeout: 120_000 }, async () => {
    const one = await orderShop();
    const two = await orderShop();
    const p1 = await stockedProduct(one, 1000);
    const p2 = await stockedProduct(two, 1000);
    const place = (shop: typeof one, productId: string) => placeOrder(makeCtx(shop.owner), { connectionId: shop.connection.id, lines: [{ productId, quantity: "1" }] });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? place(one, p1.id) : place(two, p2.id))));
    const fy = financialYearLabel(new Date());
    for (const shop of [one, two]) {
      const orders = results.filter((o) => o.vendor.id === shop.co);
      expect(orders).toHaveLength(20);
      expect(orders.every((o) => new RegExp(`^SO/${fy}/\\d{6}$`).test(o.number))).toBe(true);
      const numbers = orders.map((o) => seq(o.number)).sort((x, y) => x - y);
      // Each company counts from 1 in its own sequence: nothing failed here, so no gaps either.
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
    // Later orders get higher numbers than every earlier one.
    const next = await place(one, p1.id);
    expect(seq(next.number)).toBe(21);
    const after = await place(one, p1.id);
    expect(seq(after.number)).toBeGreaterThan(seq(next.number));
  });

  it("the answer is the order exactly as it reads back (staff and retailer, free goods, held)", async () => {
    const shop = await orderShop({ creditLimit: "100.00", creditPolicy: "HOLD" });
    const p = await stockedProduct(shop, 100, { name: "Toor Dal 1 kg" });
    const q = await stockedProduct(shop, 100);
    const staffOrder = await placeOrder(shop.staff, {
      connectionId: shop.connection.id,
      buyerReference: "PO-77",
      notes: "Leave at the back door",
      lines: [{ productId: p.id, quantity: "2" }, { productId: q.id, quantity: "1", freeGoods: true }],
    });
    expect(staffOrder.creditHold).toBe(true);
    expect(staffOrder).toEqual(await loadOrderView(prisma, shop.owner, staffOrder.id));
    const retailerOrder = await placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: q.id, quantity: "1.000" }] });
    expect(retailerOrder).toEqual(await loadOrderView(prisma, shop.retailerActor, retailerOrder.id));
  });

  it("the sequence starts after numbers already used (orders loaded in bulk, the old counter)", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const fy = financialYearLabel(new Date());
    // An order numbered outside the app, e.g. imported: the first number taken follows it.
    await prisma.order.create({
      data: {
        companyId: shop.co,
        number: `SO/${fy}/000500`,
        connectionId: shop.connection.id,
        retailerId: shop.retailer.id,
        warehouseId: shop.wh.id,
        status: "DELIVERED",
        source: "STAFF",
        supplierStateCode: "27",
        placeOfSupply: "27",
        shippingName: "Imported",
        shippingLine1: "1 Road",
        shippingCity: "Pune",
        shippingStateCode: "27",
        shippingPincode: "411001",
      },
    });
    const o = await placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] });
    expect(o.number).toBe(`SO/${fy}/000501`);
  });

  it("one retailer's parallel orders never take it over its credit limit together (BLOCK)", { timeout: 60_000 }, async () => {
    // Each order is ₹118 (1 × 100 + 18% GST); ₹1,000 fits 8 of them, not 9.
    const shop = await orderShop({ creditLimit: "1000.00" });
    const p = await stockedProduct(shop, 100);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? placeOrder(makeCtx(shop.owner), { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] })
          : placeOrder(makeCtx(shop.retailerActor), { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] }),
      ),
    );
    const { ok, failedCount } = split(results, ["credit_limit_exceeded"]);
    expect({ ok, failedCount }).toEqual({ ok: 8, failedCount: 12 });
    const total = await prisma.order.aggregate({ where: { companyId: shop.co }, _sum: { grandTotal: true } });
    expect(total._sum.grandTotal?.toFixed(2)).toBe("944.00");
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "8.000" });
    await expectLedgerMatchesLevels(shop.co);
  });

  it("with the HOLD policy, parallel orders past the limit are placed on hold, each with its held event", { timeout: 60_000 }, async () => {
    const shop = await orderShop({ creditLimit: "500.00", creditPolicy: "HOLD" });
    const p = await stockedProduct(shop, 100);
    const placed = await Promise.all(Array.from({ length: 8 }, () => placeOrder(makeCtx(shop.owner), { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] })));
    // ₹118 each: 4 fit under ₹500 (₹472); the other 4 are held.
    expect(placed.filter((o) => !o.creditHold)).toHaveLength(4);
    const held = placed.filter((o) => o.creditHold);
    expect(held).toHaveLength(4);
    for (const o of held) {
      expect(o.holdReason).toMatch(/^Over credit limit: /);
      expect(o.timeline.map((e) => e.kind)).toEqual(["placed", "held"]);
    }
    const audits = await prisma.auditLog.findMany({ where: { companyId: shop.co, action: "order.place" }, select: { entityId: true, after: true } });
    const heldIds = new Set(held.map((o) => o.id));
    for (const a of audits) expect((a.after as { creditHold: boolean }).creditHold).toBe(heldIds.has(a.entityId));
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "8.000" });
  });
});
