// GET /api/v1/stock/movements — the stock ledger, newest first (running balance for one product + warehouse)
import { listMovements } from "@/lib/inventory/movements";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listMovements(ctx, { productId: s.get("productId") ?? undefined, warehouseId: s.get("warehouseId") ?? undefined, kind: s.get("kind") ?? undefined, refType: s.get("refType") ?? undefined, refId: s.get("refId") ?? undefined, offset: p.offset, pageSize: p.limit });
  return { ...page(result.items, p, result.total), runningBalance: result.runningBalance };
});
