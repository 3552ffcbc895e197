import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";

/** Removes one image of a product. */
export async function deleteProductImage(ctx: Ctx, productId: string, imageId: string): Promise<void> {
  assertCan(ctx.actor, "catalog.write");
  const companyId = ctx.actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    const removed = await tx.productImage.deleteMany({ where: { id: imageId, productId, companyId } });
    if (removed.count === 0) throw notFound("Image");
    await recordAudit(ctx, tx, { action: "product.image_remove", entityType: "Product", entityId: productId, before: { imageId } });
  });
}
