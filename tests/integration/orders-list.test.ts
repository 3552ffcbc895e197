// The orders list: tab counts, filters, search, sort, pages; a retailer's own history; capped counts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { listOrders, ORDER_COUNT_CAP } from "@/lib/orders/list-orders";
import { placeOrder } from "@/lib/orders/place-order";
import { createRetailerUser, ctxFor } from "../support/factories";
import { orderShop, stockedProduct } from "../support/order-factories";

async function world() {
  const shop = await orderShop({ creditPolicy: "HOLD" });
  const p = await stockedProduct(shop, 1000); // ₹118.00 a unit with GST
  const sharmaUser = await createRetailerUser();
  await prisma.retailer.update({ where: { id: sharmaUser.retailer.id }, data: { tradeName: `Sharma General Stores ${shop.co}` } });
  const sharma = await prisma.connection.create({ data: { companyId: shop.co, retailerId: sharmaUser.retailer.id, status: "ACTIVE", placeOfSupply: "27", customerCode: `SHA-${shop.co.slice(-6)}`, creditLimit: "500.00" } });
  const at = (iso: string) => ctxFor(shop.owner, new Date(iso));
  const place = (iso: string, connectionId: string, quantity: number, extra = {}) => placeOrder(at(iso), { connectionId, lines: [{ productId: p.id, quantity: String(quantity) }], ...extra });

  const o1 = await place("2026-01-10T18:29:59.000Z", shop.connection.id, 1); // 10 Jan 23:59:59 IST, ₹118
  const o2 = await place("2026-01-10T18:30:00.000Z", sharma.id, 3); // 11 Jan 00:00 IST, ₹354
  await confirmOrder(at("2026-01-11T05:00:00.000Z"), o2.id);
  const o3 = await place("2026-01-12T06:00:00.000Z", sharma.id, 3); // over Sharma's ₹500 → on hold, ₹354
  const o4 = await place("2026-01-12T07:00:00.000Z", shop.connection.id, 2, { draft: true }); // ₹236
  const o5 = await place("2026-01-13T08:00:00.000Z", shop.connection.id, 5); // ₹590
  await cancelOrder(at("2026-01-13T09:00:00.000Z"), o5.id, { reason: "Duplicate" });
  expect(o3.creditHold).toBe(true);
  return { shop, p, sharma, sharmaUser, o1, o2, o3, o4, o5 };
}

const ids = (r: { data: { id: string }[] }) => r.data.map((o) => o.id);

