import "server-only";
// Stock counts (physical stock-taking): a sheet per warehouse pre-filled with the expected
// quantity, counted quantities entered over time, then posted once: each difference against the
// LIVE on-hand figure at posting becomes an ADJUSTMENT movement. Numbered CNT/25-26/00001.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StockCountStatus } from "@/lib/generated/prisma/enums";
import { activeWarehouseOrThrow, productsOrThrow, shortLinesToFields, userNames } from "@/lib/inventory/documents";
import { createStockCountInput, listDocumentsInput, saveCountLinesInput } from "@/lib/inventory/inventory.schemas";
import { applyMovements } from "@/lib/inventory/ledger";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { toStockCountView } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

const D = Prisma.Decimal;
const include = {
  warehouse: { select: { id: true, code: true, name: true } },
  lines: { include: { product: { select: { id: true, sku: true, name: true, unit: true } } }, orderBy: [{ product: { name: "asc" } }, { productId: "asc" }] },
} satisfies Prisma.StockCountInclude;

export async function createStockCount(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "inventory.write");
  const data = parseInput(createStockCountInput, input);
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(
    async (tx) => {
      const warehouse = await activeWarehouseOrThrow(tx, companyId, data.warehouseId);
      const chosen = data.productIds ? [...new Set(data.productIds)] : null;
      if (chosen) {
        if (chosen.length === 0) throw new AppError("validation", "Choose at least one product to count", { fieldErrors: { productIds: ["Choose at least one product"] } });
        await productsOrThrow(tx, companyId, chosen, "productIds");
      }
      const number = await nextDocumentNumber(tx, { companyId, prefix: "CNT", date: ctx.now() });
      const count = await tx.stockCount.create({ data: { companyId, number, warehouseId: warehouse.id, notes: data.notes ?? null, createdById: ctx.actor.userId, createdAt: ctx.now() } });
      const which = chosen
        ? Prisma.sql`p.id = ANY(${chosen}::text[])`
        : Prisma.sql`(p.active OR EXISTS (SELECT 1 FROM "StockLevel" x WHERE x."productId" = p.id AND x."warehouseId" = ${warehouse.id} AND (x."onHand" > 0 OR x.reserved > 0)))`;
      const lines = await tx.$executeRaw`
        INSERT INTO "StockCountLine" (id, "countId", "productId", "expectedQty", "countedQty")
        SELECT 'scl_' || replace(gen_random_uuid()::text, '-', ''), ${count.id}, p.id, coalesce(s."onHand", 0), NULL
        FROM "Product" p LEFT JOIN "StockLevel" s ON s."productId" = p.id AND s."warehouseId" = ${warehouse.id}
        WHERE p."companyId" = ${companyId} AND ${which}`;
      if (lines === 0) throw new AppError("validation", "There are no products to count in this warehouse", { fieldErrors: { warehouseId: ["No products to count"] } });
      await recordAudit(ctx, tx, { action: "stock_count.create", entityType: "StockCount", entityId: count.id, after: { number, warehouseId: warehouse.id, lines, products: chosen ? "chosen" : "all" } });
      return loadView(tx, companyId, count.id);
    },
    { timeout: 30_000 },
  );
}

