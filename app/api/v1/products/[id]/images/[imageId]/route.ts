// GET /api/v1/products/{id}/images/{imageId} — the image bytes (cacheable: an id's bytes never change); DELETE — remove it
import { deleteProductImage } from "@/lib/catalog/delete-product-image";
import { getProductImageOrThrow } from "@/lib/catalog/get-product-image-or-throw";
import { imageResponse } from "@/lib/http/image-response";
import { apiRoute, noContent } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params, req }) => {
  const image = await getProductImageOrThrow(ctx, params.id, params.imageId);
  const etag = `"${params.imageId}"`;
  const headers = { etag, "cache-control": "private, max-age=31536000, immutable", "last-modified": image.createdAt.toUTCString() };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return imageResponse(image.bytes, image.contentType, { name: `product-${params.imageId}`, cacheControl: headers["cache-control"], headers });
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteProductImage(ctx, params.id, params.imageId);
  return noContent();
});
