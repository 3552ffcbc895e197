// The local shipping sandbox — a driver like Shiprocket's, for the demo and tests; it moves no parcel and
// says so ("Sandbox" couriers). It behaves like an aggregator: PIN codes it serves (not Army Postal
// Service 9xxxxx, Andaman 744xxx or Lakshadweep 6825xx), two couriers with rates per 500 g slab by zone,
// cash on delivery except in Jammu & Kashmir and the North East, AWB numbers, a status that moves on with
// time (pickup scheduled → picked up → in transit → out for delivery → delivered; PIN codes ending in 13
// are refused at the door and come back, RTO), and cancellation only before pickup.
import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ShippingError, trackingCodeOf, type BookingRequest, type CreatedShipment, type PartnerEvent, type PartnerStatus, type RateOption, type RateRequest, type RateResult, type ShippingProvider } from "./provider";

type Zone = "A" | "B" | "C" | "D" | "E";
type Courier = { id: string; name: string; paisePerSlab: Record<Zone, number>; etaDays: Record<Zone, number>; maxKg: number };

export const SANDBOX_COURIERS: Courier[] = [
  { id: "SBX-SURFACE", name: "Sandbox Surface", paisePerSlab: { A: 3000, B: 3800, C: 4800, D: 6000, E: 8000 }, etaDays: { A: 1, B: 2, C: 4, D: 6, E: 8 }, maxKg: 50 },
  { id: "SBX-EXPRESS", name: "Sandbox Express", paisePerSlab: { A: 4500, B: 5500, C: 7000, D: 9000, E: 12000 }, etaDays: { A: 1, B: 1, C: 2, D: 3, E: 4 }, maxKg: 10 },
];

/** Hours after booking when each stage is reached (delivery at the courier's ETA). */
const PICKED_UP_H = 2;
const IN_TRANSIT_H = 6;

export function sandboxServes(pincode: string): boolean {
  return /^[1-8]\d{5}$/.test(pincode) && !pincode.startsWith("744") && !pincode.startsWith("6825");
}

function special(pin: string) {
  // Jammu & Kashmir and Ladakh (18–19), the North East (78–79), the islands.
  return /^(18|19|78|79|744)/.test(pin);
}

export function sandboxZone(from: string, to: string): Zone {
  if (special(from) || special(to)) return "E";
  if (from.slice(0, 3) === to.slice(0, 3)) return "A";
  if (from.slice(0, 2) === to.slice(0, 2)) return "B";
  if (from[0] === to[0]) return "C";
  return "D";
}

export function sandboxRates(req: RateRequest): RateResult {
  if (!sandboxServes(req.pickupPincode)) return { ok: false, options: [], error: `The sandbox couriers do not pick up from ${req.pickupPincode}` };
  if (!sandboxServes(req.deliveryPincode)) return { ok: false, options: [], error: `No sandbox courier delivers to ${req.deliveryPincode}` };
  const codHere = !special(req.deliveryPincode);
  if (req.cod && !codHere) return { ok: false, options: [], error: `Cash on delivery is not available for ${req.deliveryPincode}` };
  const zone = sandboxZone(req.pickupPincode, req.deliveryPincode);
  const kg = Math.max(0.5, Number(req.weightKg));
  const slabs = Math.ceil(kg / 0.5);
  // 1.5 % of the goods value, at least ₹40, when the courier collects cash.
  const codPaise = req.cod ? Math.max(4000, Math.round(Number(req.declaredValue) * 1.5)) : 0;
  const options: RateOption[] = SANDBOX_COURIERS.filter((c) => kg <= c.maxKg).map((c) => ({
    courierId: c.id,
    courierName: c.name,
    price: paiseToRupees(c.paisePerSlab[zone] * slabs + codPaise),
    etaDays: c.etaDays[zone],
    cod: codHere,
  }));
  return options.length ? { ok: true, options, error: null } : { ok: false, options: [], error: `No sandbox courier takes ${req.weightKg} kg` };
}

