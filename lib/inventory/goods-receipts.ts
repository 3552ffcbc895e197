import "server-only";
// Goods receipts (GRN): stock arriving from a supplier into one warehouse, numbered per company
// and financial year. Optionally moves each product's cost price to the weighted average.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeWarehouseOrThrow, productsOrThrow, userNames } from "@/lib/inventory/documents";
import { istDay, startOfIstDay } from "@/lib/pricing/dates";
import { createGoodsReceiptInput, listDocumentsInput } from "@/lib/inventory/inventory.schemas";
import { applyMovements } from "@/lib/inventory/ledger";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { toGoodsReceiptView } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

const D = Prisma.Decimal;
const include = { warehouse: { select: { id: true, code: true, name: true } }, lines: { include: { product: { select: { id: true, sku: true, name: true, unit: true } } }, orderBy: { id: "asc" } } } as const;

export async function createGoodsReceipt(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "inventory.write");
  const data = parseInput(createGoodsReceiptInput, input);
  const companyId = ctx.actor.companyId;
  if (data.receivedDate > istDay(ctx.now())) throw new AppError("validation", "The received date cannot be in the future", { fieldErrors: { receivedDate: ["Cannot be in the future"] } });
  const receivedAt = startOfIstDay(data.receivedDate);

  return ctx.db.$transaction(async (tx) => {
    const warehouse = await activeWarehouseOrThrow(tx, companyId, data.warehouseId);
    const products = await productsOrThrow(tx, companyId, data.lines.map((l) => l.productId));
    assertQuantitiesFitUnits(data.lines.map((l, i) => ({ field: `lines.${i}.quantity`, quantity: l.quantity, unit: products.get(l.productId)!.unit })));
    const number = await nextDocumentNumber(tx, { companyId, prefix: "GRN", date: receivedAt });
    const receipt = await tx.goodsReceipt.create({
      data: {
        companyId,
        number,
        warehouseId: warehouse.id,
        supplierName: data.supplierName ?? null,
        supplierInvoiceNo: data.supplierInvoiceNo ?? null,
        receivedAt,
        notes: data.notes ?? null,
        createdById: ctx.actor.userId,
        createdAt: ctx.now(),
        lines: { create: data.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitCost: l.unitCost ?? null })) },
      },
    });
    await applyMovements(tx, {
      companyId,
      userId: ctx.actor.userId,
      at: ctx.now(),
      movements: data.lines.map((l) => ({ productId: l.productId, warehouseId: warehouse.id, kind: "RECEIPT", onHandDelta: l.quantity, reservedDelta: "0", unitCost: l.unitCost ?? null, reason: data.supplierName ? `From ${data.supplierName}` : null, refType: "GoodsReceipt", refId: receipt.id })),
    });
    const costChanges = data.updateCostPrice === false ? [] : await updateWeightedCost(tx, companyId, data.lines);
    await recordAudit(ctx, tx, {
      action: "goods_receipt.create",
      entityType: "GoodsReceipt",
      entityId: receipt.id,
      after: { number, warehouseId: warehouse.id, supplierName: data.supplierName, supplierInvoiceNo: data.supplierInvoiceNo, receivedDate: data.receivedDate, lines: data.lines, costChanges },
    });
    const full = await tx.goodsReceipt.findUniqueOrThrow({ where: { id: receipt.id }, include });
    return toGoodsReceiptView({ ...full, createdBy: ctx.actor.name });
  });
}

export async function listGoodsReceipts(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(listDocumentsInput, input);
  const pageSize = q.pageSize ?? 20;
  const where: Prisma.GoodsReceiptWhereInput = {
    companyId: ctx.actor.companyId,
    ...(q.warehouseId ? { warehouseId: q.warehouseId } : {}),
    ...(q.q
      ? {
          OR: [
            { number: { contains: q.q, mode: "insensitive" } },
            { supplierName: { contains: q.q, mode: "insensitive" } },
            { supplierInvoiceNo: { contains: q.q, mode: "insensitive" } },
            { lines: { some: { product: { OR: [{ sku: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }] } } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.goodsReceipt.count({ where }),
    ctx.db.goodsReceipt.findMany({ where, include, orderBy: [{ receivedAt: "desc" }, { number: "desc" }], skip: q.offset ?? 0, take: pageSize }),
  ]);
  const names = await userNames(ctx.db, rows.map((r) => r.createdById));
  return { items: rows.map((r) => toGoodsReceiptView({ ...r, createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null })), total, pageSize };
}

export async function getGoodsReceiptOrThrow(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "inventory.read");
  const r = await ctx.db.goodsReceipt.findFirst({ where: { id: String(id), companyId: ctx.actor.companyId }, include });
  if (!r) throw notFound("Goods receipt");
  const names = await userNames(ctx.db, [r.createdById]);
  return toGoodsReceiptView({ ...r, createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null });
}

/**
 * New cost = (stock before × old cost + Σ received × unit cost) ÷ (stock before + Σ received with
 * a cost). Lines without a unit cost do not move the average. Product rows are locked with
 * FOR NO KEY UPDATE (after the level rows, in id order), which does not block ledger inserts.
 */
async function updateWeightedCost(tx: Prisma.TransactionClient, companyId: string, lines: { productId: string; quantity: string; unitCost?: string | null }[]) {
  const per = new Map<string, { received: Prisma.Decimal; costedQty: Prisma.Decimal; costedValue: Prisma.Decimal }>();
  for (const l of lines) {
    const p = per.get(l.productId) ?? { received: new D(0), costedQty: new D(0), costedValue: new D(0) };
    p.received = p.received.plus(l.quantity);
    if (l.unitCost) {
      p.costedQty = p.costedQty.plus(l.quantity);
      p.costedValue = p.costedValue.plus(new D(l.quantity).times(l.unitCost));
    }
    per.set(l.productId, p);
  }
  const ids = [...per.entries()].filter(([, p]) => p.costedQty.gt(0)).map(([id]) => id).sort();
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string; costPrice: string | null; onHand: string }[]>`
    SELECT p.id, p."costPrice"::text, coalesce((SELECT sum(s."onHand") FROM "StockLevel" s WHERE s."productId" = p.id AND s."companyId" = ${companyId}), 0)::text AS "onHand"
    FROM "Product" p WHERE p."companyId" = ${companyId} AND p.id = ANY(${ids}::text[]) ORDER BY p.id COLLATE "C" FOR NO KEY UPDATE OF p`;
  const changes: { productId: string; before: string | null; after: string }[] = [];
  for (const r of rows) {
    const p = per.get(r.id)!;
    const before = D.max(new D(r.onHand).minus(p.received), 0);
    const oldCost = r.costPrice === null ? null : new D(r.costPrice);
    const value = oldCost ? before.times(oldCost).plus(p.costedValue) : p.costedValue;
    const units = oldCost ? before.plus(p.costedQty) : p.costedQty;
    const next = value.dividedBy(units).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);
    if (oldCost && oldCost.toFixed(2) === next) continue;
    await tx.product.update({ where: { id: r.id, companyId }, data: { costPrice: next } });
    changes.push({ productId: r.id, before: oldCost?.toFixed(2) ?? null, after: next });
  }
  return changes;
}
