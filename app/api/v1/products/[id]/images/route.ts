// GET /api/v1/products/{id}/images — the product's images; POST — upload one (raw PNG/JPEG/WebP body, ≤ 1 MB)
import { addProductImage } from "@/lib/catalog/add-product-image";
import { listProductImages } from "@/lib/catalog/list-product-images";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params }) => ({ data: await listProductImages(ctx, params.id) }));

export const POST = apiRoute(async ({ ctx, params, bytes, contentType }) => created(await addProductImage(ctx, params.id, { mimeType: contentType, bytes })), { body: "binary" });
