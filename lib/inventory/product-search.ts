import "server-only";
// The product picker of stock forms: search by SKU, name or barcode; shows the unit, cost price
// and what is on hand in the chosen warehouse.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsPattern, startsWithPattern } from "@/lib/db/like";
import { productPickerInput } from "@/lib/inventory/inventory.schemas";
import { money, qty } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

export async function searchStockProducts(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(productPickerInput, input);
  const companyId = ctx.actor.companyId;
  const text = q.q ?? "";
  const like = containsPattern(text);
  const rows = await ctx.db.$queryRaw<{ id: string; sku: string; name: string; unit: string; costPrice: string | null; onHand: string | null; reserved: string | null }[]>`
    SELECT p.id, p.sku, p.name, p.unit, p."costPrice"::text, s."onHand"::text, s.reserved::text
    FROM "Product" p
    LEFT JOIN "StockLevel" s ON s."productId" = p.id AND s."warehouseId" = ${q.warehouseId ?? ""}
    WHERE p."companyId" = ${companyId} AND p.active
      ${text ? Prisma.sql`AND (p.sku ILIKE ${like} OR p.name ILIKE ${like} OR p.barcode = ${text})` : Prisma.empty}
    ORDER BY (upper(p.sku) = upper(${text})) DESC, (p.sku ILIKE ${startsWithPattern(text)}) DESC, p.name, p.id
    LIMIT ${q.limit ?? 10}`;
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    costPrice: money(r.costPrice),
    onHand: qty(r.onHand ?? 0)!,
    available: qty(new Prisma.Decimal(r.onHand ?? 0).minus(r.reserved ?? 0))!,
  }));
}

/** One product of the company by id, for headings of stock screens (null when not the company's). */
export async function findStockProduct(ctx: Ctx, productId: string) {
  assertCan(ctx.actor, "inventory.read");
  return ctx.db.product.findFirst({ where: { id: String(productId), companyId: ctx.actor.companyId }, select: { id: true, sku: true, name: true, unit: true } });
}
