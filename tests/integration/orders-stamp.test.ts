// Confirm and pack (lib/orders/stamp-order.ts): the same rows and the same answer whether the statements run on
// the app's pooled connection or through a caller's own Prisma client; refusals write nothing. The order's view
// in one statement (orderViewSql, the app's client) equals the ORM's include (any other client).
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getBoss } from "@/lib/jobs/boss";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { orderShop, staffPlace, stockedProduct } from "../support/order-factories";
import { rejects } from "../support/rejects";

const own = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
afterAll(() => own.$disconnect());

async function rowsOf(orderId: string) {
  const [order, events, audits] = await Promise.all([
    prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, confirmedAt: true, packedAt: true, updatedAt: true } }),
    prisma.orderEvent.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    prisma.auditLog.findMany({ where: { entityType: "Order", entityId: orderId }, orderBy: { createdAt: "asc" } }),
  ]);
  const jobs = await Promise.all(events.map(async (e) => [e.kind, (await (await getBoss()).findJobs("order-notify", { data: { eventId: e.id } })).length] as const));
  return { order, events, audits, jobs: Object.fromEntries(jobs) };
}

describe("confirm and pack", () => {
  for (const [name, withOwnClient] of [["the app's client (pooled pg connection)", false], ["a caller's own Prisma client", true]] as const) {
    it(`through ${name}: status, stamp, the event with its note and actor, the audit row, a job for the confirmation only, and the answer as the order's view`, async () => {
      const shop = await orderShop();
      const p = await stockedProduct(shop, 20);
      const placed = await staffPlace(shop, [{ productId: p.id, quantity: 2 }]);
      // A minute after placing, so the timeline (by time) lists the moves after the placing.
      const at = new Date(Date.now() + 60_000);
      const ctx = makeCtx(shop.owner, { now: () => at, ...(withOwnClient ? { db: own as unknown as typeof prisma } : {}) });

      const confirmed = await confirmOrder(ctx, placed.id, { note: "Call before delivery" });
      expect(confirmed).toMatchObject({ status: "CONFIRMED", statusLabel: "Confirmed", confirmedAt: at.toISOString(), packedAt: null, updatedAt: at.toISOString() });
      expect(confirmed.availableActions).toContain("pack");
      expect(confirmed.timeline.map((e) => e.kind)).toEqual(["placed", "confirmed"]);
      expect(confirmed.timeline[1]).toMatchObject({ fromStatus: "PLACED", toStatus: "CONFIRMED", label: "Confirmed", actorName: shop.owner.name, note: "Call before delivery", at: at.toISOString() });
      // The answer is what a fresh read gives: on the app's client (one statement) and through the ORM's include.
      expect(confirmed).toEqual(await getOrderOrThrow(shop.staff, placed.id));
      expect(confirmed).toEqual(await getOrderOrThrow({ ...shop.staff, db: own as unknown as typeof prisma }, placed.id));

      const packed = await packOrder(ctx, placed.id, {});
      expect(packed).toMatchObject({ status: "PACKED", confirmedAt: at.toISOString(), packedAt: at.toISOString() });
      expect(packed).toEqual(await getOrderOrThrow(shop.staff, placed.id));
      expect(packed).toEqual(await getOrderOrThrow({ ...shop.staff, db: own as unknown as typeof prisma }, placed.id));

      const rows = await rowsOf(placed.id);
      expect(rows.order).toMatchObject({ status: "PACKED", confirmedAt: at, packedAt: at, updatedAt: at });
      expect(rows.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actorUserId, e.companyId])).toEqual([
        ["placed", null, "PLACED", shop.owner.userId, shop.co],
        ["confirmed", "PLACED", "CONFIRMED", shop.owner.userId, shop.co],
        ["packed", "CONFIRMED", "PACKED", shop.owner.userId, shop.co],
      ]);
      expect(rows.jobs).toEqual({ placed: 1, confirmed: 1, packed: 0 });
      const moves = rows.audits.filter((a) => a.action !== "order.place");
      expect(moves.map((a) => ({ action: a.action, companyId: a.companyId, retailerId: a.retailerId, actorUserId: a.actorUserId, actorKind: a.actorKind, before: a.before, after: a.after, requestId: a.requestId }))).toEqual([
        { action: "order.confirm", companyId: shop.co, retailerId: shop.retailer.id, actorUserId: shop.owner.userId, actorKind: "staff", before: { status: "PLACED", creditHold: false }, after: { status: "CONFIRMED", confirmedAt: at.toISOString() }, requestId: ctx.requestId },
        { action: "order.pack", companyId: shop.co, retailerId: shop.retailer.id, actorUserId: shop.owner.userId, actorKind: "staff", before: { status: "CONFIRMED", creditHold: false }, after: { status: "PACKED", packedAt: at.toISOString() }, requestId: ctx.requestId },
      ]);
    });
  }

  it("refusals write nothing: another company's order is not found, the retailer may not confirm, a placed order cannot be packed, a bad note is named", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const p = await stockedProduct(shop, 20);
    const placed = await staffPlace(shop, [{ productId: p.id, quantity: 1 }]);
    const before = await rowsOf(placed.id);

    expect((await rejects(confirmOrder(other.staff, placed.id))).code).toBe("not_found");
    expect((await rejects(packOrder(other.staff, placed.id))).code).toBe("not_found");
    expect((await rejects(confirmOrder(shop.shopper, placed.id))).code).toBe("forbidden");
    const refused = await rejects(packOrder(shop.staff, placed.id));
    expect(refused.code).toBe("invalid_transition");
    expect(refused.details).toMatchObject({ currentState: "PLACED", action: "pack" });
    const bad = await rejects(confirmOrder(shop.staff, placed.id, { note: 42, extra: true }));
    expect(bad.code).toBe("validation");
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["note"]));

    expect(await rowsOf(placed.id)).toEqual(before);
  });
});

describe("one order's view", () => {
  it("in one statement on the app's client: the same as the ORM's include for staff and for the retailer, not found for others", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const p = await stockedProduct(shop, 20);
    const q = await stockedProduct(shop, 20, { name: "Toor Dal 1 kg" });
    const placed = await staffPlace(shop, [{ productId: p.id, quantity: 2 }, { productId: q.id, quantity: 3 }], { notes: "Back door" });
    await confirmOrder(shop.staff, placed.id, { note: "OK" });
    const viaOrm = (ctx: typeof shop.staff) => getOrderOrThrow({ ...ctx, db: own as unknown as typeof prisma }, placed.id);
    for (const ctx of [shop.staff, shop.shopper]) {
      const view = await getOrderOrThrow(ctx, placed.id);
      expect(view.lines).toHaveLength(2);
      expect(view).toEqual(await viaOrm(ctx));
    }
    expect((await rejects(getOrderOrThrow(other.staff, placed.id))).code).toBe("not_found");
    expect((await rejects(viaOrm(other.staff))).code).toBe("not_found");
    // A retailer never sees the vendor's draft.
    const draft = await placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }], draft: true });
    expect((await rejects(getOrderOrThrow(shop.shopper, draft.id))).code).toBe("not_found");
    expect((await getOrderOrThrow(shop.staff, draft.id)).status).toBe("DRAFT");
  });
});
