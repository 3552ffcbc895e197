// Placing orders: pricing and GST, credit limits, drafts, numbering, the notification job.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { getOutstanding } from "@/lib/orders/credit";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { listOrders } from "@/lib/orders/list-orders";
import { placeOrder } from "@/lib/orders/place-order";
import { releaseCreditHold } from "@/lib/orders/release-credit-hold";
import { submitDraftOrder } from "@/lib/orders/submit-draft-order";
import { createProduct } from "../support/catalog-factories";
import { ctxFor } from "../support/factories";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { orderIn, orderShop, stockedProduct, staffPlace } from "../support/order-factories";
import { rejects } from "../support/rejects";

/** The order-notify jobs of one event. */
async function notifyJobs(eventId: string) {
  return (await getBoss()).findJobs<{ eventId: string }>("order-notify", { data: { eventId } });
}

/** order-notify jobs pointing at an event that does not exist (a job that escaped a rolled-back placement). */
async function orphanNotifyJobs() {
  const jobs = await (await getBoss()).findJobs<{ eventId: string }>("order-notify", { limit: 100_000 });
  const ids = jobs.map((j) => j.data.eventId);
  const found = new Set((await prisma.orderEvent.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((e) => e.id));
  return ids.filter((id) => !found.has(id));
}

/** Rows a refused placement must not leave behind. */
async function companyFootprint(co: string) {
  const [orders, reservations, movements, events, audits] = await Promise.all([
    prisma.order.count({ where: { companyId: co } }),
    prisma.stockReservation.count({ where: { companyId: co } }),
    prisma.stockMovement.count({ where: { companyId: co } }),
    prisma.orderEvent.count({ where: { companyId: co } }),
    prisma.auditLog.count({ where: { companyId: co, entityType: "Order" } }),
  ]);
  return { orders, reservations, movements, events, audits };
}

describe("placing an order", () => {
  it("staff place for a connection: priced, taxed, numbered, reserved, event + audit + one notification job", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50, { basePrice: "100.00", gstRate: "18" });
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 3 }]);
    expect(o.status).toBe("PLACED");
    expect(o.source).toBe("STAFF");
    expect(o.number).toMatch(/^SO\/\d\d-\d\d\/000001$/);
    expect(o.taxType).toBe("intra");
    expect(o.lines[0]).toMatchObject({ quantity: "3.000", unitPrice: "100.00", taxableValue: "300.00", cgstAmount: "27.00", sgstAmount: "27.00", igstAmount: "0.00", lineTotal: "354.00", priceSource: "base_price" });
    expect(o.totals).toMatchObject({ taxable: "300.00", cgst: "27.00", sgst: "27.00", tax: "54.00", grandTotal: "354.00" });
    expect(o.vendor).toMatchObject({ id: shop.co, code: shop.company.code });
    expect(o.retailer).toMatchObject({ id: shop.retailer.id, customerCode: shop.connection.customerCode });
    expect(o.warehouse.id).toBe(shop.wh.id);
    expect(o.shippingAddress).toMatchObject({ line1: shop.retailer.addressLine1, city: shop.retailer.city, stateCode: "27", stateName: "Maharashtra" });
    expect(o.availableActions).toEqual(["edit", "confirm", "cancel"]);
    expect(o.timeline.map((e) => [e.kind, e.actorName])).toEqual([["placed", "Staff OWNER"]]);
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "50.000", reserved: "3.000" });
    const reservation = await prisma.stockReservation.findUniqueOrThrow({ where: { companyId_refType_refId: { companyId: shop.co, refType: "Order", refId: o.id } }, include: { lines: true } });
    expect(reservation.status).toBe("ACTIVE");
    expect(reservation.lines.map((l) => [l.productId, l.quantity.toFixed(3)])).toEqual([[p.id, "3.000"]]);
    expect(await prisma.auditLog.count({ where: { entityType: "Order", entityId: o.id, action: "order.place" } })).toBe(1);
    const jobs = await notifyJobs(o.timeline[0].id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toEqual({ eventId: o.timeline[0].id });
    await expectLedgerMatchesLevels(shop.co);
    expect(await getOrderOrThrow(shop.staff, o.id)).toEqual(o);
  });

  it("a retailer places by vendor code (PORTAL, or API when the door says so)", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const portal = await placeOrder(shop.shopper, { vendorCode: shop.company.code.toLowerCase(), lines: [{ productId: p.id, quantity: "2" }] });
    expect(portal).toMatchObject({ source: "PORTAL", connectionId: shop.connection.id, status: "PLACED" });
    expect(portal.availableActions).toEqual(["edit", "cancel"]);
    const api = await placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] }, { source: "API" });
    expect(api.source).toBe("API");
    // The answer (from the write statement) is the order as read back, for the retailer too.
    expect(await getOrderOrThrow(shop.shopper, portal.id)).toEqual(portal);
    expect((await rejects(placeOrder(shop.shopper, { vendorCode: "NOPE", lines: [{ productId: p.id, quantity: "1" }] }))).code).toBe("not_found");
    expect((await rejects(placeOrder(shop.shopper, { vendorCode: shop.company.code, draft: true, lines: [{ productId: p.id, quantity: "1" }] }))).code).toBe("validation");
  });

  it("insufficient stock names the line and writes nothing — no order, no reservation, no job", async () => {
    const shop = await orderShop();
    const a = await stockedProduct(shop, 10);
    const b = await stockedProduct(shop, 1);
    const before = await companyFootprint(shop.co);
    const err = await rejects(staffPlace(shop, [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 5 }]));
    expect(err.code).toBe("insufficient_stock");
    expect(err.fieldErrors).toEqual({ "lines.1.quantity": ["Only 1 available"] });
    expect(await companyFootprint(shop.co)).toEqual(before);
    expect(await orphanNotifyJobs()).toEqual([]);
    expect(await level(a.id, shop.wh.id)).toEqual({ onHand: "10.000", reserved: "0.000" });
  });

  it("rejects bad input naming the field: unknown fields, no lines, duplicate product, staff without a retailer", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const e1 = await rejects(placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }], discount: "5" }));
    expect(e1.fieldErrors).toMatchObject({ discount: ["Unknown field"] });
    const e2 = await rejects(placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [] }));
    expect(Object.keys(e2.fieldErrors ?? {})).toContain("lines");
    const e3 = await rejects(placeOrder(shop.staff, { lines: [{ productId: p.id, quantity: "1" }] }));
    expect(e3.fieldErrors).toEqual({ connectionId: ["Choose a retailer"] });
    const e4 = await rejects(placeOrder(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "0" }] }));
    expect(e4.fieldErrors?.["lines.0.quantity"]).toBeDefined();
    const sales = await shop.staffAs("ACCOUNTANT");
    expect((await rejects(placeOrder(sales, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] }))).code).toBe("forbidden");
  });

  it("needs an active warehouse; uses the default one, or the one staff name", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const { createWarehouse, stockUp } = await import("../support/catalog-factories");
    const second = await createWarehouse(shop.co, { code: "SECOND" });
    await stockUp(shop.co, p.id, second.id, 5);
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 5 }], { warehouseId: second.id });
    expect(o.warehouse.code).toBe("SECOND");
    expect(await level(p.id, second.id)).toEqual({ onHand: "5.000", reserved: "5.000" });
    await prisma.warehouse.updateMany({ where: { companyId: shop.co }, data: { active: false } });
    const err = await rejects(staffPlace(shop, [{ productId: p.id, quantity: 1 }]));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/warehouse/i);
  });
});

