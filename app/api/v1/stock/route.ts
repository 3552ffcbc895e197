// GET /api/v1/stock — stock levels per product (on hand, reserved, available, status, per warehouse)
import { listStockLevels } from "@/lib/inventory/stock-levels";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listStockLevels(ctx, { q: s.get("q") ?? undefined, warehouseId: s.get("warehouseId") ?? undefined, status: s.get("status") ?? undefined, sort: s.get("sort") ?? undefined, dir: s.get("dir") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});
