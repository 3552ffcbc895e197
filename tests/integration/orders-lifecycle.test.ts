// After placing: edits move the reservation with the lines, dispatch takes stock out, cancel gives
// it back, returns put goods back on the shelf; proof of delivery; pick list; reorder preview.
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { editOrder } from "@/lib/orders/edit-order";
import { getOrderDeliveryPhoto } from "@/lib/orders/get-order-delivery-photo";
import { getPickList } from "@/lib/orders/get-pick-list";
import { placeOrder } from "@/lib/orders/place-order";
import { previewReorder } from "@/lib/orders/preview-reorder";
import { returnOrder } from "@/lib/orders/return-order";
import { createWarehouse } from "../support/catalog-factories";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";
import { orderIn, orderShop, stockedProduct, staffPlace } from "../support/order-factories";
import { rejects } from "../support/rejects";
import { HTML_PAYLOAD, describeImage, jpegWithGps, pngImage, pngSignatureThenHtml } from "../support/images";

describe("editing a placed order", () => {
  it("quantities up and down, lines added and removed: reservation follows in the same transaction", async () => {
    const shop = await orderShop();
    const [a, b, c] = await Promise.all([stockedProduct(shop, 20), stockedProduct(shop, 20), stockedProduct(shop, 20)]);
    const o = await staffPlace(shop, [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 3 }]);
    const up = await placeOrder(shop.shopper, { vendorCode: shop.company.code, lines: [{ productId: c.id, quantity: "1" }] });
    expect(up.status).toBe("PLACED");

    const edited = await editOrder(shop.staff, o.id, { lines: [{ productId: a.id, quantity: "5" }, { productId: c.id, quantity: "4" }], notes: "Deliver before noon" });
    expect(edited.lines.map((l) => [l.productId, l.quantity, l.position])).toEqual([
      [a.id, "5.000", 0],
      [c.id, "4.000", 1],
    ]);
    expect(edited.lines[0].id).toBe(o.lines[0].id); // same product, same line row
    expect(edited.totals.grandTotal).toBe("1062.00"); // 9 × 100 + 18%
    expect(edited.notes).toBe("Deliver before noon");
    expect(edited.timeline.at(-1)).toMatchObject({ kind: "edited" });
    expect(await level(a.id, shop.wh.id)).toEqual({ onHand: "20.000", reserved: "5.000" });
    expect(await level(b.id, shop.wh.id)).toEqual({ onHand: "20.000", reserved: "0.000" });
    expect(await level(c.id, shop.wh.id)).toEqual({ onHand: "20.000", reserved: "5.000" }); // 4 here + 1 on the retailer's order
    const reservation = await prisma.stockReservation.findUniqueOrThrow({ where: { companyId_refType_refId: { companyId: shop.co, refType: "Order", refId: o.id } }, include: { lines: { orderBy: { productId: "asc" } } } });
    expect(reservation.lines.map((l) => [l.productId, l.quantity.toFixed(3)]).sort()).toEqual([[a.id, "5.000"], [c.id, "4.000"]].sort());

    const down = await editOrder(shop.shopper, o.id, { lines: [{ productId: a.id, quantity: "1" }] });
    expect(down.lines).toHaveLength(1);
    expect(down.totals.grandTotal).toBe("118.00");
    expect(await level(a.id, shop.wh.id)).toEqual({ onHand: "20.000", reserved: "1.000" });
    expect(await level(c.id, shop.wh.id)).toEqual({ onHand: "20.000", reserved: "1.000" });
    const row = await prisma.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(row.grandTotal.toFixed(2)).toBe("118.00");
    await expectLedgerMatchesLevels(shop.co);
  });

  it("unchanged lines keep their order price; changed lines are priced today", async () => {
    const shop = await orderShop();
    const [a, b] = await Promise.all([stockedProduct(shop, 20, { basePrice: "100.00" }), stockedProduct(shop, 20, { basePrice: "10.00" })]);
    const o = await staffPlace(shop, [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 2 }]);
    await prisma.product.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { basePrice: "200.00" } });
    const edited = await editOrder(shop.staff, o.id, { lines: [{ productId: a.id, quantity: "2" }, { productId: b.id, quantity: "3" }] });
    expect(edited.lines.map((l) => l.unitPrice)).toEqual(["100.00", "200.00"]);
  });

  it("insufficient stock on edit changes nothing", async () => {
    const shop = await orderShop();
    const a = await stockedProduct(shop, 5);
    const o = await staffPlace(shop, [{ productId: a.id, quantity: 2 }]);
    const before = await prisma.order.findUniqueOrThrow({ where: { id: o.id }, include: { lines: true, events: true } });
    const moves = await prisma.stockMovement.count({ where: { companyId: shop.co } });
    const err = await rejects(editOrder(shop.staff, o.id, { lines: [{ productId: a.id, quantity: "6" }] }));
    expect(err.code).toBe("insufficient_stock");
    expect(err.fieldErrors).toEqual({ "lines.0.quantity": ["Only 3 available"] });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: o.id }, include: { lines: true, events: true } })).toEqual(before);
    expect(await prisma.stockMovement.count({ where: { companyId: shop.co } })).toBe(moves);
    expect(await level(a.id, shop.wh.id)).toEqual({ onHand: "5.000", reserved: "2.000" });
  });

  it("an edit over the credit limit is refused (BLOCK) or puts the order on hold (HOLD)", async () => {
    const block = await orderShop({ creditLimit: "500.00" });
    const p = await stockedProduct(block, 50);
    const o = await staffPlace(block, [{ productId: p.id, quantity: 3 }]);
    expect((await rejects(editOrder(block.staff, o.id, { lines: [{ productId: p.id, quantity: "5" }] }))).code).toBe("credit_limit_exceeded");
    expect(await level(p.id, block.wh.id)).toEqual({ onHand: "50.000", reserved: "3.000" });

    const hold = await orderShop({ creditLimit: "500.00", creditPolicy: "HOLD" });
    const q = await stockedProduct(hold, 50);
    const h = await staffPlace(hold, [{ productId: q.id, quantity: 3 }]);
    const held = await editOrder(hold.staff, h.id, { lines: [{ productId: q.id, quantity: "5" }] });
    expect(held.creditHold).toBe(true);
    expect(held.timeline.map((e) => e.kind)).toEqual(["placed", "edited", "held"]);
  });

  it("a draft can be edited by staff (no stock involved)", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 5);
    const d = await staffPlace(shop, [{ productId: p.id, quantity: 1 }], { draft: true });
    const edited = await editOrder(shop.staff, d.id, { lines: [{ productId: p.id, quantity: "50" }] });
    expect(edited).toMatchObject({ status: "DRAFT" });
    expect(edited.lines[0].quantity).toBe("50.000");
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "5.000", reserved: "0.000" });
  });
});

