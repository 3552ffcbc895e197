// A vendor's books for the stock and receivables report tests, written through the domain
// functions on their own days (each step's ctx clock dates its documents and ledger rows):
// receipts into two warehouses' worth of stock, a transfer, adjustments both ways, orders invoiced
// and dispatched, a return, direct invoices, a credit note, a cancelled invoice, receipts by
// several modes, an advance and its refund, a voided receipt, a second retailer and an order on
// credit hold. Today is 30 Nov 2026, noon IST.
import { randomUUID } from "node:crypto";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote } from "@/lib/billing/issue-note";
import { recordPayment } from "@/lib/billing/record-payment";
import { recordRefund } from "@/lib/billing/record-refund";
import { voidPayment } from "@/lib/billing/void-payment";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { createGoodsReceipt } from "@/lib/inventory/goods-receipts";
import { createTransfer } from "@/lib/inventory/transfers";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { returnOrder } from "@/lib/orders/return-order";
import { createProduct, createWarehouse } from "./catalog-factories";
import { createRetailerUser } from "./factories";
import { orderShop } from "./order-factories";

export const NOW = new Date("2026-11-30T06:30:00Z");
/** 11:00 IST on `day`. */
const at = (day: string) => new Date(`${day}T05:30:00Z`);

export type Books = Awaited<ReturnType<typeof buildBooks>>;

