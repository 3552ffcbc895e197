// Shared checks for the inventory tests: the ledger invariant and small builders.
import { expect } from "vitest";
import { prisma } from "@/lib/db/client";

/**
 * Every StockLevel equals the sum of its ledger rows, for the whole company (one GROUP BY), and
 * no level breaks 0 <= reserved <= onHand. Returns how many levels were checked, so a caller can
 * assert the check was not vacuous.
 */
export async function expectLedgerMatchesLevels(companyId: string) {
  const mismatches = await prisma.$queryRaw<{ productId: string; warehouseId: string; onHand: string | null; reserved: string | null; ledgerOnHand: string | null; ledgerReserved: string | null }[]>`
    SELECT coalesce(l."productId", m."productId") AS "productId", coalesce(l."warehouseId", m."warehouseId") AS "warehouseId",
           l."onHand"::text, l.reserved::text, m.on_hand::text AS "ledgerOnHand", m.reserved::text AS "ledgerReserved"
    FROM (SELECT "productId", "warehouseId", "onHand", reserved FROM "StockLevel" WHERE "companyId" = ${companyId}) l
    FULL OUTER JOIN (
      SELECT "productId", "warehouseId", sum("onHandDelta") AS on_hand, sum("reservedDelta") AS reserved
      FROM "StockMovement" WHERE "companyId" = ${companyId} GROUP BY "productId", "warehouseId"
    ) m ON m."productId" = l."productId" AND m."warehouseId" = l."warehouseId"
    WHERE l."onHand" IS DISTINCT FROM m.on_hand OR l.reserved IS DISTINCT FROM m.reserved`;
  expect(mismatches).toEqual([]);
  const [{ levels, broken }] = await prisma.$queryRaw<{ levels: number; broken: number }[]>`
    SELECT count(*)::int AS levels, count(*) FILTER (WHERE reserved > "onHand" OR reserved < 0 OR "onHand" < 0)::int AS broken
    FROM "StockLevel" WHERE "companyId" = ${companyId}`;
  expect(broken).toBe(0);
  // The per-product totals lists filter on equal the sum of the product's levels.
  const totals = await prisma.$queryRaw<{ id: string; stockOnHand: string; stockReserved: string; onHand: string | null; reserved: string | null }[]>`
    SELECT p.id, p."stockOnHand"::text AS "stockOnHand", p."stockReserved"::text AS "stockReserved", l.on_hand::text AS "onHand", l.reserved::text
    FROM "Product" p LEFT JOIN (SELECT "productId", sum("onHand") AS on_hand, sum(reserved) AS reserved FROM "StockLevel" GROUP BY "productId") l ON l."productId" = p.id
    WHERE p."companyId" = ${companyId} AND (p."stockOnHand" <> coalesce(l.on_hand, 0) OR p."stockReserved" <> coalesce(l.reserved, 0))`;
  expect(totals).toEqual([]);
  return levels;
}

export async function level(productId: string, warehouseId: string) {
  const l = await prisma.stockLevel.findUnique({ where: { productId_warehouseId: { productId, warehouseId } } });
  return { onHand: l?.onHand.toFixed(3) ?? "0.000", reserved: l?.reserved.toFixed(3) ?? "0.000" };
}

/** A transaction roomy enough for tests that queue many of them on one pool. */
export const roomy = { maxWait: 120_000, timeout: 120_000 };
