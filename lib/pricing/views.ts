// What price lists and their items look like outside lib/: decimals as strings, days as YYYY-MM-DD.
import type { PriceList, PriceListItem } from "@/lib/generated/prisma/client";
import { dbDateToDay } from "@/lib/pricing/dates";

export type PriceListView = ReturnType<typeof toPriceListView>;

export function toPriceListView(l: PriceList, counts: { itemCount?: number; productCount?: number; retailerCount?: number } = {}) {
  return {
    id: l.id,
    name: l.name,
    description: l.description,
    isDefault: l.isDefault,
    active: l.active,
    itemCount: counts.itemCount ?? 0,
    productCount: counts.productCount ?? 0,
    retailerCount: counts.retailerCount ?? 0,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** current: applies today; upcoming: starts later; expired: ended before today. */
export type SlabState = "current" | "upcoming" | "expired";

export type PriceListItemView = ReturnType<typeof toPriceListItemView>;

export function toPriceListItemView(i: PriceListItem, today: string) {
  const validFrom = dbDateToDay(i.validFrom);
  const validTo = dbDateToDay(i.validTo);
  const state: SlabState = validFrom && validFrom > today ? "upcoming" : validTo && validTo < today ? "expired" : "current";
  return {
    id: i.id,
    priceListId: i.priceListId,
    productId: i.productId,
    minQty: i.minQty.toString(),
    price: i.price.toFixed(2),
    validFrom,
    validTo,
    state,
    updatedAt: i.updatedAt.toISOString(),
  };
}