describe("stock through the lifecycle", () => {
  it("dispatch moves reserved → out (on hand down); cancel before dispatch releases", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 10);
    const dispatched = await orderIn(shop, "DISPATCHED", p.id, 4);
    expect(dispatched.dispatchedAt).not.toBeNull();
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "6.000", reserved: "0.000" });
    expect((await prisma.stockReservation.findFirstOrThrow({ where: { refId: dispatched.id } })).status).toBe("DISPATCHED");

    const packed = await orderIn(shop, "PACKED", p.id, 2);
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "6.000", reserved: "2.000" });
    const cancelled = await cancelOrder(shop.staff, packed.id, { reason: "Retailer closed" });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "Retailer closed" });
    expect(await level(p.id, shop.wh.id)).toEqual({ onHand: "6.000", reserved: "0.000" });
    expect((await prisma.stockReservation.findFirstOrThrow({ where: { refId: packed.id } })).status).toBe("RELEASED");
    // A cancelled draft has no reservation to release.
    const draft = await orderIn(shop, "DRAFT", p.id, 1);
    expect((await cancelOrder(shop.staff, draft.id, { reason: "Not needed" })).status).toBe("CANCELLED");
    await expectLedgerMatchesLevels(shop.co);
  });

  it("returns: partial then the rest, capped at delivered − returned, into the order's or a named warehouse", async () => {
    const shop = await orderShop();
    const [a, b] = await Promise.all([stockedProduct(shop, 10), stockedProduct(shop, 10, { basePrice: "33.33", gstRate: "5" })]);
    let o = await staffPlace(shop, [{ productId: a.id, quantity: 5 }, { productId: b.id, quantity: 3 }]);
    for (const step of ["confirm", "pack", "dispatch"] as const) {
      const mod = await import(`@/lib/orders/${step}-order`);
      // The GST order of documents: the tax invoice before the goods leave.
      if (step === "dispatch") await invoiceOrder(shop.staff, o.id, {});
      o = await mod[`${step}Order`](shop.staff, o.id, {});
    }
    o = await deliverOrder(shop.staff, o.id, { receivedBy: "Anil" });
    expect(await level(a.id, shop.wh.id)).toEqual({ onHand: "5.000", reserved: "0.000" });

    const first = await returnOrder(shop.staff, o.id, { reason: "Damaged in transit", lines: [{ productId: a.id, quantity: "2" }, { productId: b.id, quantity: "1" }] });
    expect(first.status).toBe("RETURNED");
    expect(first.lines.map((l) => l.returnedQty)).toEqual(["2.000", "1.000"]);
    expect(await level(a.id, shop.wh.id)).toEqual({ onHand: "7.000", reserved: "0.000" });
    // 2/5 of ₹590.00 + 1/3 of ₹104.99 (3 × 33.33 + 5%) = 236.00 + 35.00
    expect(first.totals.returned).toBe("271.00");

    const tooMany = await rejects(returnOrder(shop.staff, o.id, { reason: "More", lines: [{ productId: a.id, quantity: "4" }] }));
    expect(tooMany.code).toBe("validation");
    expect(tooMany.fieldErrors).toEqual({ "lines.0.quantity": ["At most 3 PCS can still come back"] });
    const notOnOrder = await rejects(returnOrder(shop.staff, o.id, { reason: "x", lines: [{ productId: (await stockedProduct(shop, 1)).id, quantity: "1" }] }));
    expect(Object.keys(notOnOrder.fieldErrors ?? {})).toEqual(["lines.0.productId"]);

    const spare = await createWarehouse(shop.co, { code: "RETURNS" });
    const second = await returnOrder(shop.staff, o.id, { reason: "Rest", warehouseId: spare.id, lines: [{ productId: a.id, quantity: "3" }, { productId: b.id, quantity: "2" }] });
    expect(second.lines.map((l) => l.returnedQty)).toEqual(["5.000", "3.000"]);
    expect(second.totals.returned).toBe(second.totals.grandTotal); // everything back: the whole value, to the paisa
    expect(await level(a.id, spare.id)).toEqual({ onHand: "3.000", reserved: "0.000" });
    expect(await level(b.id, spare.id)).toEqual({ onHand: "2.000", reserved: "0.000" });
    const none = await rejects(returnOrder(shop.staff, o.id, { reason: "Again", lines: [{ productId: a.id, quantity: "1" }] }));
    expect(none.fieldErrors).toEqual({ "lines.0.quantity": ["At most 0 PCS can still come back"] });
    expect(second.timeline.filter((e) => e.kind === "returned")).toHaveLength(2);
    await expectLedgerMatchesLevels(shop.co);
  });
});