describe("pricing and GST", () => {
  it("prices lines from the retailer's price list and slab; totals are the sums of the lines", async () => {
    const shop = await orderShop();
    const a = await stockedProduct(shop, 100, { basePrice: "100.00", gstRate: "18" });
    // Sold by the kilogram, so 2.5 is an order of 2.5 kg.
    const b = await stockedProduct(shop, 100, { basePrice: "50.00", gstRate: "5", taxInclusive: true, unit: "KGS" });
    const list = await prisma.priceList.create({ data: { companyId: shop.co, name: `Wholesale ${shop.co}` } });
    await prisma.priceListItem.createMany({
      data: [
        { companyId: shop.co, priceListId: list.id, productId: a.id, minQty: "1", price: "90.00" },
        { companyId: shop.co, priceListId: list.id, productId: a.id, minQty: "10", price: "80.00" },
      ],
    });
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { priceListId: list.id } });
    const o = await staffPlace(shop, [{ productId: a.id, quantity: 12 }, { productId: b.id, quantity: "2.5" }]);
    expect(o.lines[0]).toMatchObject({ unitPrice: "80.00", priceSource: "retailer_list", taxableValue: "960.00", cgstAmount: "86.40", sgstAmount: "86.40", lineTotal: "1132.80" });
    // Inclusive: 2.5 × 50 = 125.00 exactly; 5% backed out and split equally.
    expect(o.lines[1]).toMatchObject({ unitPrice: "50.00", priceSource: "base_price", taxInclusive: true, lineTotal: "125.00", cgstAmount: "2.98", sgstAmount: "2.98", taxableValue: "119.04" });
    const sum = (k: "taxableValue" | "cgstAmount" | "sgstAmount" | "igstAmount" | "lineTotal") => o.lines.reduce((s, l) => s + Math.round(Number(l[k]) * 100), 0) / 100;
    expect(Number(o.totals.taxable)).toBe(sum("taxableValue"));
    expect(Number(o.totals.cgst)).toBe(sum("cgstAmount"));
    expect(Number(o.totals.grandTotal)).toBe(sum("lineTotal"));
    expect(o.totals.grandTotal).toBe("1257.80");
    const row = await prisma.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(row.grandTotal.toFixed(2)).toBe("1257.80");
    expect(row.cgstTotal.eq(row.sgstTotal)).toBe(true);
  });

  it("inter-state by the connection's place of supply → IGST; a shipping address in another state decides it too", async () => {
    const shop = await orderShop({ placeOfSupply: "29" });
    const p = await stockedProduct(shop, 100, { basePrice: "100.00", gstRate: "12" });
    const inter = await staffPlace(shop, [{ productId: p.id, quantity: 1 }]);
    expect(inter).toMatchObject({ taxType: "inter", placeOfSupply: "29", supplierStateCode: "27" });
    expect(inter.lines[0]).toMatchObject({ igstAmount: "12.00", cgstAmount: "0.00", sgstAmount: "0.00", lineTotal: "112.00" });
    const shipped = await staffPlace(shop, [{ productId: p.id, quantity: 1 }], { shippingAddress: { name: "Branch", line1: "Plot 9", city: "Nagpur", stateCode: "27", pincode: "440001" } });
    expect(shipped).toMatchObject({ taxType: "intra", placeOfSupply: "27" });
    expect(shipped.shippingAddress).toMatchObject({ name: "Branch", city: "Nagpur", stateCode: "27" });
    expect(shipped.lines[0]).toMatchObject({ cgstAmount: "6.00", sgstAmount: "6.00", igstAmount: "0.00" });
  });

  it("the connection's shipping address is the default", async () => {
    const shop = await orderShop();
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { shippingLine1: "Godown 3, APMC", shippingCity: "Nashik", shippingStateCode: "27", shippingPincode: "422003" } });
    const p = await stockedProduct(shop, 10);
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 1 }]);
    expect(o.shippingAddress).toMatchObject({ line1: "Godown 3, APMC", pincode: "422003", name: shop.retailer.legalName });
  });

  it("minimum order quantity and pack multiples name the line's quantity field", async () => {
    const shop = await orderShop();
    const moq = await stockedProduct(shop, 100, { minOrderQty: "5" });
    const box = await stockedProduct(shop, 100, { sellInPacks: true, packSize: "12", packUnit: "BOX" });
    const err = await rejects(staffPlace(shop, [{ productId: moq.id, quantity: 3 }, { productId: box.id, quantity: 18 }]));
    expect(err.code).toBe("validation");
    expect(err.fieldErrors?.["lines.0.quantity"]?.[0]).toMatch(/Minimum order .* is 5/);
    expect(err.fieldErrors?.["lines.1.quantity"]?.[0]).toMatch(/whole BOXs of 12/);
    const ok = await staffPlace(shop, [{ productId: moq.id, quantity: 5 }, { productId: box.id, quantity: 24 }]);
    expect(ok.lines.map((l) => l.quantity)).toEqual(["5.000", "24.000"]);
  });

  it("an inactive product or another company's product is rejected on its line", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const ok = await stockedProduct(shop, 10);
    const inactive = await stockedProduct(shop, 10, { active: false });
    const foreign = await stockedProduct(other, 10);
    const e1 = await rejects(staffPlace(shop, [{ productId: ok.id, quantity: 1 }, { productId: inactive.id, quantity: 1 }]));
    expect(e1.code).toBe("validation");
    expect(e1.fieldErrors?.["lines.1.productId"]?.[0]).toMatch(/no longer sold/);
    const e2 = await rejects(staffPlace(shop, [{ productId: foreign.id, quantity: 1 }]));
    expect(e2.code).toBe("not_found");
    expect(e2.fieldErrors).toEqual({ "lines.0.productId": ["Product not found"] });
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
  });
});

