import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { adjustReservation, dispatchReservation, getReservation, releaseReservation, reserveStock, returnStock } from "@/lib/inventory/reservations";
import { createProduct, createWarehouse, stockUp } from "../support/catalog-factories";
import { ctxFor, tenant } from "../support/factories";
import { expectLedgerMatchesLevels, level, roomy } from "../support/inventory-helpers";

// Enough connections that the parallel transactions really race in PostgreSQL instead of queueing
// in the pool (the pool is created on first use, after this line).
process.env.DATABASE_POOL_SIZE = "25";

async function shop() {
  const t = await tenant();
  const wh = await createWarehouse(t.company.id, { code: "MAIN", isDefault: true });
  return { ...t, wh, co: t.company.id, ctx: ctxFor(t.actor) };
}

type Line = { productId: string; quantity: string | number };
const reserve = (co: string, warehouseId: string, refId: string, lines: Line[]) =>
  prisma.$transaction((tx) => reserveStock(tx, { companyId: co, warehouseId, refType: "Order", refId, lines }), roomy);
const release = (co: string, refId: string) => prisma.$transaction((tx) => releaseReservation(tx, { companyId: co, refType: "Order", refId, reason: "Order cancelled" }), roomy);
const dispatch = (co: string, refId: string) => prisma.$transaction((tx) => dispatchReservation(tx, { companyId: co, refType: "Order", refId }), roomy);

function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Every failure must be insufficient_stock — a deadlock (40P01), a timeout or a CHECK violation fails the test. */
function split(results: PromiseSettledResult<unknown>[]) {
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
  for (const f of failures) {
    if (!(f instanceof AppError) || f.code !== "insufficient_stock") throw new Error(`unexpected failure: ${String(f?.stack ?? f)}`);
  }
  return { ok: results.filter((r) => r.status === "fulfilled").length, failed: failures.length };
}

describe("no overselling under concurrency", () => {
  it("20 units, 50 parallel orders of 1: exactly 20 reserved, 30 insufficient_stock, ledger == levels", async () => {
    const s = await shop();
    const p = await createProduct(s.co);
    await stockUp(s.co, p.id, s.wh.id, 20);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => reserve(s.co, s.wh.id, `order-${i}`, [{ productId: p.id, quantity: 1 }])));
    expect(split(results)).toEqual({ ok: 20, failed: 30 });
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "20.000", reserved: "20.000" });
    expect(await prisma.stockReservation.count({ where: { companyId: s.co, status: "ACTIVE" } })).toBe(20);
    expect(await prisma.stockMovement.count({ where: { companyId: s.co, kind: "RESERVATION" } })).toBe(20);
    await expectLedgerMatchesLevels(s.co);
  });

  it("3-line orders of random quantities in shuffled line order: no deadlock, no oversell, all or nothing per order", async () => {
    const s = await shop();
    const products = await Promise.all([createProduct(s.co), createProduct(s.co), createProduct(s.co)]);
    const stock = [30, 25, 40];
    await Promise.all(products.map((p, i) => stockUp(s.co, p.id, s.wh.id, stock[i])));
    const orders = Array.from({ length: 50 }, (_, i) => ({ refId: `order-${i}`, lines: shuffle(products.map((p) => ({ productId: p.id, quantity: 1 + Math.floor(Math.random() * 4) }))) }));
    const results = await Promise.allSettled(orders.map((o) => reserve(s.co, s.wh.id, o.refId, o.lines)));
    const { ok, failed } = split(results);
    expect(ok + failed).toBe(50);
    expect(ok).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0); // demand (~375 units) far exceeds the 95 on the shelf

    // What is reserved is exactly the sum of the orders that succeeded — partial orders never stick.
    const succeeded = orders.filter((_, i) => results[i].status === "fulfilled");
    for (const [i, p] of products.entries()) {
      const expected = succeeded.reduce((sum, o) => sum + Number(o.lines.find((l) => l.productId === p.id)!.quantity), 0);
      const l = await level(p.id, s.wh.id);
      expect(l.onHand).toBe(`${stock[i]}.000`);
      expect(Number(l.reserved)).toBe(expected);
      expect(Number(l.reserved)).toBeLessThanOrEqual(stock[i]);
    }
    expect(await prisma.stockReservation.count({ where: { companyId: s.co } })).toBe(ok);
    expect(await prisma.stockReservationLine.count({ where: { reservation: { companyId: s.co } } })).toBe(ok * 3);
    await expectLedgerMatchesLevels(s.co);

    // Every failure was real: availability only shrinks here (nothing is released), so an order that
    // was short when it ran is still short at the end — no failed order fits in what is left.
    const left = await Promise.all(products.map(async (p, i) => stock[i] - Number((await level(p.id, s.wh.id)).reserved)));
    const failedOrders = orders.filter((_, i) => results[i].status === "rejected");
    const coverable = failedOrders.filter((o) => products.every((p, i) => Number(o.lines.find((l) => l.productId === p.id)!.quantity) <= left[i]));
    expect(coverable).toEqual([]);
  });

  it("releases and reservations racing on the last units keep 0 <= reserved <= on hand", async () => {
    const s = await shop();
    const p = await createProduct(s.co);
    await stockUp(s.co, p.id, s.wh.id, 10);
    for (let i = 0; i < 10; i++) await reserve(s.co, s.wh.id, `first-${i}`, [{ productId: p.id, quantity: 1 }]);
    const work = [
      ...Array.from({ length: 10 }, (_, i) => release(s.co, `first-${i}`)),
      ...Array.from({ length: 30 }, (_, i) => reserve(s.co, s.wh.id, `second-${i}`, [{ productId: p.id, quantity: 1 }])),
    ];
    const results = await Promise.allSettled(shuffle(work));
    split(results);
    const l = await level(p.id, s.wh.id);
    expect(Number(l.reserved)).toBeLessThanOrEqual(10);
    expect(Number(l.reserved)).toBe(await prisma.stockReservation.count({ where: { companyId: s.co, status: "ACTIVE" } }));
    await expectLedgerMatchesLevels(s.co);
  });
});

