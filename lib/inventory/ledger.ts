import "server-only";
// The one writer of StockLevel and StockMovement. Every stock change — receipts, adjustments,
// transfers, counts, reservations, dispatches, returns — comes through applyMovements inside the
// caller's transaction, so a level always equals the sum of its ledger rows.
//
// Concurrency: rows are touched in one global order (productId, then warehouseId), each with a
// single conditional UPDATE (or an INSERT ... ON CONFLICT for a level that may not exist yet).
// PostgreSQL re-checks the WHERE clause against the newest row version after waiting for a
// concurrent writer, so two transactions can never both take the last unit, and the fixed order
// means they never wait on each other in a cycle (no deadlocks).
import { AppError } from "@/lib/errors";
import { plainQuantity } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StockMovementKind } from "@/lib/generated/prisma/enums";

export type MovementInput = {
  productId: string;
  warehouseId: string;
  kind: StockMovementKind;
  onHandDelta: string;
  reservedDelta: string;
  unitCost?: string | null;
  reason?: string | null;
  refType?: string | null;
  refId?: string | null;
};

export type ShortLine = {
  productId: string;
  warehouseId: string;
  sku: string | null;
  name: string | null;
  unit: string | null;
  requested: string;
  available: string;
  onHand: string;
  reserved: string;
};

type Key = { productId: string; warehouseId: string; onHand: Prisma.Decimal; reserved: Prisma.Decimal };

const D = Prisma.Decimal;
const ZERO = new D(0);

/**
 * `at` dates the ledger rows: the acting context's clock (ctx.now()), like every other document's
 * timestamp, so the stock report's periods and a seeded history agree with the documents behind
 * them. Without it the database's clock is used.
 */
export async function applyMovements(tx: Prisma.TransactionClient, args: { companyId: string; userId?: string | null; movements: MovementInput[]; at?: Date }): Promise<void> {
  const { companyId } = args;
  const movements = args.movements
    .map((m) => ({ ...m, on: decimal(m.onHandDelta, "onHandDelta"), res: decimal(m.reservedDelta, "reservedDelta") }))
    .filter((m) => !m.on.isZero() || !m.res.isZero());
  if (movements.length === 0) return;

  const keys = new Map<string, Key>();
  for (const m of movements) {
    const k = `${m.productId}\u0000${m.warehouseId}`;
    const key = keys.get(k) ?? { productId: m.productId, warehouseId: m.warehouseId, onHand: ZERO, reserved: ZERO };
    key.onHand = key.onHand.plus(m.on);
    key.reserved = key.reserved.plus(m.res);
    keys.set(k, key);
  }
  const ordered = [...keys.values()].sort((a, b) => cmp(a.productId, b.productId) || cmp(a.warehouseId, b.warehouseId));

  await assertTenantRows(tx, companyId, ordered);

  const failedAt = await updateLevels(tx, companyId, ordered);
  if (failedAt >= 0) throw await insufficientStock(tx, companyId, ordered.slice(failedAt));
  await updateProductTotals(tx, companyId, ordered);

  await tx.stockMovement.createMany({
    data: movements.map((m) => ({
      companyId,
      productId: m.productId,
      warehouseId: m.warehouseId,
      kind: m.kind,
      onHandDelta: m.on.toFixed(3),
      reservedDelta: m.res.toFixed(3),
      unitCost: m.unitCost ?? null,
      reason: m.reason ?? null,
      refType: m.refType ?? null,
      refId: m.refId ?? null,
      userId: args.userId ?? null,
      ...(args.at ? { createdAt: args.at } : {}),
    })),
  });
}

/** Applies the net change of each level in order; returns the index of the first that cannot apply, or -1. */
async function updateLevels(tx: Prisma.TransactionClient, companyId: string, ordered: Key[]): Promise<number> {
  for (let i = 0; i < ordered.length; i++) {
    const { productId, warehouseId, onHand, reserved } = ordered[i];
    const dOn = onHand.toFixed(3);
    const dRes = reserved.toFixed(3);
    // A level that may not exist yet can be created only by a change that is valid on an empty shelf.
    const insertable = onHand.gte(0) && reserved.gte(0) && reserved.lte(onHand);
    const rows = insertable
      ? await tx.$queryRaw<{ ok: number }[]>`
          INSERT INTO "StockLevel" ("companyId", "productId", "warehouseId", "onHand", reserved, "updatedAt")
          VALUES (${companyId}, ${productId}, ${warehouseId}, ${dOn}::numeric, ${dRes}::numeric, now())
          ON CONFLICT ("productId", "warehouseId") DO UPDATE
            SET "onHand" = "StockLevel"."onHand" + EXCLUDED."onHand", reserved = "StockLevel".reserved + EXCLUDED.reserved, "updatedAt" = now()
            WHERE "StockLevel"."companyId" = EXCLUDED."companyId"
              AND "StockLevel".reserved + EXCLUDED.reserved <= "StockLevel"."onHand" + EXCLUDED."onHand"
          RETURNING 1 AS ok`
      : await tx.$queryRaw<{ ok: number }[]>`
          UPDATE "StockLevel"
            SET "onHand" = "onHand" + ${dOn}::numeric, reserved = reserved + ${dRes}::numeric, "updatedAt" = now()
          WHERE "companyId" = ${companyId} AND "productId" = ${productId} AND "warehouseId" = ${warehouseId}
            AND "onHand" + ${dOn}::numeric >= 0
            AND reserved + ${dRes}::numeric >= 0
            AND reserved + ${dRes}::numeric <= "onHand" + ${dOn}::numeric
          RETURNING 1 AS ok`;
    if (rows.length === 0) return i;
  }
  return -1;
}

