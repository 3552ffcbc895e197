// GET /api/v1/retailers — the company's retailers (connections) with search, status filter and cursor pages
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute } from "@/lib/http/route";
import { listRetailers } from "@/lib/network/connections";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listRetailers(ctx, { q: s.get("q") ?? undefined, status: s.get("status") ?? undefined, sort: s.get("sort") ?? undefined, dir: s.get("dir") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});
