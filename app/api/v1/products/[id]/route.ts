// GET /api/v1/products/{id} — one product with category, images and stock per warehouse; PATCH — change it
import { getProductOrThrow } from "@/lib/catalog/get-product-or-throw";
import { updateProduct } from "@/lib/catalog/update-product";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getProductOrThrow(ctx, params.id));

export const PATCH = apiRoute(({ ctx, params, body }) => updateProduct(ctx, params.id, body ?? {}));
