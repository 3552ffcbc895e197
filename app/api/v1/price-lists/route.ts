// GET /api/v1/price-lists — the company's price lists with counts; POST — create a price list
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";
import { createPriceList, listPriceLists } from "@/lib/pricing/price-lists";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listPriceLists(ctx, { q: s.get("q") ?? undefined, active: s.get("active") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createPriceList(ctx, body ?? {})));