describe("orders list", () => {
  it("tab counts, status tabs and the on-hold queue, newest first", async () => {
    const w = await world();
    const all = await listOrders(w.shop.staff, {});
    expect(ids(all)).toEqual([w.o5.id, w.o4.id, w.o3.id, w.o2.id, w.o1.id]);
    expect(all.total).toBe(5);
    expect(all.totalIsCapped).toBe(false);
    const counts = Object.fromEntries(Object.entries(all.counts).map(([k, v]) => [k, v.count]));
    expect(counts).toEqual({ all: 5, on_hold: 1, draft: 1, placed: 2, confirmed: 1, packed: 0, dispatched: 0, delivered: 0, cancelled: 1, returned: 0 });
    expect(Object.values(all.counts).every((c) => c.capped === false)).toBe(true);
    expect(ids(await listOrders(w.shop.staff, { status: "placed" }))).toEqual([w.o3.id, w.o1.id]);
    expect(ids(await listOrders(w.shop.staff, { status: "on_hold" }))).toEqual([w.o3.id]);
    const open = await listOrders(w.shop.staff, { status: "open" });
    expect(ids(open)).toEqual([w.o3.id, w.o2.id, w.o1.id]);
    expect(open.total).toBe(3);
    const row = all.data.find((r) => r.id === w.o2.id)!;
    expect(row).toEqual({
      id: w.o2.id,
      number: w.o2.number,
      status: "CONFIRMED",
      statusLabel: "Confirmed",
      creditHold: false,
      retailer: { id: w.sharmaUser.retailer.id, name: `Sharma General Stores ${w.shop.co}`, customerCode: w.sharma.customerCode },
      vendor: { code: w.shop.company.code, name: w.shop.company.legalName },
      lineCount: 1,
      grandTotal: "354.00",
      placedAt: "2026-01-10T18:30:00.000Z",
      createdAt: "2026-01-10T18:30:00.000Z",
    });
  });

  it("search by number prefix, number digits, retailer name and customer code; counts follow the search", async () => {
    const w = await world();
    const staff = w.shop.staff;
    expect(ids(await listOrders(staff, { q: w.o2.number }))).toEqual([w.o2.id]);
    expect(ids(await listOrders(staff, { q: w.o2.number.toLowerCase() }))).toEqual([w.o2.id]);
    expect((await listOrders(staff, { q: "SO/25-26/" })).total).toBe(5);
    expect(ids(await listOrders(staff, { q: w.o3.number.split("/")[2] }))).toEqual([w.o3.id]);
    const byName = await listOrders(staff, { q: "sharma general" });
    expect(ids(byName)).toEqual([w.o3.id, w.o2.id]);
    expect(byName.counts.all.count).toBe(2);
    expect(byName.counts.on_hold.count).toBe(1);
    expect(ids(await listOrders(staff, { q: w.shop.connection.customerCode!.toLowerCase() }))).toEqual([w.o5.id, w.o4.id, w.o1.id]);
    expect(ids(await listOrders(staff, { q: "100%_" }))).toEqual([]);
    expect(ids(await listOrders(staff, { connectionId: w.sharma.id }))).toEqual([w.o3.id, w.o2.id]);
  });

  it("dates are whole days in India; amounts filter the grand total", async () => {
    const w = await world();
    const staff = w.shop.staff;
    expect(ids(await listOrders(staff, { from: "2026-01-11", to: "2026-01-12" }))).toEqual([w.o4.id, w.o3.id, w.o2.id]);
    expect(ids(await listOrders(staff, { to: "2026-01-10" }))).toEqual([w.o1.id]);
    expect(ids(await listOrders(staff, { from: "2026-01-13" }))).toEqual([w.o5.id]);
    expect(ids(await listOrders(staff, { minTotal: "300", maxTotal: "400" }))).toEqual([w.o3.id, w.o2.id]);
    expect(ids(await listOrders(staff, { minTotal: "354.01" }))).toEqual([w.o5.id]);
    expect((await listOrders(staff, { from: "2026-13-01" }).catch((e) => e)).code).toBe("validation");
  });

  it("sorts by total, number or date, and pages", async () => {
    const w = await world();
    const staff = w.shop.staff;
    const byTotal = ids(await listOrders(staff, { sort: "grandTotal" }));
    expect(byTotal[0]).toBe(w.o1.id);
    expect(byTotal[1]).toBe(w.o4.id);
    expect(new Set(byTotal.slice(2, 4))).toEqual(new Set([w.o2.id, w.o3.id]));
    expect(byTotal[4]).toBe(w.o5.id);
    expect(ids(await listOrders(staff, { sort: "-grandTotal" }))[0]).toBe(w.o5.id);
    expect(ids(await listOrders(staff, { sort: "number" }))).toEqual([w.o1, w.o2, w.o3, w.o4, w.o5].map((o) => o.id).sort((a, b) => ([w.o1, w.o2, w.o3, w.o4, w.o5].find((o) => o.id === a)!.number < [w.o1, w.o2, w.o3, w.o4, w.o5].find((o) => o.id === b)!.number ? -1 : 1)));
    expect(ids(await listOrders(staff, { sort: "createdAt" }))).toEqual([w.o1.id, w.o2.id, w.o3.id, w.o4.id, w.o5.id]);
    const page2 = await listOrders(staff, { pageSize: 2, offset: 2 });
    expect(ids(page2)).toEqual([w.o3.id, w.o2.id]);
    expect(page2.total).toBe(5);
    expect(ids(await listOrders(staff, { pageSize: 2, offset: 4 }))).toEqual([w.o1.id]);
  });

  it("a retailer sees its own orders at every vendor, or one vendor's with vendorCode", async () => {
    const w = await world();
    const other = await orderShop();
    const q = await stockedProduct(other, 10);
    await prisma.connection.create({ data: { companyId: other.co, retailerId: w.sharmaUser.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
    const elsewhere = await placeOrder(w.sharmaUser.ctx, { vendorCode: other.company.code, lines: [{ productId: q.id, quantity: "1" }] });
    const mine = await listOrders(w.sharmaUser.ctx, {});
    expect(ids(mine)).toEqual([elsewhere.id, w.o3.id, w.o2.id]);
    expect(ids(await listOrders(w.sharmaUser.ctx, { vendorCode: w.shop.company.code.toLowerCase() }))).toEqual([w.o3.id, w.o2.id]);
    expect(ids(await listOrders(w.sharmaUser.ctx, { vendorCode: other.company.code }))).toEqual([elsewhere.id]);
    expect(ids(await listOrders(w.sharmaUser.ctx, { q: other.company.legalName.slice(0, 18) }))).toEqual([elsewhere.id]);
    expect(mine.data[0].vendor).toEqual({ code: other.company.code, name: other.company.legalName });
  });

  it("counts stop at the cap (1,000) and say so", { timeout: 120_000 }, async () => {
    const w = await world();
    const co = w.shop.co;
    // 10,001 placed orders straight into the table (the list reads rows; how they were made does not matter here).
    await prisma.$executeRaw`
      INSERT INTO "Order" (id, "companyId", number, "connectionId", "retailerId", "warehouseId", status, source, "supplierStateCode", "placeOfSupply",
                           "shippingName", "shippingLine1", "shippingCity", "shippingStateCode", "shippingPincode", "grandTotal", "createdAt", "updatedAt")
      SELECT ${randomUUID()} || '-' || g, ${co}, 'SO/24-25/' || lpad(g::text, 6, '0'), ${w.shop.connection.id}, ${w.shop.retailer.id}, ${w.shop.wh.id}, 'PLACED', 'STAFF', '27', '27',
             'Bulk', 'Line 1', 'Pune', '27', '411001', 100, now() - g * interval '1 minute', now()
      FROM generate_series(1, ${ORDER_COUNT_CAP + 1}) g`;
    const r = await listOrders(w.shop.staff, { pageSize: 10 });
    expect(r.counts.all).toEqual({ count: ORDER_COUNT_CAP, capped: true });
    expect(r.counts.placed).toEqual({ count: ORDER_COUNT_CAP, capped: true });
    expect(r.counts.confirmed).toEqual({ count: 1, capped: false });
    expect(r).toMatchObject({ total: ORDER_COUNT_CAP, totalIsCapped: true });
    expect(r.data).toHaveLength(10);
    const held = await listOrders(w.shop.staff, { status: "on_hold" });
    expect(held).toMatchObject({ total: 1, totalIsCapped: false });
    // Filtered beyond the cap: every tab count is a lower bound; the current tab still gets its own count.
    const filtered = await listOrders(w.shop.staff, { connectionId: w.shop.connection.id, status: "placed", pageSize: 5 });
    expect(filtered.counts.all).toEqual({ count: ORDER_COUNT_CAP, capped: true });
    expect(filtered.counts.cancelled.capped).toBe(true);
    expect(filtered).toMatchObject({ total: ORDER_COUNT_CAP, totalIsCapped: true });
    const cancelled = await listOrders(w.shop.staff, { connectionId: w.shop.connection.id, status: "cancelled" });
    expect(cancelled).toMatchObject({ total: 1, totalIsCapped: false });
    expect(ids(cancelled)).toEqual([w.o5.id]);
  });
});
