import "server-only";
// "Rates" on a shipment: the own fleet's estimated cost (each active vehicle that can carry it, from its
// cost per km over the round trip when both ends have a map position, plus its cost per trip) beside the
// couriers of every active shipping partner account. Partner quotes are a read with a short timeout; a
// partner that fails shows its error in its own row.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { ShippingError, type RateOption } from "@/lib/integrations/shipping/provider";
import { loadShipmentForPartner, rateRequestOf, type PartnerShipment } from "@/lib/logistics/shipping/partner-request";
import { shippingProviderFor, type ShippingDeps } from "@/lib/logistics/shipping/provider-for";
import { ratesQuery } from "@/lib/logistics/shipping/shipping.schemas";
import { parseInput } from "@/lib/validation";

/** Roads are longer than the straight line: the usual factor over haversine distance in Indian cities. */
export const ROAD_FACTOR = 1.3;

export type OwnFleetOption = { vehicleId: string; registrationNo: string; label: string | null; type: string; fits: boolean; estimatedCost: string | null; basis: string };
export type PartnerRates = { accountId: string; label: string; provider: "SHIPROCKET" | "SANDBOX"; ok: boolean; options: RateOption[]; error: string | null };

export async function getShipmentRates(ctx: Ctx, shipmentId: string, input: unknown = {}, deps?: ShippingDeps) {
  assertCan(ctx.actor, "logistics.read");
  const q = parseInput(ratesQuery, input);
  const companyId = ctx.actor.companyId;
  const s = await loadShipmentForPartner(ctx.db, companyId, shipmentId);
  const cod = q.cod === "true";
  const [vehicles, accounts] = await Promise.all([
    ctx.db.vehicle.findMany({ where: { companyId, active: true }, orderBy: { registrationNo: "asc" } }),
    ctx.db.shippingAccount.findMany({ where: { companyId, active: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const distanceKm = roadDistanceKm(s);
  const ownFleet = vehicles.map((v): OwnFleetOption => {
    const fits = new Prisma.Decimal(s.weightKg).lte(v.capacityKg) && new Prisma.Decimal(s.volumeM3).lte(v.capacityM3);
    let cost: Prisma.Decimal | null = null;
    const parts: string[] = [];
    if (v.costPerKm && distanceKm !== null) {
      cost = v.costPerKm.mul(distanceKm * 2).toDecimalPlaces(2);
      parts.push(`₹${v.costPerKm.toFixed(2)}/km × ${(distanceKm * 2).toFixed(1)} km round trip`);
    }
    if (v.costPerTrip) {
      cost = (cost ?? new Prisma.Decimal(0)).add(v.costPerTrip);
      parts.push(`₹${v.costPerTrip.toFixed(2)} per trip`);
    }
    const basis = parts.length ? parts.join(" + ") : distanceKm === null && v.costPerKm ? "No map position for the warehouse or the consignee: distance unknown" : "No cost per km or per trip set for this vehicle";
    return { vehicleId: v.id, registrationNo: v.registrationNo, label: v.label, type: v.type, fits, estimatedCost: cost?.toFixed(2) ?? null, basis };
  });
  const partners = await Promise.all(
    accounts.map(async (a): Promise<PartnerRates> => {
      const head = { accountId: a.id, label: a.label, provider: a.provider };
      try {
        const r = await shippingProviderFor(ctx.db, a, deps).rateShipment(rateRequestOf(s, a.pickupPincode, cod));
        return { ...head, ok: r.ok, options: r.options, error: r.error };
      } catch (err) {
        return { ...head, ok: false, options: [], error: err instanceof ShippingError ? err.message : err instanceof Error && "code" in err ? err.message : "The partner did not answer" };
      }
    }),
  );
  return {
    shipment: { id: s.id, number: s.number, status: s.status, weightKg: s.weightKg.toFixed(2), volumeM3: s.volumeM3.toFixed(3), declaredValue: s.declaredValue.toFixed(2), shipToPincode: s.shipToPincode, cod },
    ownFleet: { distanceKm: distanceKm === null ? null : distanceKm.toFixed(1), options: ownFleet },
    partners,
  };
}

/** Road kilometres from the warehouse to the consignee (retailer shop or receiving warehouse), or null without both positions. */
export function roadDistanceKm(s: Pick<PartnerShipment, "warehouse" | "retailer" | "toWarehouse">): number | null {
  const from = s.warehouse;
  const to = s.retailer ?? s.toWarehouse;
  if (from?.latitude == null || from.longitude == null || to?.latitude == null || to.longitude == null) return null;
  return haversineKm(Number(from.latitude), Number(from.longitude), Number(to.latitude), Number(to.longitude)) * ROAD_FACTOR;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}
