// How a product leaves the domain: decimals as strings (money with 2 places), dates as ISO strings.
import type { Product } from "@/lib/generated/prisma/client";

export type ProductView = ReturnType<typeof toProductView>;

export function toProductView(p: Product) {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    categoryId: p.categoryId,
    brand: p.brand,
    hsnCode: p.hsnCode,
    gstRate: p.gstRate.toString(),
    cessRate: p.cessRate.toString(),
    unit: p.unit,
    packUnit: p.packUnit,
    packSize: p.packSize?.toString() ?? null,
    sellInPacks: p.sellInPacks,
    mrp: p.mrp?.toFixed(2) ?? null,
    basePrice: p.basePrice.toFixed(2),
    costPrice: p.costPrice?.toFixed(2) ?? null,
    taxInclusive: p.taxInclusive,
    barcode: p.barcode,
    active: p.active,
    minOrderQty: p.minOrderQty.toString(),
    reorderLevel: p.reorderLevel.toString(),
    /** Days from ordering to receiving; null: the reorder report's default applies. */
    leadTimeDays: p.leadTimeDays,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The fields an audit row keeps for a product (everything a person can change). */
export function auditFields(v: ProductView, keys?: readonly string[]) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = v;
  if (!keys) return rest;
  return Object.fromEntries(Object.entries(rest).filter(([k]) => keys.includes(k)));
}
