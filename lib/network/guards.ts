import type { Actor, RetailerActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export function assertRetailer(actor: Actor): asserts actor is RetailerActor {
  if (actor.kind !== "retailer") throw new AppError("forbidden", "This action is for retailer users");
}

/** Place of supply: where goods are delivered — the shipping state, else the retailer's own state. */
export function placeOfSupplyFor(terms: { placeOfSupply?: string | null; shippingStateCode?: string | null }, retailerStateCode: string) {
  return terms.placeOfSupply ?? terms.shippingStateCode ?? retailerStateCode;
}
