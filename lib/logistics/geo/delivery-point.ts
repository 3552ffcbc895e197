// Where and when a vendor delivers to a retailer: the position and receiving window a trip stop and the
// route planner use. Pure resolution order, so a test can hold every case:
//   position — the vendor's own pin (Connection) → the retailer's shop pin, when the delivery goes to the
//              shop (no other ship-to on the connection) → the centre of the delivery PIN code → none;
//   window   — the vendor's hours (Connection) → the retailer's own hours → none (any time of the shift).
import type { LatLng } from "@/lib/logistics/geo/pincodes";

export type PositionSource = "vendor_pin" | "retailer_pin" | "pincode";

export type DeliveryPoint = {
  position: (LatLng & { source: PositionSource }) | null;
  /** Minutes after midnight IST. */
  window: { fromMin: number; toMin: number; source: "vendor" | "retailer" } | null;
  pincode: string;
};

type Num = { toString(): string } | number | null | undefined;
const num = (v: Num) => (v === null || v === undefined ? null : Number(v.toString()));

export type DeliveryPointRow = {
  connection: { deliveryLatitude: Num; deliveryLongitude: Num; receivingFromMin: number | null; receivingToMin: number | null; shippingLine1: string | null; shippingPincode: string | null };
  retailer: { latitude: Num; longitude: Num; receivingFromMin: number | null; receivingToMin: number | null; pincode: string };
};

export function resolveDeliveryPoint(row: DeliveryPointRow, pincodePosition: (pin: string) => LatLng | null): DeliveryPoint {
  const c = row.connection;
  const r = row.retailer;
  // The connection has its own ship-to (a godown, a second shop): the retailer's shop pin is elsewhere.
  const toShop = !c.shippingLine1;
  const pincode = (!toShop && c.shippingPincode) || r.pincode;
  let position: DeliveryPoint["position"] = null;
  const vLat = num(c.deliveryLatitude), vLng = num(c.deliveryLongitude);
  const rLat = num(r.latitude), rLng = num(r.longitude);
  if (vLat !== null && vLng !== null) position = { lat: vLat, lng: vLng, source: "vendor_pin" };
  else if (toShop && rLat !== null && rLng !== null) position = { lat: rLat, lng: rLng, source: "retailer_pin" };
  else {
    const p = pincodePosition(pincode);
    if (p) position = { ...p, source: "pincode" };
  }
  const window: DeliveryPoint["window"] =
    c.receivingFromMin !== null && c.receivingToMin !== null
      ? { fromMin: c.receivingFromMin, toMin: c.receivingToMin, source: "vendor" }
      : r.receivingFromMin !== null && r.receivingToMin !== null
        ? { fromMin: r.receivingFromMin, toMin: r.receivingToMin, source: "retailer" }
        : null;
  return { position, window, pincode };
}

/** "09:30" for 570. */
export function minutesToHhmm(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
}

/** A stop's receiving window on the trip's day as the two instants a stop row keeps (both null without a window). */
export function windowOnDay(dayStart: number, window: { fromMin: number; toMin: number } | null): { windowStart: Date | null; windowEnd: Date | null } {
  return window ? { windowStart: new Date(dayStart + window.fromMin * 60_000), windowEnd: new Date(dayStart + window.toMin * 60_000) } : { windowStart: null, windowEnd: null };
}
