// What quantities a product may be ordered in: at least its minimum order quantity, and whole packs
// when it sells only in packs. Order validation, the cart's problems and steppers, and reorder all
// read these rules from here. How finely its unit may be counted (whole pieces, 3 decimals of kg)
// is the unit table's rule (lib/catalog/units.ts).
import { unitDecimals } from "@/lib/catalog/units";
import { Prisma } from "@/lib/generated/prisma/client";

type Decimal = Prisma.Decimal;
const D = Prisma.Decimal;

export type QuantityRules = { minOrderQty: Decimal; packSize: Decimal | null; sellInPacks: boolean; unit?: string };

/** The pack size when the product sells only in whole packs, else null. */
export function wholePackSize(p: QuantityRules): Decimal | null {
  return p.sellInPacks && p.packSize && p.packSize.gt(0) ? p.packSize : null;
}

export function breaksWholePacks(qty: Decimal, p: QuantityRules): boolean {
  const pack = wholePackSize(p);
  return pack !== null && !qty.mod(pack).isZero();
}

export function roundUpTo(v: Decimal, step: Decimal): Decimal {
  return v.div(step).ceil().times(step);
}

/** The quantity a stepper starts at and steps by for a product: its minimum order, in whole packs when it sells in packs. */
export function quantityRule(p: QuantityRules) {
  const pack = wholePackSize(p);
  const min = pack ? roundUpTo(D.max(p.minOrderQty, pack), pack) : p.minOrderQty;
  return { min, step: pack ?? new D(1) };
}

/**
 * `q` raised to the minimum order, then up to whole packs when sold in packs, else up to what the
 * unit can count (2.5 pieces of an order from before the rule → 3) — a past quantity, reordered today.
 */
export function acceptableQuantity(q: Decimal, p: QuantityRules): Decimal {
  const pack = wholePackSize(p);
  const atLeastMin = D.max(q, p.minOrderQty);
  if (pack) return roundUpTo(atLeastMin, pack);
  return p.unit === undefined ? atLeastMin : atLeastMin.toDecimalPlaces(unitDecimals(p.unit), D.ROUND_UP);
}