describe("proof of delivery", () => {

  it("stores receiver, time, note and photo; the photo is served only to who may see the order", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 5);
    const o = await orderIn(shop, "DISPATCHED", p.id, 1);
    const png = await pngImage();
    const at = new Date().toISOString();
    const bad = await rejects(deliverOrder(shop.staff, o.id, { receivedBy: "Anil", photo: { contentType: "image/jpeg", dataBase64: png.toString("base64") } }));
    expect(bad.fieldErrors).toHaveProperty(["photo.contentType"]);
    const future = await rejects(deliverOrder(shop.staff, o.id, { receivedBy: "Anil", deliveredAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(future.fieldErrors).toHaveProperty("deliveredAt");
    const d = await deliverOrder(shop.staff, o.id, { receivedBy: "Anil", deliveredAt: at, note: "Left at counter", photo: { contentType: "image/png", dataBase64: png.toString("base64") } });
    expect(d).toMatchObject({ status: "DELIVERED", deliveredAt: at, delivery: { receivedBy: "Anil", note: "Left at counter", hasPhoto: true } });
    const photo = await getOrderDeliveryPhoto(shop.shopper, o.id);
    expect(photo?.contentType).toBe("image/png");
    expect(await describeImage(photo!.data)).toMatchObject({ format: "png", width: 4, height: 3 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: o.id, action: "order.deliver" } });
    expect(JSON.stringify(audit.after)).not.toContain(png.toString("base64").slice(0, 12));
    expect((await rejects(getOrderDeliveryPhoto((await orderShop()).staff, o.id))).code).toBe("not_found");
  });

  it("a photo that is not an image is refused and nothing changes; a real one is stored without its EXIF (GPS)", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 5);
    const o = await orderIn(shop, "DISPATCHED", p.id, 1);
    const bad = await rejects(deliverOrder(shop.staff, o.id, { receivedBy: "Anil", photo: { contentType: "image/png", dataBase64: pngSignatureThenHtml().toString("base64") } }));
    expect(bad).toMatchObject({ code: "validation", fieldErrors: { "photo.dataBase64": ["Not a readable PNG, JPEG or WebP image"] } });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: o.id }, select: { status: true, deliveryPhoto: true } })).toEqual({ status: "DISPATCHED", deliveryPhoto: null });
    const gps = await jpegWithGps();
    expect(await describeImage(gps)).toMatchObject({ hasExif: true });
    await deliverOrder(shop.staff, o.id, { receivedBy: "Anil", photo: { contentType: "image/jpeg", dataBase64: gps.toString("base64") } });
    const stored = (await getOrderDeliveryPhoto(shop.staff, o.id))!;
    expect(stored.contentType).toBe("image/jpeg");
    expect(await describeImage(stored.data)).toEqual({ format: "jpeg", width: 16, height: 16, hasExif: false });
    expect(Buffer.from(stored.data).includes(Buffer.from(HTML_PAYLOAD))).toBe(false);
  });
});