/** Saves counted quantities (null clears one); products not yet on the sheet are added. Draft counts only. */
export async function saveCountLines(ctx: Ctx, countId: string, input: unknown) {
  assertCan(ctx.actor, "inventory.write");
  const data = parseInput(saveCountLinesInput, input);
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(
    async (tx) => {
      const count = await lockCount(tx, companyId, countId);
      if (count.status !== "DRAFT") throw new AppError("invalid_transition", `${count.number} is ${count.status.toLowerCase()}; its counts can no longer change`, { details: { state: count.status } });
      const products = await productsOrThrow(tx, companyId, data.lines.map((l) => l.productId));
      assertQuantitiesFitUnits(data.lines.map((l, i) => ({ field: `lines.${i}.countedQty`, quantity: l.countedQty, unit: products.get(l.productId)!.unit, label: "Counted quantity" })));
      await tx.$executeRaw`
        INSERT INTO "StockCountLine" (id, "countId", "productId", "expectedQty", "countedQty")
        SELECT 'scl_' || replace(gen_random_uuid()::text, '-', ''), ${count.id}, u."productId", coalesce(s."onHand", 0), u.counted::numeric
        FROM unnest(${data.lines.map((l) => l.productId)}::text[], ${data.lines.map((l) => l.countedQty)}::text[]) AS u("productId", counted)
        LEFT JOIN "StockLevel" s ON s."productId" = u."productId" AND s."warehouseId" = ${count.warehouseId}
        ON CONFLICT ("countId", "productId") DO UPDATE SET "countedQty" = EXCLUDED."countedQty", "expectedQty" = EXCLUDED."expectedQty"`;
      await tx.stockCount.update({ where: { id: count.id, companyId }, data: { updatedAt: ctx.now() } });
      await recordAudit(ctx, tx, { action: "stock_count.save", entityType: "StockCount", entityId: count.id, after: { lines: data.lines.length } });
      return loadView(tx, companyId, count.id);
    },
    { timeout: 30_000 },
  );
}

/**
 * Posts the differences. Levels of the counted products are locked (in product order, the
 * ledger's order) and read live, so sales and receipts since the sheet was filled are respected:
 * the shelf ends at exactly the counted quantity. Cannot post twice.
 */
export async function postStockCount(ctx: Ctx, countId: string) {
  assertCan(ctx.actor, "inventory.write");
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  let counted: { productId: string; countedQty: string }[] = [];
  try {
    return await ctx.db.$transaction(
      async (tx) => {
        const count = await lockCount(tx, companyId, countId);
        if (count.status !== "DRAFT") throw new AppError("invalid_transition", `${count.number} is already ${count.status.toLowerCase()}`, { details: { state: count.status } });
        counted = (
          await tx.$queryRaw<{ productId: string; countedQty: string }[]>`
            SELECT "productId", "countedQty"::text FROM "StockCountLine" WHERE "countId" = ${count.id} AND "countedQty" IS NOT NULL ORDER BY "productId" COLLATE "C"`
        ).map((r) => ({ productId: r.productId, countedQty: r.countedQty }));
        if (counted.length === 0) throw new AppError("validation", "Enter at least one counted quantity before posting");
        const ids = counted.map((c) => c.productId);
        const live = await tx.$queryRaw<{ productId: string; onHand: string }[]>`
          SELECT "productId", "onHand"::text FROM "StockLevel"
          WHERE "companyId" = ${companyId} AND "warehouseId" = ${count.warehouseId} AND "productId" = ANY(${ids}::text[])
          ORDER BY "productId" COLLATE "C" FOR UPDATE`;
        const onHand = new Map(live.map((l) => [l.productId, new D(l.onHand)]));
        const adjustments = counted
          .map((c) => ({ productId: c.productId, expected: onHand.get(c.productId) ?? new D(0), diff: new D(c.countedQty).minus(onHand.get(c.productId) ?? 0) }))
          .filter((a) => !a.diff.isZero());
        await applyMovements(tx, {
          companyId,
          userId: ctx.actor.userId,
          at: ctx.now(),
          movements: adjustments.map((a) => ({ productId: a.productId, warehouseId: count.warehouseId, kind: "ADJUSTMENT", onHandDelta: a.diff.toFixed(3), reservedDelta: "0", reason: `Stock count ${count.number}`, refType: "StockCount", refId: count.id })),
        });
        // The posted sheet shows what it was reconciled against.
        await tx.$executeRaw`
          UPDATE "StockCountLine" l SET "expectedQty" = u.expected::numeric
          FROM unnest(${ids}::text[], ${counted.map((c) => (onHand.get(c.productId) ?? new D(0)).toFixed(3))}::text[]) AS u("productId", expected)
          WHERE l."countId" = ${count.id} AND l."productId" = u."productId"`;
        await tx.stockCount.update({ where: { id: count.id, companyId }, data: { status: "POSTED", postedAt: now, postedById: ctx.actor.userId } });
        await recordAudit(ctx, tx, {
          action: "stock_count.post",
          entityType: "StockCount",
          entityId: count.id,
          before: { status: "DRAFT" },
          after: { status: "POSTED", adjustments: adjustments.map((a) => ({ productId: a.productId, expected: a.expected.toFixed(3), difference: a.diff.toFixed(3) })) },
        });
        return loadView(tx, companyId, count.id);
      },
      { timeout: 30_000 },
    );
  } catch (err) {
    throw shortLinesToFields(err, counted, "countedQty");
  }
}