describe("credit limit", () => {
  // Each order below: 3 × ₹100 + 18% = ₹354.00.
  const three = (productId: string) => [{ productId, quantity: 3 }];

  it("exactly at the limit passes; one paisa over is credit_limit_exceeded and writes nothing", async () => {
    const at = await orderShop({ creditLimit: "354.00" });
    const p = await stockedProduct(at, 100);
    expect((await staffPlace(at, three(p.id))).creditHold).toBe(false);

    const over = await orderShop({ creditLimit: "353.99" });
    const q = await stockedProduct(over, 100);
    const before = await companyFootprint(over.co);
    const err = await rejects(staffPlace(over, three(q.id)));
    expect(err.code).toBe("credit_limit_exceeded");
    expect(err.status).toBe(409);
    expect(err.details).toEqual({ limit: "353.99", outstanding: "0.00", orderTotal: "354.00" });
    expect(err.message).toContain("₹354.00");
    expect(await companyFootprint(over.co)).toEqual(before);
    expect(await level(q.id, over.wh.id)).toEqual({ onHand: "100.000", reserved: "0.000" });
    expect(await orphanNotifyJobs()).toEqual([]);
  });

  it("limit 0 means no limit", async () => {
    const shop = await orderShop({ creditLimit: "0" });
    const p = await stockedProduct(shop, 100_000, { basePrice: "99999.00" });
    const o = await staffPlace(shop, [{ productId: p.id, quantity: 1000 }]);
    expect(o.creditHold).toBe(false);
  });

  it("outstanding counts open and delivered orders, not drafts or cancelled ones; cancelling frees credit", async () => {
    const shop = await orderShop({ creditLimit: "800.00" });
    const p = await stockedProduct(shop, 100);
    const first = await staffPlace(shop, three(p.id));
    await staffPlace(shop, three(p.id), { draft: true });
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("354.00");
    await staffPlace(shop, three(p.id));
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("708.00");
    expect((await rejects(staffPlace(shop, three(p.id)))).details).toMatchObject({ outstanding: "708.00", orderTotal: "354.00" });
    await cancelOrder(shop.staff, first.id, { reason: "Duplicate" });
    expect(await getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id })).toBe("354.00");
    expect((await staffPlace(shop, three(p.id))).status).toBe("PLACED");
  });

  it("HOLD policy: placed on hold with stock reserved; not confirmable until someone with orders.approve_credit releases it", async () => {
    const shop = await orderShop({ creditLimit: "300.00", creditPolicy: "HOLD" });
    const p = await stockedProduct(shop, 100);
    const o = await placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: three(p.id) });
    expect(o).toMatchObject({ status: "PLACED", creditHold: true });
    expect(o.holdReason).toBe("Over credit limit: ₹0.00 outstanding + ₹354.00 order > ₹300.00 limit");
    expect(o.timeline.map((e) => e.kind)).toEqual(["placed", "held"]);
    expect(await getOrderOrThrow(shop.shopper, o.id)).toEqual(o);
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "100.000", reserved: "3.000" });
    expect((await listOrders(shop.staff, { status: "on_hold" })).data.map((r) => r.id)).toEqual([o.id]);

    expect((await rejects(confirmOrder(shop.staff, o.id))).code).toBe("invalid_transition");
    const sales = await shop.staffAs("SALES");
    expect((await rejects(releaseCreditHold(sales, o.id, {}))).code).toBe("forbidden");
    const released = await releaseCreditHold(await shop.staffAs("MANAGER"), o.id, { note: "Cheque received" });
    expect(released).toMatchObject({ creditHold: false, holdReason: null, status: "PLACED" });
    expect(released.timeline.at(-1)).toMatchObject({ kind: "released", note: "Cheque received", actorName: "Staff MANAGER" });
    expect((await confirmOrder(sales, o.id)).status).toBe("CONFIRMED");
  });
});

