// Plain JSON shapes of inventory records for screens and the API: decimals as strings
// (quantities with 3 places, money with 2), dates as ISO strings.
import type { GoodsReceipt, GoodsReceiptLine, StockCount, StockCountLine, StockTransfer, StockTransferLine, Warehouse } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { stateName } from "@/lib/integrations/gst/states";

export type ProductRef = { id: string; sku: string; name: string; unit: string };
type WarehouseRef = Pick<Warehouse, "id" | "code" | "name">;

export const qty = (v: Prisma.Decimal | string | number | null | undefined) => (v === null || v === undefined ? null : new Prisma.Decimal(v).toFixed(3));
export const money = (v: Prisma.Decimal | string | number | null | undefined) => (v === null || v === undefined ? null : new Prisma.Decimal(v).toFixed(2));
const ref = (w: WarehouseRef) => ({ id: w.id, code: w.code, name: w.name });
const product = (p: ProductRef) => ({ id: p.id, sku: p.sku, name: p.name, unit: p.unit });

export type WarehouseView = ReturnType<typeof toWarehouseView>;

export function toWarehouseView(w: Warehouse) {
  return {
    id: w.id,
    code: w.code,
    name: w.name,
    addressLine1: w.addressLine1,
    addressLine2: w.addressLine2,
    city: w.city,
    stateCode: w.stateCode,
    stateName: stateName(w.stateCode) ?? null,
    pincode: w.pincode,
    isDefault: w.isDefault,
    active: w.active,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export type GoodsReceiptView = ReturnType<typeof toGoodsReceiptView>;

export function toGoodsReceiptView(r: GoodsReceipt & { warehouse: WarehouseRef; lines: (GoodsReceiptLine & { product: ProductRef })[]; createdBy?: string | null }) {
  const lines = r.lines.map((l) => ({
    id: l.id,
    product: product(l.product),
    quantity: qty(l.quantity)!,
    unitCost: money(l.unitCost),
    amount: l.unitCost ? l.unitCost.times(l.quantity).toFixed(2) : null,
  }));
  return {
    id: r.id,
    number: r.number,
    warehouse: ref(r.warehouse),
    supplierName: r.supplierName,
    supplierInvoiceNo: r.supplierInvoiceNo,
    receivedAt: r.receivedAt.toISOString(),
    notes: r.notes,
    createdBy: r.createdBy ?? null,
    createdAt: r.createdAt.toISOString(),
    lines,
    totalCost: r.lines.reduce((s, l) => (l.unitCost ? s.plus(l.unitCost.times(l.quantity)) : s), new Prisma.Decimal(0)).toFixed(2),
  };
}

export type TransferView = ReturnType<typeof toTransferView>;

export function toTransferView(t: StockTransfer & { fromWarehouse: WarehouseRef; toWarehouse: WarehouseRef; lines: (StockTransferLine & { product: ProductRef })[]; createdBy?: string | null }) {
  return {
    id: t.id,
    number: t.number,
    fromWarehouse: ref(t.fromWarehouse),
    toWarehouse: ref(t.toWarehouse),
    notes: t.notes,
    createdBy: t.createdBy ?? null,
    createdAt: t.createdAt.toISOString(),
    lines: t.lines.map((l) => ({ id: l.id, product: product(l.product), quantity: qty(l.quantity)! })),
  };
}

export type StockCountView = ReturnType<typeof toStockCountView>;

export function toStockCountView(c: StockCount & { warehouse: WarehouseRef; lines: (StockCountLine & { product: ProductRef })[]; createdBy?: string | null; postedBy?: string | null }) {
  const lines = c.lines.map((l) => ({
    id: l.id,
    product: product(l.product),
    expectedQty: qty(l.expectedQty)!,
    countedQty: qty(l.countedQty),
    difference: l.countedQty === null ? null : l.countedQty.minus(l.expectedQty).toFixed(3),
  }));
  return {
    id: c.id,
    number: c.number,
    warehouse: ref(c.warehouse),
    status: c.status,
    notes: c.notes,
    createdBy: c.createdBy ?? null,
    postedBy: c.postedBy ?? null,
    postedAt: c.postedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    lineCount: lines.length,
    countedCount: lines.filter((l) => l.countedQty !== null).length,
    differenceCount: lines.filter((l) => l.difference !== null && !new Prisma.Decimal(l.difference).isZero()).length,
    lines,
  };
}
