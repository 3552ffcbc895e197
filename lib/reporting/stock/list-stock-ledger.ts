import "server-only";
// The ledger rows behind a stock report figure (its drill-down, GET /api/v1/reports/stock/ledger):
// the same filters and the figure's own condition (stock-sql.ts figureSql), newest first, with the
// document behind each row, and their sum — which is the figure itself (out figures are shown
// positive, their rows are negative). reports.read + inventory.read.
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StockMovementKind } from "@/lib/generated/prisma/enums";
import { MOVEMENT_LABELS, referenceOf } from "@/lib/inventory/movements";
import { readRange } from "@/lib/reporting/sales/get-sales-report";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { pickStockFilters } from "./get-stock-valuation";
import { figureSql, isOutFigure, money2, periodBounds, plainQty, shelfFilterSql } from "./stock-sql";
import { stockLedgerInput, type LedgerFigure, type StockFilterValues } from "./stock.schemas";

export type StockLedgerRow = {
  id: string;
  at: string;
  kind: StockMovementKind;
  kindLabel: string;
  product: { id: string; sku: string; name: string; unit: string };
  warehouse: { id: string; code: string };
  /** Signed change of on hand. */
  quantity: string;
  /** quantity × today's cost price (null without a cost). */
  value: string | null;
  reason: string | null;
  reference: { type: string; id: string | null; label: string; href: string | null } | null;
};
export type StockLedger = {
  figure: LedgerFigure;
  from: string | null;
  to: string | null;
  filters: StockFilterValues;
  data: StockLedgerRow[];
  total: number;
  /** Σ quantity and Σ value of every matching row; `figure*` are the same with the report's sign. */
  totals: { quantity: string; value: string; figureQuantity: string; figureValue: string; products: number };
};

type Row = { id: bigint; createdAt: Date; kind: StockMovementKind; onHandDelta: Prisma.Decimal; costPrice: Prisma.Decimal | null; reason: string | null; refType: string | null; refId: string | null; refNumber: string | null; productId: string; sku: string; name: string; unit: string; warehouseId: string; warehouseCode: string };

export async function listStockLedger(ctx: Ctx, input: unknown): Promise<StockLedger> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "stock");
  const q = parseInput(stockLedgerInput, input);
  if (q.figure !== "on_hand") {
    for (const field of ["from", "to"] as const) if (!q[field]) throw new AppError("validation", `${field} is required for figure ${q.figure}`, { fieldErrors: { [field]: ["Required for this figure"] } });
    readRange({ from: q.from!, to: q.to! });
  }
  const companyId = ctx.actor.companyId;
  const filters = pickStockFilters(q);
  const bounds = q.figure === "on_hand" ? null : periodBounds(q.from!, q.to!);
  const where = Prisma.sql`
    m."companyId" = ${companyId} AND m."onHandDelta" <> 0 AND ${figureSql(q.figure, bounds, !!filters.warehouseId)}
    ${shelfFilterSql(filters, Prisma.sql`m."warehouseId"`)}`;
  const [rows, [sums]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`
      SELECT m.id, m."createdAt", m.kind, m."onHandDelta", p."costPrice", m.reason, m."refType", m."refId",
             coalesce(gr.number, st.number, sc.number, o.number) AS "refNumber",
             p.id AS "productId", p.sku, p.name, p.unit, w.id AS "warehouseId", w.code AS "warehouseCode"
      FROM "StockMovement" m
      JOIN "Product" p ON p.id = m."productId" AND p."companyId" = ${companyId}
      JOIN "Warehouse" w ON w.id = m."warehouseId" AND w."companyId" = ${companyId}
      LEFT JOIN "GoodsReceipt" gr ON m."refType" = 'GoodsReceipt' AND gr.id = m."refId" AND gr."companyId" = ${companyId}
      LEFT JOIN "StockTransfer" st ON m."refType" = 'StockTransfer' AND st.id = m."refId" AND st."companyId" = ${companyId}
      LEFT JOIN "StockCount" sc ON m."refType" = 'StockCount' AND sc.id = m."refId" AND sc."companyId" = ${companyId}
      LEFT JOIN "Order" o ON m."refType" = 'Order' AND o.id = m."refId" AND o."companyId" = ${companyId}
      WHERE ${where}
      ORDER BY m."createdAt" DESC, m.id DESC
      LIMIT ${q.pageSize} OFFSET ${q.offset}`,
    ctx.db.$queryRaw<{ n: number; quantity: Prisma.Decimal | null; value: Prisma.Decimal | null; products: number }[]>`
      SELECT count(*)::int AS n, sum(m."onHandDelta") AS quantity, sum(m."onHandDelta" * p."costPrice") AS value, count(DISTINCT m."productId")::int AS products
      FROM "StockMovement" m JOIN "Product" p ON p.id = m."productId" AND p."companyId" = ${companyId}
      WHERE ${where}`,
  ]);
  const quantity = new Prisma.Decimal(sums?.quantity ?? 0);
  const value = new Prisma.Decimal(sums?.value ?? 0);
  const sign = isOutFigure(q.figure) ? -1 : 1;
  return {
    figure: q.figure,
    from: q.figure === "on_hand" ? null : q.from!,
    to: q.figure === "on_hand" ? null : q.to!,
    filters,
    total: sums?.n ?? 0,
    totals: { quantity: plainQty(quantity), value: money2(value)!, figureQuantity: plainQty(quantity.times(sign)), figureValue: money2(value.times(sign))!, products: sums?.products ?? 0 },
    data: rows.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt.toISOString(),
      kind: r.kind,
      kindLabel: r.kind === "ADJUSTMENT" ? (new Prisma.Decimal(r.onHandDelta).gt(0) ? "Adjustment +" : "Adjustment −") : MOVEMENT_LABELS[r.kind],
      product: { id: r.productId, sku: r.sku, name: r.name, unit: r.unit },
      warehouse: { id: r.warehouseId, code: r.warehouseCode },
      quantity: plainQty(r.onHandDelta),
      value: r.costPrice === null ? null : money2(new Prisma.Decimal(r.onHandDelta).times(r.costPrice)),
      reason: r.reason,
      reference: r.refType ? referenceOf(r.refType, r.refId, r.refNumber) : null,
    })),
  };
}
