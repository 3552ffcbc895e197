import "server-only";
// Transfers between two warehouses of the company: TRANSFER_OUT and TRANSFER_IN movements in one
// transaction, numbered TRF/25-26/00001. Only available stock (on hand − reserved) can leave.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeWarehouseOrThrow, productsOrThrow, shortLinesToFields, userNames } from "@/lib/inventory/documents";
import { createTransferInput, listDocumentsInput } from "@/lib/inventory/inventory.schemas";
import { applyMovements } from "@/lib/inventory/ledger";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { toTransferView } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

const wh = { select: { id: true, code: true, name: true } } as const;
const include = { fromWarehouse: wh, toWarehouse: wh, lines: { include: { product: { select: { id: true, sku: true, name: true, unit: true } } }, orderBy: { id: "asc" } } } as const;

export async function createTransfer(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "inventory.write");
  const data = parseInput(createTransferInput, input);
  const companyId = ctx.actor.companyId;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const from = await activeWarehouseOrThrow(tx, companyId, data.fromWarehouseId, "fromWarehouseId");
      const to = await activeWarehouseOrThrow(tx, companyId, data.toWarehouseId, "toWarehouseId");
      const products = await productsOrThrow(tx, companyId, data.lines.map((l) => l.productId));
      assertQuantitiesFitUnits(data.lines.map((l, i) => ({ field: `lines.${i}.quantity`, quantity: l.quantity, unit: products.get(l.productId)!.unit })));
      const number = await nextDocumentNumber(tx, { companyId, prefix: "TRF", date: ctx.now() });
      const transfer = await tx.stockTransfer.create({
        data: { companyId, number, fromWarehouseId: from.id, toWarehouseId: to.id, notes: data.notes ?? null, createdById: ctx.actor.userId, createdAt: ctx.now(), lines: { create: data.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) } },
      });
      const ref = { refType: "StockTransfer", refId: transfer.id, reason: `${from.code} → ${to.code}` };
      await applyMovements(tx, {
        companyId,
        userId: ctx.actor.userId,
        at: ctx.now(),
        movements: data.lines.flatMap((l) => [
          { productId: l.productId, warehouseId: from.id, kind: "TRANSFER_OUT" as const, onHandDelta: `-${l.quantity}`, reservedDelta: "0", ...ref },
          { productId: l.productId, warehouseId: to.id, kind: "TRANSFER_IN" as const, onHandDelta: l.quantity, reservedDelta: "0", ...ref },
        ]),
      });
      await recordAudit(ctx, tx, { action: "stock_transfer.create", entityType: "StockTransfer", entityId: transfer.id, after: { number, fromWarehouseId: from.id, toWarehouseId: to.id, lines: data.lines } });
      const full = await tx.stockTransfer.findUniqueOrThrow({ where: { id: transfer.id }, include });
      return toTransferView({ ...full, createdBy: ctx.actor.name });
    });
  } catch (err) {
    throw shortLinesToFields(err, data.lines);
  }
}

export async function listTransfers(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(listDocumentsInput, input);
  const pageSize = q.pageSize ?? 20;
  const where: Prisma.StockTransferWhereInput = {
    companyId: ctx.actor.companyId,
    ...(q.warehouseId ? { OR: [{ fromWarehouseId: q.warehouseId }, { toWarehouseId: q.warehouseId }] } : {}),
    ...(q.q ? { AND: [{ OR: [{ number: { contains: q.q, mode: "insensitive" } }, { notes: { contains: q.q, mode: "insensitive" } }, { lines: { some: { product: { OR: [{ sku: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }] } } } }] }] } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.stockTransfer.count({ where }),
    ctx.db.stockTransfer.findMany({ where, include, orderBy: [{ createdAt: "desc" }, { number: "desc" }], skip: q.offset ?? 0, take: pageSize }),
  ]);
  const names = await userNames(ctx.db, rows.map((r) => r.createdById));
  return { items: rows.map((r) => toTransferView({ ...r, createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null })), total, pageSize };
}

export async function getTransferOrThrow(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "inventory.read");
  const t = await ctx.db.stockTransfer.findFirst({ where: { id: String(id), companyId: ctx.actor.companyId }, include });
  if (!t) throw notFound("Transfer");
  const names = await userNames(ctx.db, [t.createdById]);
  return toTransferView({ ...t, createdBy: t.createdById ? (names.get(t.createdById) ?? null) : null });
}