describe("reserve, release, dispatch", () => {
  it("all or nothing: line 3 short leaves lines 1–2 untouched and names the short product", async () => {
    const s = await shop();
    const [a, b, c] = await Promise.all([createProduct(s.co, { name: "Atta 5 kg" }), createProduct(s.co, { name: "Besan 1 kg" }), createProduct(s.co, { name: "Chana dal 1 kg", sku: "SGF-CHANA-1KG" })]);
    await stockUp(s.co, a.id, s.wh.id, 10);
    await stockUp(s.co, b.id, s.wh.id, 10);
    await stockUp(s.co, c.id, s.wh.id, 2);
    const err = await reserve(s.co, s.wh.id, "o-1", [{ productId: a.id, quantity: 3 }, { productId: b.id, quantity: 4 }, { productId: c.id, quantity: "2.5" }]).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "insufficient_stock", message: expect.stringContaining("Chana dal 1 kg (SGF-CHANA-1KG): requested 2.5, available 2"), details: { items: [expect.objectContaining({ productId: c.id, requested: "2.500", available: "2.000" })] } });
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "0.000" });
    expect(await level(b.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "0.000" });
    expect(await prisma.stockReservation.count({ where: { companyId: s.co } })).toBe(0);
    expect(await prisma.stockMovement.count({ where: { companyId: s.co, kind: "RESERVATION" } })).toBe(0);
    // Several short lines are all named.
    const two = await reserve(s.co, s.wh.id, "o-2", [{ productId: c.id, quantity: 5 }, { productId: a.id, quantity: 11 }]).catch((e) => e);
    expect(two.details.items.map((i: { productId: string }) => i.productId).sort()).toEqual([a.id, c.id].sort());
    // A product never stocked here is short too; a product of another company is not found.
    const fresh = await createProduct(s.co);
    await expect(reserve(s.co, s.wh.id, "o-3", [{ productId: fresh.id, quantity: 1 }])).rejects.toMatchObject({ code: "insufficient_stock" });
    const other = await shop();
    await expect(reserve(other.co, other.wh.id, "o-4", [{ productId: a.id, quantity: 1 }])).rejects.toMatchObject({ code: "not_found" });
    await expect(reserve(other.co, s.wh.id, "o-4", [{ productId: a.id, quantity: 1 }])).rejects.toMatchObject({ code: "not_found" });
    await expectLedgerMatchesLevels(s.co);
  });

  it("release gives units back; dispatch takes them off the shelf; each happens once", async () => {
    const s = await shop();
    const p = await createProduct(s.co);
    await stockUp(s.co, p.id, s.wh.id, 10);
    const { reservationId } = await reserve(s.co, s.wh.id, "o-1", [{ productId: p.id, quantity: 4 }, { productId: p.id, quantity: 2 }]);
    expect(await getReservation(prisma, { companyId: s.co, refType: "Order", refId: "o-1" })).toMatchObject({ id: reservationId, status: "ACTIVE", lines: [{ productId: p.id, quantity: "6.000" }] });
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "6.000" });
    await expect(reserve(s.co, s.wh.id, "o-1", [{ productId: p.id, quantity: 1 }])).rejects.toMatchObject({ code: "conflict" });

    await release(s.co, "o-1");
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "0.000" });
    await expect(release(s.co, "o-1")).rejects.toMatchObject({ code: "invalid_transition", details: { state: "RELEASED" } });
    await expect(dispatch(s.co, "o-1")).rejects.toMatchObject({ code: "invalid_transition" });
    const relRow = await prisma.stockMovement.findFirstOrThrow({ where: { companyId: s.co, kind: "RELEASE" } });
    expect(relRow).toMatchObject({ refType: "Order", refId: "o-1", reason: "Order cancelled" });
    expect(relRow.reservedDelta.toFixed(3)).toBe("-6.000");

    // A reopened order reserves again on the same reservation.
    const again = await reserve(s.co, s.wh.id, "o-1", [{ productId: p.id, quantity: 3 }]);
    expect(again.reservationId).toBe(reservationId);
    await dispatch(s.co, "o-1");
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "7.000", reserved: "0.000" });
    await expect(dispatch(s.co, "o-1")).rejects.toMatchObject({ code: "invalid_transition", details: { state: "DISPATCHED" } });
    await expect(release(s.co, "o-1")).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(reserve(s.co, s.wh.id, "o-1", [{ productId: p.id, quantity: 1 }])).rejects.toMatchObject({ code: "conflict" });
    await expect(release(s.co, "no-such-order")).rejects.toMatchObject({ code: "not_found" });
    const other = await shop();
    await expect(release(other.co, "o-1")).rejects.toMatchObject({ code: "not_found" });

    await prisma.$transaction((tx) => returnStock(tx, { companyId: s.co, warehouseId: s.wh.id, refType: "Order", refId: "o-1", lines: [{ productId: p.id, quantity: "1.5" }], reason: "Returned: torn packs" }));
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "8.500", reserved: "0.000" });
    await expectLedgerMatchesLevels(s.co);
  });

  it("two parallel releases of one reservation release once", async () => {
    const s = await shop();
    const p = await createProduct(s.co);
    await stockUp(s.co, p.id, s.wh.id, 5);
    await reserve(s.co, s.wh.id, "o-1", [{ productId: p.id, quantity: 5 }]);
    const results = await Promise.allSettled([release(s.co, "o-1"), release(s.co, "o-1"), dispatch(s.co, "o-1")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) expect(r.reason).toMatchObject({ code: "invalid_transition" });
    expect((await level(p.id, s.wh.id)).reserved).toBe("0.000");
    await expectLedgerMatchesLevels(s.co);
  });

  it("adjustReservation sets new totals: more reserves, less releases, left out goes to zero; short changes nothing", async () => {
    const s = await shop();
    const [a, b, c] = await Promise.all([createProduct(s.co), createProduct(s.co), createProduct(s.co)]);
    for (const p of [a, b, c]) await stockUp(s.co, p.id, s.wh.id, 10);
    await reserve(s.co, s.wh.id, "o-1", [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 5 }]);
    const adjust = (lines: Line[]) => prisma.$transaction((tx) => adjustReservation(tx, { companyId: s.co, refType: "Order", refId: "o-1", lines }));
    await adjust([{ productId: a.id, quantity: 6 }, { productId: c.id, quantity: 1 }]);
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "6.000" });
    expect(await level(b.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "0.000" });
    expect(await level(c.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "1.000" });
    expect((await getReservation(prisma, { companyId: s.co, refType: "Order", refId: "o-1" }))?.lines).toEqual(
      [{ productId: a.id, quantity: "6.000" }, { productId: c.id, quantity: "1.000" }].sort((x, y) => (x.productId < y.productId ? -1 : 1)),
    );
    await expect(adjust([{ productId: a.id, quantity: 11 }, { productId: c.id, quantity: 0 }])).rejects.toMatchObject({ code: "insufficient_stock" });
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "6.000" });
    expect(await level(c.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "1.000" });
    await dispatch(s.co, "o-1");
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "4.000", reserved: "0.000" });
    expect(await level(c.id, s.wh.id)).toEqual({ onHand: "9.000", reserved: "0.000" });
    await expect(adjust([{ productId: a.id, quantity: 1 }])).rejects.toMatchObject({ code: "invalid_transition" });
    await expectLedgerMatchesLevels(s.co);
  });

  it("reserved units cannot be adjusted away; bad lines are validation errors", async () => {
    const s = await shop();
    const p = await createProduct(s.co);
    await stockUp(s.co, p.id, s.wh.id, 8);
    await reserve(s.co, s.wh.id, "o-1", [{ productId: p.id, quantity: 6 }]);
    await expect(adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "-3", reason: "damaged" })).rejects.toMatchObject({ code: "insufficient_stock" });
    await expect(adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "-2", reason: "damaged" })).resolves.toMatchObject({ onHand: "6.000", reserved: "6.000", available: "0.000" });
    await expect(reserve(s.co, s.wh.id, "o-2", [{ productId: p.id, quantity: 0 }])).rejects.toMatchObject({ code: "validation" });
    await expect(reserve(s.co, s.wh.id, "o-2", [{ productId: p.id, quantity: "1.0001" }])).rejects.toMatchObject({ code: "validation" });
    await expect(reserve(s.co, s.wh.id, "o-2", [])).rejects.toMatchObject({ code: "validation" });
    await expectLedgerMatchesLevels(s.co);
  });
});
