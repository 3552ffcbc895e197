// Stock status of a product, the one rule every screen and API uses (vendor list, portal, low-stock):
// out when nothing is available, low at or under the reorder level, otherwise in stock.
import { Prisma } from "@/lib/generated/prisma/client";
import type { StockStatus } from "@/lib/catalog/catalog.schemas";

type Quantity = string | number | Prisma.Decimal;

export function stockStatusOf(available: Quantity, reorderLevel: Quantity): StockStatus {
  const a = new Prisma.Decimal(available);
  if (a.lte(0)) return "out";
  if (a.lte(new Prisma.Decimal(reorderLevel))) return "low";
  return "in_stock";
}

export const stockStatusLabels: Record<StockStatus, string> = { in_stock: "In stock", low: "Low stock", out: "Out of stock" };
