// GET /api/v1/me/vendors/{code}/catalog/images/{imageId} — a product image from a connected vendor's catalog
import { getVendorCatalogImage } from "@/lib/catalog/portal-catalog";
import { imageResponse } from "@/lib/http/image-response";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params }) => {
  const image = await getVendorCatalogImage(ctx, params.code, params.imageId);
  return imageResponse(image.data, image.contentType, { name: `product-${params.imageId}`, cacheControl: "private, max-age=86400, immutable" });
});
