import "server-only";
// The stock ledger as people read it: newest first, with who did it and the document behind it.
// Filtered to one product in one warehouse, each row also shows the balance after it.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StockMovementKind } from "@/lib/generated/prisma/enums";
import { listMovementsInput } from "@/lib/inventory/inventory.schemas";
import { money, qty } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

type Row = {
  id: string;
  kind: StockMovementKind;
  onHandDelta: string;
  reservedDelta: string;
  unitCost: string | null;
  reason: string | null;
  refType: string | null;
  refId: string | null;
  refNumber: string | null;
  createdAt: Date;
  userId: string | null;
  userName: string | null;
  productId: string;
  sku: string;
  productName: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHandAfter: string | null;
  reservedAfter: string | null;
};

export const MOVEMENT_LABELS: Record<StockMovementKind, string> = {
  RECEIPT: "Receipt",
  ADJUSTMENT: "Adjustment",
  RESERVATION: "Reserved",
  RELEASE: "Released",
  DISPATCH: "Dispatched",
  RETURN: "Return",
  TRANSFER_OUT: "Transfer out",
  TRANSFER_IN: "Transfer in",
};

export async function listMovements(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(listMovementsInput, input);
  const companyId = ctx.actor.companyId;
  const pageSize = q.pageSize ?? 50;
  const conds: Prisma.Sql[] = [Prisma.sql`m."companyId" = ${companyId}`];
  if (q.productId) conds.push(Prisma.sql`m."productId" = ${q.productId}`);
  if (q.warehouseId) conds.push(Prisma.sql`m."warehouseId" = ${q.warehouseId}`);
  if (q.kind) conds.push(Prisma.sql`m.kind = ${q.kind}::"StockMovementKind"`);
  if (q.refType) conds.push(Prisma.sql`m."refType" = ${q.refType}`);
  if (q.refId) conds.push(Prisma.sql`m."refId" = ${q.refId}`);
  const where = Prisma.join(conds, " AND ");
  // A running balance only makes sense over the complete history of one shelf.
  const running = !!(q.productId && q.warehouseId && !q.kind && !q.refType && !q.refId);
  const balance = running
    ? Prisma.sql`,
        (SELECT s."onHand" FROM "StockLevel" s WHERE s."productId" = ${q.productId} AND s."warehouseId" = ${q.warehouseId} AND s."companyId" = ${companyId})
          - coalesce(sum(m."onHandDelta") OVER (ORDER BY m.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS "onHandAfter",
        (SELECT s.reserved FROM "StockLevel" s WHERE s."productId" = ${q.productId} AND s."warehouseId" = ${q.warehouseId} AND s."companyId" = ${companyId})
          - coalesce(sum(m."reservedDelta") OVER (ORDER BY m.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS "reservedAfter"`
    : Prisma.sql`, NULL AS "onHandAfter", NULL AS "reservedAfter"`;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`
      SELECT m.id::text, m.kind, m."onHandDelta"::text, m."reservedDelta"::text, m."unitCost"::text, m.reason, m."refType", m."refId",
             coalesce(gr.number, st.number, sc.number) AS "refNumber", m."createdAt", m."userId", u.name AS "userName",
             p.id AS "productId", p.sku, p.name AS "productName", p.unit, w.id AS "warehouseId", w.code AS "warehouseCode", w.name AS "warehouseName"
             ${balance}
      FROM "StockMovement" m
      JOIN "Product" p ON p.id = m."productId"
      JOIN "Warehouse" w ON w.id = m."warehouseId"
      LEFT JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "GoodsReceipt" gr ON m."refType" = 'GoodsReceipt' AND gr.id = m."refId" AND gr."companyId" = ${companyId}
      LEFT JOIN "StockTransfer" st ON m."refType" = 'StockTransfer' AND st.id = m."refId" AND st."companyId" = ${companyId}
      LEFT JOIN "StockCount" sc ON m."refType" = 'StockCount' AND sc.id = m."refId" AND sc."companyId" = ${companyId}
      WHERE ${where}
      ORDER BY m.id DESC
      LIMIT ${pageSize} OFFSET ${q.offset ?? 0}`,
    ctx.db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "StockMovement" m WHERE ${where}`,
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: MOVEMENT_LABELS[r.kind],
      onHandDelta: qty(r.onHandDelta)!,
      reservedDelta: qty(r.reservedDelta)!,
      unitCost: money(r.unitCost),
      reason: r.reason,
      reference: r.refType ? referenceOf(r.refType, r.refId, r.refNumber) : null,
      user: r.userId ? { id: r.userId, name: r.userName } : null,
      product: { id: r.productId, sku: r.sku, name: r.productName, unit: r.unit },
      warehouse: { id: r.warehouseId, code: r.warehouseCode, name: r.warehouseName },
      onHandAfter: qty(r.onHandAfter),
      reservedAfter: qty(r.reservedAfter),
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    pageSize,
    runningBalance: running,
  };
}

const refPaths: Record<string, { label: string; path: string }> = {
  GoodsReceipt: { label: "Goods receipt", path: "/inventory/receipts/" },
  StockTransfer: { label: "Transfer", path: "/inventory/transfers/" },
  StockCount: { label: "Stock count", path: "/inventory/counts/" },
  Order: { label: "Order", path: "/orders/" },
};

/** A link to the document behind a movement: the number when we know it, else type and id. */
export function referenceOf(type: string, id: string | null, number: string | null) {
  const known = refPaths[type];
  return { type, id, label: number ?? `${known?.label ?? type}${id ? ` ${id.slice(-8)}` : ""}`, href: known && id ? `${known.path}${id}` : null };
}
