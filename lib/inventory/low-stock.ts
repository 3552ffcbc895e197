import "server-only";
// Products to reorder: active products whose available stock (on hand − reserved over the active
// warehouses) is at or below their reorder level, out-of-stock first, with the shortfall.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsPattern } from "@/lib/db/like";
import { listLowStockInput } from "@/lib/inventory/inventory.schemas";
import { qty } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

type Row = { id: string; sku: string; name: string; unit: string; reorderLevel: string; onHand: string; reserved: string; available: string };

export async function listLowStock(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(listLowStockInput, input);
  const companyId = ctx.actor.companyId;
  const pageSize = q.pageSize ?? 50;
  const search = q.q ? Prisma.sql`AND (p.name ILIKE ${containsPattern(q.q)} OR p.sku ILIKE ${containsPattern(q.q)})` : Prisma.empty;
  const base = Prisma.sql`
    SELECT p.id, p.sku, p.name, p.unit, p."reorderLevel", coalesce(l."onHand", 0) AS "onHand", coalesce(l.reserved, 0) AS reserved,
           coalesce(l."onHand" - l.reserved, 0) AS available
    FROM "Product" p
    LEFT JOIN LATERAL (
      SELECT sum(s."onHand") AS "onHand", sum(s.reserved) AS reserved
      FROM "StockLevel" s JOIN "Warehouse" w ON w.id = s."warehouseId" AND w.active
      WHERE s."productId" = p.id AND s."companyId" = ${companyId}
    ) l ON true
    WHERE p."companyId" = ${companyId} AND p.active ${search}
      AND coalesce(l."onHand" - l.reserved, 0) <= p."reorderLevel"`;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`WITH r AS (${base})
      SELECT id, sku, name, unit, "reorderLevel"::text, "onHand"::text, reserved::text, available::text FROM r
      ORDER BY (available <= 0) DESC, "reorderLevel" - available DESC, name, id LIMIT ${pageSize} OFFSET ${q.offset ?? 0}`,
    ctx.db.$queryRaw<{ total: number }[]>`WITH r AS (${base}) SELECT count(*)::int AS total FROM r`,
  ]);
  return {
    items: rows.map((r) => {
      const available = new Prisma.Decimal(r.available);
      return {
        product: { id: r.id, sku: r.sku, name: r.name, unit: r.unit },
        reorderLevel: qty(r.reorderLevel)!,
        onHand: qty(r.onHand)!,
        reserved: qty(r.reserved)!,
        available: qty(available)!,
        shortfall: qty(Prisma.Decimal.max(new Prisma.Decimal(r.reorderLevel).minus(available), 0))!,
        status: available.lte(0) ? ("out" as const) : ("low" as const),
      };
    }),
    total,
    pageSize,
  };
}
