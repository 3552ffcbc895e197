import "server-only";
// A shipment as a shipping partner sees it: the rate question (PIN codes, weight, value, COD) and the
// booking (consignee, packages, dimensions, one line per shipment).
import type { Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { getGstState } from "@/lib/integrations/gst/states";
import type { BookingRequest, RateRequest } from "@/lib/integrations/shipping/provider";

export const shipmentForPartner = {
  id: true,
  companyId: true,
  number: true,
  status: true,
  kind: true,
  currentTripId: true,
  carrierType: true,
  warehouseId: true,
  shipToName: true,
  shipToLine1: true,
  shipToLine2: true,
  shipToCity: true,
  shipToStateCode: true,
  shipToPincode: true,
  packages: true,
  weightKg: true,
  volumeM3: true,
  declaredValue: true,
  createdAt: true,
  retailer: { select: { phone: true, email: true, latitude: true, longitude: true } },
  toWarehouse: { select: { latitude: true, longitude: true } },
  warehouse: { select: { latitude: true, longitude: true, pincode: true } },
  company: { select: { phone: true, email: true, legalName: true } },
} as const;

export type PartnerShipment = NonNullable<Awaited<ReturnType<typeof loadShipmentForPartner>>>;

export async function loadShipmentForPartner(db: PrismaClient | Tx, companyId: string, id: string) {
  const s = await db.shipment.findFirst({ where: { id: String(id), companyId }, select: shipmentForPartner });
  if (!s) throw notFound("Shipment");
  return s;
}

export function rateRequestOf(s: PartnerShipment, pickupPincode: string, cod: boolean): RateRequest {
  // Couriers charge at least one 500 g slab.
  const weight = Math.max(0.5, Number(s.weightKg));
  return { pickupPincode, deliveryPincode: s.shipToPincode, weightKg: weight.toFixed(2), declaredValue: s.declaredValue.toFixed(2), cod };
}

export function bookingRequestOf(s: PartnerShipment, a: { pickupPincode: string; pickupLocation: string }, b: { courierId: string; cod: boolean }): BookingRequest {
  const phone = s.retailer?.phone ?? s.company.phone;
  const email = s.retailer?.email ?? s.company.email;
  if (!phone) throw new AppError("validation", "The consignee has no phone number; the courier needs one", { fieldErrors: { shipment: ["Add a phone number to the retailer (or the company) first"] } });
  // A cube of the shipment's volume, at least 10 cm a side (what couriers bill volumetric weight on).
  const side = Math.max(10, Math.round(Math.cbrt(Number(s.volumeM3) || 0) * 100));
  const packages = Math.max(1, s.packages);
  return {
    ...rateRequestOf(s, a.pickupPincode, b.cod),
    reference: s.number,
    orderDate: s.createdAt,
    courierId: b.courierId,
    pickupLocation: a.pickupLocation,
    consignee: { name: s.shipToName, phone, email: email ?? "orders@example.invalid", line1: s.shipToLine1, line2: s.shipToLine2, city: s.shipToCity, state: getGstState(s.shipToStateCode)?.name ?? s.shipToStateCode, pincode: s.shipToPincode },
    packages,
    dimensionsCm: { length: side, breadth: side, height: side },
    items: [{ name: `Shipment ${s.number} (${packages} package${packages === 1 ? "" : "s"})`, sku: s.number, units: 1, sellingPrice: s.declaredValue.toFixed(2) }],
  };
}