/**
 * Adds the net change per product to Product.stockOnHand / stockReserved (the totals lists filter
 * on). Product rows are locked after the levels and in productId order, like every other path, so
 * this adds no deadlock; the levels' checks already guarantee the totals stay within bounds.
 */
async function updateProductTotals(tx: Prisma.TransactionClient, companyId: string, ordered: Key[]) {
  const totals = new Map<string, { onHand: Prisma.Decimal; reserved: Prisma.Decimal }>();
  for (const k of ordered) {
    const t = totals.get(k.productId) ?? { onHand: ZERO, reserved: ZERO };
    totals.set(k.productId, { onHand: t.onHand.plus(k.onHand), reserved: t.reserved.plus(k.reserved) });
  }
  const ids = [...totals.keys()]; // already in productId order
  await tx.$executeRaw`
    WITH locked AS MATERIALIZED (
      SELECT id FROM "Product" WHERE "companyId" = ${companyId} AND id = ANY(${ids}::text[]) ORDER BY id FOR NO KEY UPDATE
    )
    UPDATE "Product" p
    SET "stockOnHand" = p."stockOnHand" + v.on_hand, "stockReserved" = p."stockReserved" + v.reserved
    FROM unnest(${ids}::text[], ${ids.map((id) => totals.get(id)!.onHand.toFixed(3))}::numeric[], ${ids.map((id) => totals.get(id)!.reserved.toFixed(3))}::numeric[]) AS v(id, on_hand, reserved)
    WHERE p.id = v.id AND p.id IN (SELECT id FROM locked)`;
}

/**
 * Products and warehouses must be the company's own, and warehouses active. Warehouses that gain
 * stock are share-locked so a concurrent deactivation (which refuses while stock is on hand)
 * cannot slip between its check and this receipt.
 */
async function assertTenantRows(tx: Prisma.TransactionClient, companyId: string, keys: Key[]) {
  const productIds = [...new Set(keys.map((k) => k.productId))];
  const warehouseIds = [...new Set(keys.map((k) => k.warehouseId))];
  const gains = keys.some((k) => k.onHand.gt(0));
  const lock = gains ? Prisma.sql`FOR SHARE OF w` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string; code: string; active: boolean; products: number }[]>`
    SELECT w.id, w.code, w.active, (SELECT count(*)::int FROM "Product" p WHERE p."companyId" = ${companyId} AND p.id = ANY(${productIds}::text[])) AS products
    FROM "Warehouse" w WHERE w."companyId" = ${companyId} AND w.id = ANY(${warehouseIds}::text[]) ${lock}`;
  if (rows.length < warehouseIds.length) throw new AppError("not_found", "Warehouse not found");
  if (rows[0].products < productIds.length) throw new AppError("not_found", "Product not found");
  const inactive = rows.find((w) => !w.active);
  if (inactive) throw new AppError("conflict", `Warehouse ${inactive.code} is inactive; reactivate it to move stock there`, { details: { warehouseId: inactive.id } });
}

/** Builds the insufficient_stock error from the failed level and the ones not yet tried (read, not locked). */
async function insufficientStock(tx: Prisma.TransactionClient, companyId: string, rest: Key[]): Promise<AppError> {
  const rows = await tx.$queryRaw<{ productId: string; warehouseId: string; onHand: string | null; reserved: string | null; sku: string; name: string; unit: string }[]>`
    SELECT p.id AS "productId", k."warehouseId", s."onHand"::text, s.reserved::text, p.sku, p.name, p.unit
    FROM unnest(${rest.map((k) => k.productId)}::text[], ${rest.map((k) => k.warehouseId)}::text[]) AS k("productId", "warehouseId")
    JOIN "Product" p ON p.id = k."productId" AND p."companyId" = ${companyId}
    LEFT JOIN "StockLevel" s ON s."productId" = k."productId" AND s."warehouseId" = k."warehouseId"`;
  const byKey = new Map(rows.map((r) => [`${r.productId}\u0000${r.warehouseId}`, r]));
  const short: ShortLine[] = [];
  rest.forEach((k, i) => {
    const r = byKey.get(`${k.productId}\u0000${k.warehouseId}`);
    const onHand = new D(r?.onHand ?? 0);
    const reserved = new D(r?.reserved ?? 0);
    const fits = onHand.plus(k.onHand).gte(0) && reserved.plus(k.reserved).gte(0) && reserved.plus(k.reserved).lte(onHand.plus(k.onHand));
    if (i > 0 && fits) return; // the first one failed under lock; the others only if they would fail too
    const requested = k.reserved.gt(0) ? k.reserved : k.onHand.lt(0) ? k.onHand.neg() : k.reserved.neg();
    short.push({ productId: k.productId, warehouseId: k.warehouseId, sku: r?.sku ?? null, name: r?.name ?? null, unit: r?.unit ?? null, requested: requested.toFixed(3), available: D.max(onHand.minus(reserved), 0).toFixed(3), onHand: onHand.toFixed(3), reserved: reserved.toFixed(3) });
  });
  return insufficientStockError(short);
}

export function insufficientStockError(short: ShortLine[]) {
  const parts = short.map((s) => `${s.name ?? s.productId}${s.sku ? ` (${s.sku})` : ""}: requested ${plainQuantity(s.requested)}, available ${plainQuantity(s.available)}`);
  return new AppError("insufficient_stock", `Not enough stock — ${parts.join("; ")}`, { details: { items: short } });
}

function decimal(v: string, field: string) {
  const s = String(v ?? "").trim();
  if (!/^-?\d{1,11}(\.\d{1,3})?$/.test(s)) throw new AppError("validation", `${field} must be a quantity with up to 3 decimals, got "${s}"`);
  return new D(s);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** "5.000" → "5", "2.500" → "2.5" for messages. */
