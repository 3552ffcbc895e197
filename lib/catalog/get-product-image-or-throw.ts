import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";

/** The bytes of one product image, for serving. */
export async function getProductImageOrThrow(ctx: Ctx, productId: string, imageId: string): Promise<{ bytes: Buffer; contentType: string; createdAt: Date }> {
  assertCan(ctx.actor, "catalog.read");
  const image = await ctx.db.productImage.findFirst({ where: { id: imageId, productId, companyId: ctx.actor.companyId }, select: { data: true, contentType: true, createdAt: true } });
  if (!image) throw notFound("Image");
  return { bytes: Buffer.from(image.data), contentType: image.contentType, createdAt: image.createdAt };
}
