import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { StockStatus } from "@/lib/catalog/catalog.schemas";
import { categoryPath } from "@/lib/catalog/category-guards";
import { toProductImageView, type ProductImageView } from "@/lib/catalog/product-image-view";
import { toProductView, type ProductView } from "@/lib/catalog/product-view";
import { stockStatusOf } from "@/lib/catalog/stock-status";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export type WarehouseStock = { warehouseId: string; code: string; name: string; active: boolean; onHand: string; reserved: string; available: string };

export type ProductDetail = ProductView & {
  category: { id: string; name: string; path: { id: string; name: string }[] } | null;
  images: ProductImageView[];
  /** Every active warehouse (zero where nothing is stocked) and inactive ones still holding stock. */
  stock: WarehouseStock[];
  /** Sum of (on hand − reserved) over active warehouses. */
  available: string;
  stockStatus: StockStatus;
};

/** One product with its category path, images and stock per warehouse. */
export async function getProductOrThrow(ctx: Ctx, productId: string): Promise<ProductDetail> {
  assertCan(ctx.actor, "catalog.read");
  const companyId = ctx.actor.companyId;
  const product = await ctx.db.product.findFirst({ where: { id: productId, companyId } });
  if (!product) throw notFound("Product");
  const [path, images, warehouses, levels] = await Promise.all([
    product.categoryId ? categoryPath(ctx.db, companyId, product.categoryId) : Promise.resolve([]),
    ctx.db.productImage.findMany({ where: { productId, companyId }, select: { id: true, productId: true, contentType: true, position: true, createdAt: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    ctx.db.warehouse.findMany({ where: { companyId }, select: { id: true, code: true, name: true, active: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
    ctx.db.stockLevel.findMany({ where: { productId, companyId }, select: { warehouseId: true, onHand: true, reserved: true } }),
  ]);
  const byWarehouse = new Map(levels.map((l) => [l.warehouseId, l]));
  const stock: WarehouseStock[] = [];
  let available = new Prisma.Decimal(0);
  for (const w of warehouses) {
    const level = byWarehouse.get(w.id);
    if (!w.active && !level) continue;
    const onHand = level?.onHand ?? new Prisma.Decimal(0);
    const reserved = level?.reserved ?? new Prisma.Decimal(0);
    const free = onHand.minus(reserved);
    if (w.active) available = available.plus(free);
    stock.push({ warehouseId: w.id, code: w.code, name: w.name, active: w.active, onHand: onHand.toString(), reserved: reserved.toString(), available: free.toString() });
  }
  const category = path.length ? { id: path[path.length - 1].id, name: path[path.length - 1].name, path } : null;
  return { ...toProductView(product), category, images: images.map(toProductImageView), stock, available: available.toString(), stockStatus: stockStatusOf(available, product.reorderLevel) };
}