export function createSandboxShipping(cfg: { db: PrismaClient; accountId: string; now?: () => Date }): ShippingProvider {
  const now = cfg.now ?? (() => new Date());
  const find = async (awb: string) => {
    const row = await cfg.db.shippingSandboxShipment.findFirst({ where: { accountId: cfg.accountId, awb } });
    if (!row) throw new ShippingError("not_found", `The sandbox has no shipment with AWB ${awb}`);
    return row;
  };
  return {
    kind: "sandbox",
    async verifyCredentials() {},
    async rateShipment(req) {
      return sandboxRates(req);
    },
    async createShipment(req: BookingRequest): Promise<CreatedShipment> {
      const rates = sandboxRates(req);
      if (!rates.ok) throw new ShippingError("not_serviceable", rates.error);
      const option = rates.options.find((o) => o.courierId === req.courierId);
      if (!option) throw new ShippingError("bad_request", `Courier ${req.courierId} does not serve this shipment in the sandbox (choose one of ${rates.options.map((o) => o.courierId).join(", ")})`);
      // One parcel per order reference, as a partner keeps one order per channel order id: a retry gets the same AWB.
      let row = await cfg.db.shippingSandboxShipment.findUnique({ where: { accountId_orderRef: { accountId: cfg.accountId, orderRef: req.reference } } });
      if (!row) {
        try {
          row = await cfg.db.shippingSandboxShipment.create({
            data: { accountId: cfg.accountId, orderRef: req.reference, awb: `SBX${randomInt(10 ** 9, 10 ** 10)}`, courierId: option.courierId, courierName: option.courierName, pickupPincode: req.pickupPincode, deliveryPincode: req.deliveryPincode, weightKg: req.weightKg, price: option.price, cod: req.cod, createdAt: now() },
          });
        } catch (err) {
          if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
          row = await cfg.db.shippingSandboxShipment.findUniqueOrThrow({ where: { accountId_orderRef: { accountId: cfg.accountId, orderRef: req.reference } } });
        }
      }
      return { partnerOrderId: row.orderRef, partnerShipmentId: row.id, awb: row.awb, courierName: row.courierName, labelUrl: null, trackingUrl: null, price: row.price.toFixed(2) };
    },
    trackingLink() {
      return null;
    },
    async getStatus({ awb }): Promise<PartnerStatus> {
      const row = await find(awb);
      const courier = SANDBOX_COURIERS.find((c) => c.id === row.courierId) ?? SANDBOX_COURIERS[0]!;
      const eta = courier.etaDays[sandboxZone(row.pickupPincode, row.deliveryPincode)] * 24;
      const refused = row.deliveryPincode.endsWith("13");
      const stages: [number, string, string][] = [
        [0, "PICKUP SCHEDULED", "Pickup scheduled (sandbox)"],
        [PICKED_UP_H, "PICKED UP", "Picked up from the seller (sandbox)"],
        [IN_TRANSIT_H, "IN TRANSIT", "In transit (sandbox)"],
        [eta - 4, "OUT FOR DELIVERY", "Out for delivery (sandbox)"],
        ...(refused
          ? ([
              [eta, "UNDELIVERED", "Consignee refused the delivery (sandbox)"],
              [eta + 24, "RTO INITIATED", "Returning to the seller (sandbox)"],
            ] as [number, string, string][])
          : ([[eta, "DELIVERED", "Delivered (sandbox)"]] as [number, string, string][])),
      ];
      const elapsedH = (now().getTime() - row.createdAt.getTime()) / 3_600_000;
      const events: PartnerEvent[] = [];
      for (const [h, status, description] of stages) {
        const at = new Date(row.createdAt.getTime() + h * 3_600_000);
        if (row.cancelledAt && at > row.cancelledAt) break;
        if (h > elapsedH) break;
        events.push({ status, code: trackingCodeOf(status), description, location: h === 0 || h === PICKED_UP_H ? row.pickupPincode : h >= eta - 4 ? row.deliveryPincode : null, occurredAt: at, externalId: `${awb}:${status}:${at.toISOString()}` });
      }
      if (row.cancelledAt) events.push({ status: "CANCELED", code: "cancelled", description: "Cancelled before pickup (sandbox)", location: null, occurredAt: row.cancelledAt, externalId: `${awb}:CANCELED:${row.cancelledAt.toISOString()}` });
      const last = events.at(-1)!;
      return { awb, status: last.status, code: last.code, events };
    },
    async cancel({ awb, partnerOrderId }) {
      const row = awb ? await find(awb) : await cfg.db.shippingSandboxShipment.findUnique({ where: { accountId_orderRef: { accountId: cfg.accountId, orderRef: partnerOrderId } } });
      if (!row) throw new ShippingError("not_found", `The sandbox has no order ${partnerOrderId}`);
      if (row.cancelledAt) return;
      if ((now().getTime() - row.createdAt.getTime()) / 3_600_000 >= PICKED_UP_H) throw new ShippingError("bad_request", `${row.awb} has been picked up; a shipment can be cancelled only before pickup`);
      await cfg.db.shippingSandboxShipment.update({ where: { id: row.id }, data: { cancelledAt: now() } });
    },
  };
}

function paiseToRupees(p: number): string {
  return `${Math.floor(p / 100)}.${String(p % 100).padStart(2, "0")}`;
}
