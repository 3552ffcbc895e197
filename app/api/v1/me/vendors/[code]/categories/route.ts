// GET /api/v1/me/vendors/{code}/categories — the vendor's categories that hold active products
import { listVendorCatalogCategories } from "@/lib/catalog/portal-catalog";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params }) => ({ data: await listVendorCatalogCategories(ctx, params.code) }));
