// GET /api/v1/me/vendors/{code}/catalog — a vendor's active products at the retailer's prices, with availability
import { browseVendorCatalog } from "@/lib/catalog/portal-catalog";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url, params }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await browseVendorCatalog(ctx, {
    vendor: params.code,
    q: s.get("q") ?? undefined,
    categoryId: s.get("categoryId") ?? undefined,
    inStockOnly: s.get("inStock") ?? undefined,
    offset: p.offset,
    pageSize: p.limit,
  });
  return { ...page(result.items, p, result.total), vendor: result.vendor, priceList: result.connection.priceListName, showQuantities: result.showQuantities };
});
