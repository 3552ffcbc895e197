import "server-only";
// Available stock per product: on hand − reserved, summed over the company's active warehouses
// (or one warehouse). One query for any number of products; products without stock read as zeros.
import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export type Availability = { onHand: string; reserved: string; available: string };

export async function getAvailability(db: Db, args: { companyId: string; productIds: string[]; warehouseId?: string }): Promise<Map<string, Availability>> {
  const ids = [...new Set(args.productIds)];
  const result = new Map<string, Availability>();
  if (ids.length === 0) return result;
  const warehouse = args.warehouseId ? Prisma.sql`AND s."warehouseId" = ${args.warehouseId}` : Prisma.sql`AND w.active`;
  const rows = await db.$queryRaw<{ productId: string; onHand: string; reserved: string; available: string }[]>`
    SELECT s."productId", sum(s."onHand")::text AS "onHand", sum(s.reserved)::text AS reserved, sum(s."onHand" - s.reserved)::text AS available
    FROM "StockLevel" s JOIN "Warehouse" w ON w.id = s."warehouseId" AND w."companyId" = ${args.companyId}
    WHERE s."companyId" = ${args.companyId} AND s."productId" = ANY(${ids}::text[]) ${warehouse}
    GROUP BY s."productId"`;
  const byId = new Map(rows.map((r) => [r.productId, r]));
  for (const id of ids) {
    const r = byId.get(id);
    result.set(id, r ? { onHand: qty(r.onHand), reserved: qty(r.reserved), available: qty(r.available) } : { onHand: "0.000", reserved: "0.000", available: "0.000" });
  }
  return result;
}

const qty = (v: string) => new Prisma.Decimal(v).toFixed(3);