export async function cancelStockCount(ctx: Ctx, countId: string) {
  assertCan(ctx.actor, "inventory.write");
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const count = await lockCount(tx, companyId, countId);
    if (count.status !== "DRAFT") throw new AppError("invalid_transition", `${count.number} is already ${count.status.toLowerCase()}`, { details: { state: count.status } });
    await tx.stockCount.update({ where: { id: count.id, companyId }, data: { status: "CANCELLED" } });
    await recordAudit(ctx, tx, { action: "stock_count.cancel", entityType: "StockCount", entityId: count.id, before: { status: "DRAFT" }, after: { status: "CANCELLED" } });
    return loadView(tx, companyId, count.id);
  });
}

export async function getStockCountOrThrow(ctx: Ctx, countId: string) {
  assertCan(ctx.actor, "inventory.read");
  return loadView(ctx.db, ctx.actor.companyId, countId);
}

export async function listStockCounts(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(listDocumentsInput, input);
  const pageSize = q.pageSize ?? 20;
  const where: Prisma.StockCountWhereInput = {
    companyId: ctx.actor.companyId,
    ...(q.warehouseId ? { warehouseId: q.warehouseId } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { notes: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.stockCount.count({ where }),
    ctx.db.stockCount.findMany({ where, include: { warehouse: include.warehouse }, orderBy: [{ createdAt: "desc" }, { number: "desc" }], skip: q.offset ?? 0, take: pageSize }),
  ]);
  const ids = rows.map((r) => r.id);
  const stats = ids.length
    ? await ctx.db.$queryRaw<{ countId: string; lines: number; counted: number; differences: number }[]>`
        SELECT "countId", count(*)::int AS lines, count("countedQty")::int AS counted, count(*) FILTER (WHERE "countedQty" <> "expectedQty")::int AS differences
        FROM "StockCountLine" WHERE "countId" = ANY(${ids}::text[]) GROUP BY "countId"`
    : [];
  const byId = new Map(stats.map((s) => [s.countId, s]));
  const names = await userNames(ctx.db, rows.flatMap((r) => [r.createdById, r.postedById]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      warehouse: r.warehouse,
      status: r.status as StockCountStatus,
      notes: r.notes,
      createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
      postedBy: r.postedById ? (names.get(r.postedById) ?? null) : null,
      postedAt: r.postedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      lineCount: byId.get(r.id)?.lines ?? 0,
      countedCount: byId.get(r.id)?.counted ?? 0,
      differenceCount: byId.get(r.id)?.differences ?? 0,
    })),
    total,
    pageSize,
  };
}

async function lockCount(tx: Prisma.TransactionClient, companyId: string, countId: string) {
  const [count] = await tx.$queryRaw<{ id: string; number: string; status: StockCountStatus; warehouseId: string }[]>`
    SELECT id, number, status, "warehouseId" FROM "StockCount" WHERE id = ${String(countId)} AND "companyId" = ${companyId} FOR UPDATE`;
  if (!count) throw notFound("Stock count");
  return count;
}

async function loadView(db: Prisma.TransactionClient, companyId: string, countId: string) {
  const c = await db.stockCount.findFirst({ where: { id: String(countId), companyId }, include });
  if (!c) throw notFound("Stock count");
  const names = await userNames(db, [c.createdById, c.postedById]);
  return toStockCountView({ ...c, createdBy: c.createdById ? (names.get(c.createdById) ?? null) : null, postedBy: c.postedById ? (names.get(c.postedById) ?? null) : null });
}
