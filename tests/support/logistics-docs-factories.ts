// Rows the challan and e-way bill tests need from the logistics core (shipments, vehicles, trips), inserted
// directly with the core schema; and a shop whose warehouses have full addresses.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { ShipmentKind, ShipmentStatus } from "@/lib/generated/prisma/enums";
import { insertInvoiceRow } from "./billing-factories";
import { createWarehouse } from "./catalog-factories";
import { orderIn, orderShop, stockedProduct, type Shop } from "./order-factories";

const uid = () => randomUUID().slice(0, 6).toUpperCase();
let seq = Math.floor(Math.random() * 50_000);

/** orderShop (Maharashtra) with a Pune main warehouse, a second one in Nashik (same state) and one in Bengaluru. */
export async function docsShop() {
  const shop = await orderShop();
  await prisma.warehouse.update({ where: { id: shop.wh.id }, data: { addressLine1: "Plot 7, Chakan MIDC", city: "Pune", pincode: "410501", stateCode: "27" } });
  const nashik = await createWarehouse(shop.co, { code: `NSK${uid()}`, name: "Nashik depot", addressLine1: "Gala 3, Ambad MIDC", city: "Nashik", pincode: "422010", stateCode: "27" });
  const blr = await createWarehouse(shop.co, { code: `BLR${uid()}`, name: "Bengaluru depot", addressLine1: "12 Peenya Phase 2", city: "Bengaluru", pincode: "560058", stateCode: "29" });
  const product = await stockedProduct(shop, 500, { basePrice: "1000.00", costPrice: "800.00", gstRate: "18", hsnCode: "19059020", unit: "PCS" });
  return { ...shop, wh: { ...shop.wh, city: "Pune" }, nashik, blr, product };
}
export type DocsShop = Awaited<ReturnType<typeof docsShop>>;

export async function insertShipment(shop: Pick<Shop, "co" | "wh" | "connection" | "retailer">, opts: { kind?: ShipmentKind; status?: ShipmentStatus; orderIds?: string[]; toWarehouseId?: string; tripId?: string; lrNumber?: string; declaredValue?: string } = {}) {
  const number = `SHP/26-27/${String(900000 + (++seq % 100_000)).slice(-6)}`;
  const kind = opts.kind ?? "SUPPLY";
  return prisma.shipment.create({
    data: {
      companyId: shop.co,
      number,
      kind,
      status: opts.status ?? "READY",
      warehouseId: shop.wh.id,
      connectionId: kind === "SUPPLY" ? shop.connection.id : null,
      retailerId: kind === "SUPPLY" ? shop.retailer.id : null,
      toWarehouseId: opts.toWarehouseId ?? null,
      shipToName: "Sharma Kirana Godown",
      shipToLine1: "9 Godown Lane",
      shipToCity: "Nashik",
      shipToStateCode: "27",
      shipToPincode: "422001",
      declaredValue: opts.declaredValue ?? "0",
      lrNumber: opts.lrNumber ?? null,
      currentTripId: opts.tripId ?? null,
      orders: opts.orderIds?.length ? { create: opts.orderIds.map((orderId) => ({ orderId, companyId: shop.co })) } : undefined,
    },
  });
}

/** A vehicle and a trip from the main warehouse on `date`. */
export async function insertTrip(shop: Pick<Shop, "co" | "wh">, opts: { vehicleNo?: string; date?: string; hired?: boolean } = {}) {
  const vehicle = await prisma.vehicle.create({
    data: { companyId: shop.co, registrationNo: opts.vehicleNo ?? `MH12TR${String(1000 + (seq++ % 9000))}`, type: "TRUCK", capacityKg: "5000", capacityM3: "20", ownership: opts.hired ? "HIRED" : "OWN", transporterId: opts.hired ? "27AABCR1718E1ZS" : null, transporterName: opts.hired ? "Ganesh Roadways" : null },
  });
  const trip = await prisma.deliveryTrip.create({ data: { companyId: shop.co, number: `TRP/26-27/${String(90000 + (seq++ % 10000))}`, tripDate: new Date(`${opts.date ?? "2026-11-20"}T00:00:00Z`), depotWarehouseId: shop.wh.id, vehicleId: vehicle.id, status: "SCHEDULED" } });
  return { vehicle, trip };
}

/** A packed order invoiced for `grandTotal` on a shipment (optionally on a trip): what dispatch sees. */
export async function invoicedShipment(shop: DocsShop, opts: { grandTotal?: string; issueDate?: string; tripId?: string } = {}) {
  const order = await orderIn(shop, "PACKED", shop.product.id, 2);
  const invoice = await insertInvoiceRow(shop, { grandTotal: opts.grandTotal ?? "118000.00", issueDate: opts.issueDate ?? "2026-11-20", orderId: order.id });
  const shipment = await insertShipment(shop, { orderIds: [order.id], tripId: opts.tripId });
  return { order, invoice, shipment };
}
