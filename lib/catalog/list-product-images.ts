import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { toProductImageView, type ProductImageView } from "@/lib/catalog/product-image-view";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";

/** A product's images in display order (without the bytes; each has a URL that serves them). */
export async function listProductImages(ctx: Ctx, productId: string): Promise<ProductImageView[]> {
  assertCan(ctx.actor, "catalog.read");
  const companyId = ctx.actor.companyId;
  const product = await ctx.db.product.findFirst({ where: { id: productId, companyId }, select: { id: true } });
  if (!product) throw notFound("Product");
  const images = await ctx.db.productImage.findMany({
    where: { productId, companyId },
    select: { id: true, productId: true, contentType: true, position: true, createdAt: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return images.map(toProductImageView);
}
