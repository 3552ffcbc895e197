import "server-only";
// Stock valuation at cost: on hand × the product's cost price, per product and per warehouse,
// with totals. Products on hand without a cost price are counted and listed as not valued.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { stockValuationInput } from "@/lib/inventory/inventory.schemas";
import { money, qty } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

export async function stockValuation(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(stockValuationInput, input);
  const companyId = ctx.actor.companyId;
  const pageSize = q.pageSize ?? 50;
  const wh = q.warehouseId ? Prisma.sql`AND s."warehouseId" = ${q.warehouseId}` : Prisma.empty;
  const perProduct = Prisma.sql`
    SELECT p.id, p.sku, p.name, p.unit, p."costPrice", sum(s."onHand") AS "onHand", sum(s."onHand") * p."costPrice" AS value
    FROM "StockLevel" s JOIN "Product" p ON p.id = s."productId"
    WHERE s."companyId" = ${companyId} AND s."onHand" > 0 ${wh}
    GROUP BY p.id`;
  const [items, [totals], warehouses] = await Promise.all([
    ctx.db.$queryRaw<{ id: string; sku: string; name: string; unit: string; costPrice: string | null; onHand: string; value: string | null }[]>`
      WITH r AS (${perProduct})
      SELECT r.id, r.sku, r.name, r.unit, r."costPrice"::text, r."onHand"::text, r.value::numeric(18,2)::text AS value FROM r
      ORDER BY r.value DESC NULLS LAST, r.name, r.id LIMIT ${pageSize} OFFSET ${q.offset ?? 0}`,
    ctx.db.$queryRaw<{ value: string; valued: number; unvalued: number }[]>`
      WITH r AS (${perProduct})
      SELECT coalesce(sum(value), 0)::numeric(18,2)::text AS value, count(value)::int AS valued, count(*) FILTER (WHERE value IS NULL)::int AS unvalued FROM r`,
    ctx.db.$queryRaw<{ id: string; code: string; name: string; active: boolean; value: string; valued: number; unvalued: number }[]>`
      SELECT w.id, w.code, w.name, w.active,
             coalesce(sum(s."onHand" * p."costPrice"), 0)::numeric(18,2)::text AS value,
             count(p."costPrice")::int AS valued, count(*) FILTER (WHERE p."costPrice" IS NULL AND s."productId" IS NOT NULL)::int AS unvalued
      FROM "Warehouse" w
      LEFT JOIN "StockLevel" s ON s."warehouseId" = w.id AND s."onHand" > 0
      LEFT JOIN "Product" p ON p.id = s."productId"
      WHERE w."companyId" = ${companyId} ${q.warehouseId ? Prisma.sql`AND w.id = ${q.warehouseId}` : Prisma.sql`AND (w.active OR s."productId" IS NOT NULL)`}
      GROUP BY w.id ORDER BY w."isDefault" DESC, w.code`,
  ]);
  return {
    totals: { value: totals.value, productsValued: totals.valued, productsWithoutCost: totals.unvalued },
    warehouses: warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, active: w.active, value: w.value, productsValued: w.valued, productsWithoutCost: w.unvalued })),
    items: items.map((r) => ({ product: { id: r.id, sku: r.sku, name: r.name, unit: r.unit }, onHand: qty(r.onHand)!, costPrice: money(r.costPrice), value: r.value })),
    total: totals.valued + totals.unvalued,
    pageSize,
  };
}
