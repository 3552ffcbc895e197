// What a shipping partner does, in the shape of Odoo's delivery carrier contract (rate_shipment,
// send_shipping, get_tracking_link, cancel_shipment) plus the status read that tracking polls need.
// Drivers side by side: shiprocket-client.ts speaks Shiprocket's public API; sandbox.ts is the local
// shipping sandbox for the demo and tests. lib/logistics/shipping/provider-for.ts picks one per account.

export type RateRequest = {
  pickupPincode: string;
  deliveryPincode: string;
  /** Decimal kilograms, e.g. "2.50". */
  weightKg: string;
  /** Goods value in rupees with tax (a decimal string). */
  declaredValue: string;
  /** Cash on delivery: the courier collects the amount. */
  cod: boolean;
};

export type RateOption = {
  courierId: string;
  courierName: string;
  /** Rupees as a decimal string ("95.50"). */
  price: string;
  etaDays: number | null;
  /** Whether this courier takes cash on delivery here. */
  cod: boolean;
};

export type RateResult = { ok: true; options: RateOption[]; error: null } | { ok: false; options: []; error: string };

export type BookingRequest = RateRequest & {
  /** Our shipment number: the partner's order id (SHP/26-27/00001). */
  reference: string;
  orderDate: Date;
  courierId: string;
  /** The partner's pickup location nickname. */
  pickupLocation: string;
  consignee: { name: string; phone: string; email: string; line1: string; line2: string | null; city: string; state: string; pincode: string };
  packages: number;
  dimensionsCm: { length: number; breadth: number; height: number };
  items: { name: string; sku: string; units: number; sellingPrice: string }[];
};

/** What the partner has returned so far: a retried booking resumes after the last step that succeeded. */
export type BookingProgress = { partnerOrderId?: string | null; partnerShipmentId?: string | null; awb?: string | null; courierName?: string | null; price?: string | null };

export type CreatedShipment = {
  partnerOrderId: string;
  partnerShipmentId: string;
  awb: string;
  courierName: string;
  labelUrl: string | null;
  trackingUrl: string | null;
  price: string | null;
};

/** Our tracking codes (TrackingEvent.code) a partner status maps to. */
export type TrackingCode = "pickup_scheduled" | "in_transit" | "out_for_delivery" | "not_home" | "delivered" | "returned" | "lost" | "cancelled" | "partner_update";

export type PartnerEvent = {
  /** The partner's own status text ("IN TRANSIT", "DELIVERED", "RTO INITIATED"). */
  status: string;
  code: TrackingCode;
  description: string;
  location: string | null;
  occurredAt: Date;
  /** Dedupe key of the event: AWB + status + the partner's timestamp. */
  externalId: string;
};

export type PartnerStatus = { awb: string; status: string; code: TrackingCode; events: PartnerEvent[] };

export interface ShippingProvider {
  readonly kind: "shiprocket" | "sandbox";
  /** One authenticated call with the stored credentials (Settings → Shipping → Verify). */
  verifyCredentials(): Promise<void>;
  rateShipment(req: RateRequest): Promise<RateResult>;
  /** Order, AWB, pickup and label; `onProgress` is told each id as soon as the partner returns it. */
  createShipment(req: BookingRequest, opts?: { resume?: BookingProgress; onProgress?: (p: BookingProgress) => Promise<void> }): Promise<CreatedShipment>;
  trackingLink(awb: string): string | null;
  getStatus(ref: { awb: string }): Promise<PartnerStatus>;
  cancel(ref: { partnerOrderId: string; awb: string | null }): Promise<void>;
}

export type ShippingErrorKind = "auth" | "bad_request" | "not_serviceable" | "not_found" | "unavailable";

/** A partner refused or did not answer; `kind` says whether a retry can help (only "unavailable"). */
export class ShippingError extends Error {
  constructor(
    readonly kind: ShippingErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "ShippingError";
  }
}

/** A number of rupees as the partner sends it (95.5, "95.50") → "95.50", rounded half up on its digits. */
export function rupees(v: number | string): string {
  const s = typeof v === "number" ? v.toFixed(6) : v.trim();
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) throw new ShippingError("bad_request", `Not an amount: ${String(v)}`);
  const frac = (m[2] ?? "").padEnd(3, "0");
  let paise = BigInt(m[1]!) * 100n + BigInt(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) paise += 1n;
  return `${paise / 100n}.${String(paise % 100n).padStart(2, "0")}`;
}

/** Shiprocket's status words (and the sandbox's, which uses the same) → our tracking code. */
export function trackingCodeOf(partnerStatus: string): TrackingCode {
  const s = partnerStatus.toUpperCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  if (s === "DELIVERED") return "delivered";
  if (s.startsWith("RTO") || s.includes("RETURN")) return "returned";
  if (s === "CANCELED" || s === "CANCELLED" || s.startsWith("CANCELLATION")) return "cancelled";
  if (["LOST", "DAMAGED", "DESTROYED", "DISPOSED OFF"].includes(s)) return "lost";
  if (s === "UNDELIVERED" || s.startsWith("NDR") || s === "DELIVERY DELAYED") return "not_home";
  if (s === "OUT FOR DELIVERY") return "out_for_delivery";
  if (["NEW", "AWB ASSIGNED", "LABEL GENERATED", "MANIFEST GENERATED", "PICKUP SCHEDULED", "PICKUP GENERATED", "PICKUP QUEUED", "OUT FOR PICKUP", "PICKUP RESCHEDULED", "PICKUP EXCEPTION", "PICKUP ERROR"].includes(s)) return "pickup_scheduled";
  if (["PICKED UP", "SHIPPED", "IN TRANSIT", "REACHED AT DESTINATION HUB", "REACHED DESTINATION HUB", "MISROUTED", "IN TRANSIT AT DESTINATION HUB"].includes(s) || s.startsWith("IN TRANSIT")) return "in_transit";
  return "partner_update";
}
