// GET /api/v1/stock/low — active products at or below their reorder level, with the shortfall
import { listLowStock } from "@/lib/inventory/low-stock";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const result = await listLowStock(ctx, { q: url.searchParams.get("q") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});
