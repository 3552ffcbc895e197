import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { PRODUCT_IMAGE_MAX_BYTES, PRODUCT_IMAGES_PER_PRODUCT } from "@/lib/catalog/catalog.schemas";
import { toProductImageView, type ProductImageView } from "@/lib/catalog/product-image-view";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { normalizeImage } from "@/lib/images/normalize-image";

/** Longest side of a stored product image (catalog cards and the product page). */
const PRODUCT_IMAGE_MAX_SIDE = 2048;

// The first bytes of each accepted format: a file is stored only if it is what it says it is.
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/webp": (b) => b.subarray(0, 4).toString("ascii") === "RIFF" && b.subarray(8, 12).toString("ascii") === "WEBP",
};

/**
 * Stores one more image of a product (PNG, JPEG or WebP, up to 1 MB); it goes last in the order. The
 * stored bytes are sharp's re-encoding in the same format, without metadata.
 */
export async function addProductImage(ctx: Ctx, productId: string, input: { mimeType: string | null; bytes: Buffer | undefined }): Promise<ProductImageView> {
  assertCan(ctx.actor, "catalog.write");
  const mimeType = (input.mimeType ?? "").split(";")[0].trim().toLowerCase();
  const check = SIGNATURES[mimeType];
  if (!check) throw new AppError("validation", "The image must be a PNG, JPEG or WebP file", { fieldErrors: { image: ["Use a PNG, JPEG or WebP image"] } });
  const bytes = input.bytes;
  if (!bytes?.length) throw new AppError("validation", "The image file is empty", { fieldErrors: { image: ["Choose an image file"] } });
  if (bytes.length > PRODUCT_IMAGE_MAX_BYTES) throw new AppError("validation", "The image is larger than 1 MB", { fieldErrors: { image: ["Use an image of at most 1 MB"] } });
  if (!check(bytes)) throw new AppError("validation", `The file is not a valid ${mimeType.replace("image/", "").toUpperCase()} image`, { fieldErrors: { image: ["The file content does not match its type"] } });
  const image = await normalizeImage(bytes, { field: "image", maxSide: PRODUCT_IMAGE_MAX_SIDE });
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    // Locking the product serialises uploads to it, so the count and the position stay right.
    const [product] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} AND "companyId" = ${companyId} FOR UPDATE`;
    if (!product) throw notFound("Product");
    const existing = await tx.productImage.aggregate({ where: { productId, companyId }, _count: { _all: true }, _max: { position: true } });
    if (existing._count._all >= PRODUCT_IMAGES_PER_PRODUCT) {
      throw new AppError("conflict", `A product can have at most ${PRODUCT_IMAGES_PER_PRODUCT} images; remove one first`, { fieldErrors: { image: [`At most ${PRODUCT_IMAGES_PER_PRODUCT} images`] } });
    }
    const row = await tx.productImage.create({
      data: { companyId, productId, contentType: image.mimeType, data: new Uint8Array(image.bytes), position: (existing._max.position ?? -1) + 1 },
      select: { id: true, productId: true, contentType: true, position: true, createdAt: true },
    });
    await recordAudit(ctx, tx, { action: "product.image_add", entityType: "Product", entityId: productId, after: { imageId: row.id, contentType: image.mimeType, bytes: image.bytes.length } });
    return toProductImageView(row);
  });
}