describe("drafts", () => {
  it("a draft is priced but reserves nothing, skips credit and notifications; submitting re-prices and places it", async () => {
    const shop = await orderShop({ creditLimit: "400.00" });
    const p = await stockedProduct(shop, 10, { basePrice: "100.00" });
    const draft = await staffPlace(shop, [{ productId: p.id, quantity: 5 }], { draft: true });
    expect(draft).toMatchObject({ status: "DRAFT", placedAt: null });
    expect(draft.totals.grandTotal).toBe("590.00"); // over the limit, but a draft is not checked
    expect(draft.timeline.map((e) => e.kind)).toEqual(["draft_saved"]);
    expect(await notifyJobs(draft.timeline[0].id)).toHaveLength(0);
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "10.000", reserved: "0.000" });

    expect((await rejects(submitDraftOrder(shop.staff, draft.id))).code).toBe("credit_limit_exceeded");
    await prisma.connection.update({ where: { id: shop.connection.id }, data: { creditLimit: "0" } });
    await prisma.product.update({ where: { id: p.id }, data: { basePrice: "110.00" } });
    const placed = await submitDraftOrder(shop.staff, draft.id);
    expect(placed).toMatchObject({ status: "PLACED", number: draft.number });
    expect(placed.lines[0].unitPrice).toBe("110.00");
    expect(placed.totals.grandTotal).toBe("649.00");
    expect(placed.placedAt).not.toBeNull();
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "10.000", reserved: "5.000" });
    const placedEvent = placed.timeline.find((e) => e.kind === "placed")!;
    expect(await notifyJobs(placedEvent.id)).toHaveLength(1);
    await expectLedgerMatchesLevels(shop.co);
  });
});

