// Logistics fixtures: packed (and invoiced) orders of a shop, vehicles and drivers inserted directly
// (the fleet screens build them elsewhere), and shipments ready for a trip.
import { randomUUID } from "node:crypto";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createShipment } from "@/lib/logistics/shipments/create-shipment";
import { createRetailerUser, createStaff } from "./factories";
import { orderIn, type Shop } from "./order-factories";

const uid = () => randomUUID().slice(0, 6).toUpperCase();

/** A packed order of `quantity` × product, invoiced in full (ready to leave). */
export async function packedInvoiced(shop: Shop, productId: string, quantity: string | number = 2) {
  const o = await orderIn(shop, "PACKED", productId, quantity);
  await invoiceOrder(shop.staff, o.id, {});
  return o;
}

export async function insertVehicle(shop: Pick<Shop, "co">, over: Partial<Prisma.VehicleUncheckedCreateInput> = {}) {
  return prisma.vehicle.create({ data: { companyId: shop.co, registrationNo: `MH12${uid().slice(0, 2).replace(/\d/g, "A")}${String(Math.floor(1000 + Math.random() * 8999))}`, type: "TEMPO", capacityKg: "1000", capacityM3: "8", ...over } });
}

/** A driver with a DRIVER staff login (userId set) unless `external`. */
export async function insertDriver(shop: Pick<Shop, "co">, opts: { external?: boolean; licenceExpiry?: Date | null } = {}) {
  const staff = opts.external ? null : await createStaff(shop.co, "DRIVER", { name: `Driver ${uid()}` });
  const driver = await prisma.driver.create({
    data: { companyId: shop.co, userId: staff?.user.id ?? null, name: staff?.user.name ?? `Hired driver ${uid()}`, phone: "9876543210", licenceNo: `MH12${uid()}${uid()}`.slice(0, 16), licenceExpiry: opts.licenceExpiry ?? null },
  });
  return { driver, staff };
}

/** A second connected retailer of the shop (another consignee), with a shop position and receiving hours. */
export async function secondRetailer(shop: Shop, pos: { lat: string; lng: string } = { lat: "18.520430", lng: "73.856744" }) {
  const r = await createRetailerUser();
  await prisma.retailer.update({ where: { id: r.retailer.id }, data: { latitude: pos.lat, longitude: pos.lng, receivingFromMin: 600, receivingToMin: 1200 } });
  const connection = await prisma.connection.create({ data: { companyId: shop.co, retailerId: r.retailer.id, status: "ACTIVE", customerCode: `C-${uid()}`, creditLimit: "0", placeOfSupply: "27", activatedAt: new Date() } });
  return { ...r, connection };
}

/** A READY shipment of one packed, invoiced order of the shop's own retailer (or the connection named). */
export async function readyShipment(shop: Shop, productId: string, opts: { quantity?: number; weightKg?: string; volumeM3?: string; crates?: number; connectionId?: string } = {}) {
  const o = opts.connectionId
    ? await orderForConnection(shop, opts.connectionId, productId, opts.quantity ?? 1)
    : await packedInvoiced(shop, productId, opts.quantity ?? 1);
  return createShipment(shop.staff, { orderIds: [o.id], packages: 1, weightKg: opts.weightKg ?? "50", volumeM3: opts.volumeM3 ?? "0.5", crates: opts.crates ?? 0 });
}

async function orderForConnection(shop: Shop, connectionId: string, productId: string, quantity: number) {
  const { placeOrder } = await import("@/lib/orders/place-order");
  const { confirmOrder } = await import("@/lib/orders/confirm-order");
  const { packOrder } = await import("@/lib/orders/pack-order");
  const o = await placeOrder(shop.staff, { connectionId, lines: [{ productId, quantity: String(quantity) }] });
  await confirmOrder(shop.staff, o.id, {});
  await packOrder(shop.staff, o.id, {});
  await invoiceOrder(shop.staff, o.id, {});
  return o;
}
