// Orders under concurrency: no overselling, no squeezing under the credit limit together, one
// winner when two people act on one order at once. Each call has its own Ctx and runs its own
// transaction on its own pooled connection.
import { describe, expect, it } from "vitest";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { editOrder } from "@/lib/orders/edit-order";
import { placeOrder } from "@/lib/orders/place-order";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { orderShop, stockedProduct } from "../support/order-factories";

// Enough connections that the transactions really race in PostgreSQL instead of queueing in the
// pool (the pool is created on first use, after this line).
process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? "25";

/** Every failure must be one of `codes` — a deadlock, a timeout or a constraint violation fails the test. */
function split(results: PromiseSettledResult<unknown>[], codes: string[]) {
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
  for (const f of failures) if (!(f instanceof AppError) || !codes.includes(f.code)) throw new Error(`unexpected failure: ${String(f?.stack ?? f)}`);
  return { ok: results.filter((r) => r.status === "fulfilled").length, failed: failures.length };
}

describe("orders under concurrency", () => {
  it("50 parallel orders of 1 for the last 20 units: exactly 20 placed, 30 insufficient_stock, nothing negative, ledger == levels", { timeout: 120_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 20);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? placeOrder(makeCtx(shop.owner), { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] })
          : placeOrder(makeCtx(shop.retailerActor), { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] }),
      ),
    );
    expect(split(results, ["insufficient_stock"])).toEqual({ ok: 20, failed: 30 });
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "20.000", reserved: "20.000" });
    const product = await prisma.product.findUniqueOrThrow({ where: { id: p.id } });
    expect(product.stockReserved.toFixed(3)).toBe("20.000");
    expect(product.stockOnHand.toFixed(3)).toBe("20.000");
    const orders = await prisma.order.findMany({ where: { companyId: shop.co }, select: { number: true, status: true } });
    expect(orders).toHaveLength(20);
    expect(orders.every((o) => o.status === "PLACED")).toBe(true);
    // Numbers are distinct and from the company's own sequence (1–50: a failed placement may leave a gap).
    const numbers = orders.map((o) => Number(o.number.split("/")[2]));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.every((n) => n >= 1 && n <= 50)).toBe(true);
    expect(await prisma.stockReservation.count({ where: { companyId: shop.co, status: "ACTIVE" } })).toBe(20);
    expect(await prisma.orderEvent.count({ where: { companyId: shop.co, kind: "placed" } })).toBe(20);
    expect(await expectLedgerMatchesLevels(shop.co)).toBeGreaterThan(0);
  });

  it("parallel orders cannot both squeeze under the credit limit", { timeout: 60_000 }, async () => {
    // Each order is ₹354 (3 × 100 + 18% GST); the limit fits one, not two.
    const shop = await orderShop({ creditLimit: "500.00" });
    const p = await stockedProduct(shop, 100);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => placeOrder(makeCtx(shop.owner), { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "3" }] })));
    expect(split(results, ["credit_limit_exceeded"])).toEqual({ ok: 1, failed: 9 });
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(1);
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "3.000" });
    await expectLedgerMatchesLevels(shop.co);
  });

  it("cancel and confirm racing on one order: exactly one wins, the other sees the new state", { timeout: 60_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    for (let round = 0; round < 5; round++) {
      const o = await placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
      const results = await Promise.allSettled([cancelOrder(makeCtx(shop.owner), o.id, { reason: "Duplicate" }), confirmOrder(makeCtx(shop.owner), o.id, {}), cancelOrder(makeCtx(shop.retailerActor), o.id, { reason: "Not needed" })]);
      const { ok } = split(results, ["invalid_transition", "forbidden"]);
      const after = await prisma.order.findUniqueOrThrow({ where: { id: o.id } });
      // Owner's cancel first → the rest are refused; confirm first → owner's cancel may follow it (allowed from CONFIRMED), the retailer's is forbidden.
      expect(ok).toBeGreaterThanOrEqual(1);
      expect(["CANCELLED", "CONFIRMED"]).toContain(after.status);
      const events = await prisma.orderEvent.count({ where: { orderId: o.id, kind: "cancelled" } });
      expect(events).toBeLessThanOrEqual(1);
    }
    // Cancelled orders released their stock exactly once.
    const open = await prisma.order.count({ where: { companyId: shop.co, status: "CONFIRMED" } });
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "10.000", reserved: `${open * 2}.000` });
    await expectLedgerMatchesLevels(shop.co);
  });

  it("parallel edits of orders sharing the last units never oversell", { timeout: 60_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] }));
    // 5 reserved, 5 free; each edit asks for 3 more (4 in all) → at most one of... exactly 1 fits (3 ≤ 5 < 6).
    const results = await Promise.allSettled(orders.map((o) => editOrder(makeCtx(shop.owner), o.id, { lines: [{ productId: p.id, quantity: "4" }] })));
    expect(split(results, ["insufficient_stock"])).toEqual({ ok: 1, failed: 4 });
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "10.000", reserved: "8.000" });
    await expectLedgerMatchesLevels(shop.co);
  });
});