export async function buildBooks() {
  const shop = await orderShop({ now: NOW, creditPolicy: "HOLD" });
  const co = shop.co;
  const on = (day: string) => makeCtx(shop.owner, { now: () => at(day) });
  const depot = await createWarehouse(co, { code: `D${randomUUID().slice(0, 6)}`.toUpperCase(), name: "Nashik Depot" });
  const poha = await prisma.category.create({ data: { companyId: co, name: "Poha" } });
  const p1 = await createProduct(co, { name: "Thick Poha 1 kg", costPrice: "60.00", basePrice: "100.00", categoryId: poha.id, reorderLevel: "0" });
  const p2 = await createProduct(co, { name: "Besan 500 g", costPrice: "40.00", basePrice: "70.00", reorderLevel: "60", packUnit: "BOX", packSize: "6" });
  const p3 = await createProduct(co, { name: "Nylon Poha 1 kg", costPrice: null, categoryId: poha.id, reorderLevel: "0" });
  const p4 = await createProduct(co, { name: "Rava 1 kg", costPrice: "25.00", basePrice: "40.00", reorderLevel: "0" });
  const receive = (day: string, warehouseId: string, lines: [string, number, string | null][]) =>
    createGoodsReceipt(on(day), { warehouseId, receivedDate: day, supplierName: "Annapurna Poha Udyog", updateCostPrice: false, lines: lines.map(([productId, q, unitCost]) => ({ productId, quantity: String(q), ...(unitCost ? { unitCost } : {}) })) });
  const order = async (day: string, productId: string, quantity: number, connectionId = shop.connection.id) => {
    const ctx = on(day);
    const o = await placeOrder(ctx, { connectionId, lines: [{ productId, quantity: String(quantity) }] });
    await confirmOrder(ctx, o.id);
    await packOrder(ctx, o.id);
    const invoice = await invoiceOrder(ctx, o.id, {});
    await dispatchOrder(ctx, o.id, {});
    return { order: o, invoice };
  };

  // Stock.
  await receive("2026-09-01", shop.wh.id, [[p1.id, 100, "60.00"], [p2.id, 50, "40.00"], [p3.id, 30, null], [p4.id, 20, "25.00"]]);
  await receive("2026-10-05", shop.wh.id, [[p1.id, 50, "60.00"]]);
  await createTransfer(on("2026-10-10"), { fromWarehouseId: shop.wh.id, toWarehouseId: depot.id, lines: [{ productId: p1.id, quantity: "20" }] });
  await adjustStock(on("2026-10-12"), { productId: p2.id, warehouseId: shop.wh.id, quantity: "-5", reason: "damaged", note: "Torn packs" });
  await adjustStock(on("2026-10-12"), { productId: p1.id, warehouseId: depot.id, quantity: "2", reason: "found" });

  // A second retailer.
  const other = await createRetailerUser();
  const connection2 = await prisma.connection.create({ data: { companyId: co, retailerId: other.retailer.id, status: "ACTIVE", customerCode: `C2-${randomUUID().slice(0, 6)}`, creditLimit: "100000", placeOfSupply: "27", activatedAt: new Date() } });

  // Sales: orders invoiced and dispatched, one delivered and partly returned; direct invoices; notes.
  const direct = await issueInvoice(on("2026-10-15"), { connectionId: shop.connection.id, issueDate: "2026-10-15", lines: [{ productId: p1.id, quantity: "5" }] });
  const a = await order("2026-11-03", p1.id, 10);
  const gone = await issueInvoice(on("2026-11-04"), { connectionId: shop.connection.id, issueDate: "2026-11-04", lines: [{ productId: p4.id, quantity: "2" }] });
  await cancelInvoice(on("2026-11-04"), gone.id, { reasonCode: 2, remark: "Wrong buyer" });
  const second = await issueInvoice(on("2026-11-05"), { connectionId: connection2.id, issueDate: "2026-11-05", lines: [{ productId: p2.id, quantity: "10" }] });
  const b = await order("2026-11-10", p1.id, 4);
  await deliverOrder(on("2026-11-11"), b.order.id, { receivedBy: "Ramesh" });
  await returnOrder(on("2026-11-12"), b.order.id, { reason: "Damaged in transit", lines: [{ productId: p1.id, quantity: "1" }] });
  await issueCreditNote(on("2026-11-14"), direct.id, { reason: "DISCOUNT", issueDate: "2026-11-14", lines: [{ originalLineId: direct.lines[0]!.id, amount: "50.00" }] });
  const c = await order("2026-11-20", p2.id, 3);
  const d = await order("2026-11-25", p4.id, 15);

  // Money.
  await recordPayment(on("2026-10-20"), { connectionId: shop.connection.id, amount: "500.00", method: "UPI", paidOn: "2026-10-20", reference: "UPI-4471" });
  await recordPayment(on("2026-11-05"), { connectionId: connection2.id, amount: "250.00", method: "UPI", paidOn: "2026-11-05", reference: "UPI-5510" });
  await recordPayment(on("2026-11-15"), { connectionId: shop.connection.id, amount: "1000.00", method: "BANK_TRANSFER", paidOn: "2026-11-15", reference: "UTR 000123" });
  await recordPayment(on("2026-11-16"), { connectionId: shop.connection.id, amount: "200.00", method: "CASH", paidOn: "2026-11-16" });
  const voided = await recordPayment(on("2026-11-18"), { connectionId: shop.connection.id, amount: "300.00", method: "CASH", paidOn: "2026-11-18" });
  await voidPayment(on("2026-11-18"), voided.id, { reason: "Counted twice" });
  await recordPayment(on("2026-11-22"), { connectionId: connection2.id, amount: "400.00", method: "CHEQUE", paidOn: "2026-11-22", reference: "CHQ 884120", allocations: "none" });
  await recordRefund(on("2026-11-26"), { connectionId: connection2.id, amount: "100.00", method: "CASH", paidOn: "2026-11-26" });

  // A tight limit, then an order over it: placed on credit hold (it still reserves its stock).
  await prisma.connection.update({ where: { id: shop.connection.id }, data: { creditLimit: "2500" } });
  const held = await placeOrder(on("2026-11-28"), { connectionId: shop.connection.id, lines: [{ productId: p1.id, quantity: "30" }] });

  return { shop, co, depot, poha, p1, p2, p3, p4, connection2, direct, second, orders: { a, b, c, d }, held, staff: makeCtx(shop.owner, { now: () => NOW }) };
}
