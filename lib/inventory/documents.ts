import "server-only";
// Helpers shared by the stock documents (receipts, transfers, counts): tenant checks on the
// warehouses and products a document names, user names, and the India calendar day.
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { plainQuantity } from "@/lib/format";

type Db = PrismaClient | Prisma.TransactionClient;

/** The company's warehouse, which must be active to take or give stock. */
export async function activeWarehouseOrThrow(db: Db, companyId: string, warehouseId: string, field = "warehouseId") {
  const w = await db.warehouse.findFirst({ where: { id: warehouseId, companyId } });
  if (!w) throw notFound("Warehouse");
  if (!w.active) throw new AppError("conflict", `Warehouse ${w.code} is inactive`, { fieldErrors: { [field]: [`${w.code} is inactive; reactivate it first`] } });
  return w;
}

/** Every product id must be the company's own; another tenant's product is not_found, naming the line. */
export async function productsOrThrow(db: Db, companyId: string, productIds: string[], linesField = "lines") {
  const unique = [...new Set(productIds)];
  const rows = await db.product.findMany({ where: { companyId, id: { in: unique } }, select: { id: true, sku: true, name: true, unit: true, active: true, costPrice: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = productIds.map((id, i) => (byId.has(id) ? -1 : i)).filter((i) => i >= 0);
  if (missing.length) {
    throw new AppError("not_found", "Product not found", { fieldErrors: Object.fromEntries(missing.map((i) => [`${linesField}.${i}.productId`, ["Product not found"]])) });
  }
  return byId;
}

export async function userNames(db: Db, ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map<string, string>();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Moves an insufficient_stock error's items onto the form's line fields. */
export function shortLinesToFields(err: unknown, lines: { productId: string }[], field: "quantity" | "countedQty" = "quantity") {
  if (!(err instanceof AppError) || err.code !== "insufficient_stock") return err;
  const items = (err.details?.items ?? []) as { productId: string; available: string; requested: string }[];
  const fieldErrors: Record<string, string[]> = { ...(err.fieldErrors ?? {}) };
  for (const item of items) {
    const i = lines.findIndex((l) => l.productId === item.productId);
    if (i >= 0) fieldErrors[`lines.${i}.${field}`] = [`Only ${plainQuantity(item.available)} available`];
  }
  return new AppError("insufficient_stock", err.message, { details: err.details, fieldErrors });
}