describe("pick list", () => {
  it("lines with barcode and whole packs plus loose units", async () => {
    const shop = await orderShop();
    const box = await stockedProduct(shop, 100, { packSize: "12", packUnit: "BOX", barcode: "8901234567890" });
    const loose = await stockedProduct(shop, 100, { unit: "KGS" }); // loose, by weight
    const o = await staffPlace(shop, [{ productId: box.id, quantity: 30 }, { productId: loose.id, quantity: "2.5" }]);
    const pick = await getPickList(shop.staff, o.id);
    expect(pick.order).toMatchObject({ id: o.id, number: o.number, retailerName: shop.retailer.legalName });
    expect(pick.warehouse.code).toBe("MAIN");
    expect(pick.lines.map((l) => [l.quantity, l.barcode, l.packs])).toEqual([
      ["30.000", "8901234567890", "2 BOX + 6 PCS"],
      ["2.500", null, null],
    ]);
    expect(pick.totalQuantity).toBe("32.500");
    expect((await rejects(getPickList(shop.shopper, o.id))).code).toBe("forbidden");
    expect((await rejects(getPickList((await orderShop()).staff, o.id))).code).toBe("not_found");
  });
});

describe("reorder preview", () => {
  it("today's prices and MOQ/packs, with inactive, out of stock, insufficient and price-changed lines flagged", async () => {
    const shop = await orderShop();
    const [ok, gone, empty, short, dearer, moq] = await Promise.all([
      stockedProduct(shop, 50),
      stockedProduct(shop, 50),
      stockedProduct(shop, 3),
      stockedProduct(shop, 4),
      stockedProduct(shop, 50, { basePrice: "100.00" }),
      stockedProduct(shop, 50, { sellInPacks: true, packSize: "1", packUnit: "BOX" }),
    ]);
    const past = await staffPlace(shop, [ok, gone, empty, short, dearer, moq].map((p) => ({ productId: p.id, quantity: 3 })));
    await cancelOrder(shop.staff, past.id, { reason: "Reorder test" });
    await prisma.product.update({ where: { id: gone.id }, data: { active: false } });
    await staffPlace(shop, [{ productId: empty.id, quantity: 3 }, { productId: short.id, quantity: 2 }]); // leaves 0 and 2 available
    await prisma.product.update({ where: { id: dearer.id }, data: { basePrice: "120.00" } });
    await prisma.product.update({ where: { id: moq.id }, data: { minOrderQty: "5", packSize: "4" } });

    const preview = await previewReorder(shop.shopper, past.id);
    expect(preview.sourceOrder).toEqual({ id: past.id, number: past.number });
    expect(preview.vendorCode).toBe(shop.company.code);
    const by = new Map(preview.lines.map((l) => [l.productId, l]));
    expect(by.get(ok.id)).toMatchObject({ status: "ok", quantity: "3.000", unitPrice: "100.00", lineTotal: "354.00", message: null, available: null });
    expect(by.get(gone.id)).toMatchObject({ status: "inactive", unitPrice: null, lineTotal: null });
    expect(by.get(empty.id)).toMatchObject({ status: "out_of_stock" });
    expect(by.get(short.id)).toMatchObject({ status: "insufficient_stock", message: "Not enough in stock" });
    expect(by.get(dearer.id)).toMatchObject({ status: "price_changed", previousUnitPrice: "100.00", unitPrice: "120.00", lineTotal: "424.80" });
    expect(by.get(moq.id)).toMatchObject({ status: "ok", previousQuantity: "3.000", quantity: "8.000" }); // min 5, whole packs of 4
    // Totals cover the lines that can be ordered (ok and price changed).
    expect(preview.totals.grandTotal).toBe((354 + 424.8 + 944).toFixed(2));

    const staffView = await previewReorder(shop.staff, past.id);
    expect(staffView.lines.find((l) => l.productId === short.id)).toMatchObject({ available: "2.000", message: "Only 2 PCS available" });
    expect((await rejects(previewReorder((await orderShop()).shopper, past.id))).code).toBe("not_found");
  });
});
