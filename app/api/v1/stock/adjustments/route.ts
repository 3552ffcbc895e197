// GET /api/v1/stock/adjustments — adjustment movements, newest first; POST — adjust one product's stock with a reason
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { listMovements } from "@/lib/inventory/movements";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listMovements(ctx, { kind: "ADJUSTMENT", productId: s.get("productId") ?? undefined, warehouseId: s.get("warehouseId") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await adjustStock(ctx, body ?? {})));