describe("connections", () => {
  it("orders need an ACTIVE connection (suspended, ended, pending → conflict)", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    for (const status of ["SUSPENDED", "ENDED", "PENDING"] as const) {
      await prisma.connection.update({ where: { id: shop.connection.id }, data: { status } });
      const byRetailer = await rejects(placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: p.id, quantity: "1" }] }));
      expect(byRetailer.code).toBe("conflict");
      expect(byRetailer.message).toMatch(/suspended|no longer connected|not active/);
      expect((await rejects(staffPlace(shop, [{ productId: p.id, quantity: 1 }]))).code).toBe("conflict");
    }
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
  });
});

describe("order numbers", () => {
  it("SO/yy-yy/000001, consecutive per company; the financial year turns at 1 April 00:00 IST (ctx.now)", async () => {
    const lastMinute = new Date("2026-03-31T18:29:59.000Z"); // 31 Mar 2026 23:59:59 IST
    const newYear = new Date("2026-03-31T18:30:00.000Z"); // 1 Apr 2026 00:00 IST
    const shop = await orderShop({ now: lastMinute });
    const other = await orderShop({ now: lastMinute });
    const p = await stockedProduct(shop, 100);
    const q = await stockedProduct(other, 100);
    expect((await staffPlace(shop, [{ productId: p.id, quantity: 1 }])).number).toBe("SO/25-26/000001");
    expect((await staffPlace(shop, [{ productId: p.id, quantity: 1 }])).number).toBe("SO/25-26/000002");
    expect((await staffPlace(other, [{ productId: q.id, quantity: 1 }])).number).toBe("SO/25-26/000001");
    const april = { ...shop, staff: ctxFor(shop.owner, newYear) };
    const first = await staffPlace(april, [{ productId: p.id, quantity: 1 }]);
    expect(first.number).toBe("SO/26-27/000001");
    expect(first.placedAt).toBe(newYear.toISOString());
    expect((await staffPlace(april, [{ productId: p.id, quantity: 1 }])).number).toBe("SO/26-27/000002");
    expect((await staffPlace(shop, [{ productId: p.id, quantity: 1 }])).number).toBe("SO/25-26/000003");
  });
});

describe("lifecycle timestamps and notifications", () => {
  it("confirm, dispatch, deliver and cancel each enqueue one job for their event; pack, edit and return do not", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 50);
    const delivered = await orderIn(shop, "RETURNED", p.id, 3);
    const byKind = new Map(delivered.timeline.map((e) => [e.kind, e.id]));
    for (const kind of ["placed", "confirmed", "dispatched", "delivered"]) expect(await notifyJobs(byKind.get(kind)!), kind).toHaveLength(1);
    for (const kind of ["packed", "returned"]) expect(await notifyJobs(byKind.get(kind)!), kind).toHaveLength(0);
    expect(delivered).toMatchObject({ status: "RETURNED" });
    for (const k of ["placedAt", "confirmedAt", "packedAt", "dispatchedAt", "deliveredAt", "returnedAt"] as const) expect(delivered[k], k).not.toBeNull();
    const cancelled = await orderIn(shop, "CANCELLED", p.id, 1);
    expect(cancelled.cancelReason).toBe("Test cancel");
    expect(await notifyJobs(cancelled.timeline.at(-1)!.id)).toHaveLength(1);
  });

  it("product created directly is orderable at its base price (sanity of the factory)", async () => {
    const shop = await orderShop();
    const p = await createProduct(shop.co, { basePrice: "10.00", gstRate: "0" });
    expect((await rejects(staffPlace(shop, [{ productId: p.id, quantity: 1 }]))).code).toBe("insufficient_stock");
  });
});
