// GET /api/v1/challans — delivery challans with status, reason and text filters; POST — issue a delivery challan (stock transfer, approval, job work, exhibition)
import { encodeCursor, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";
import { createChallan } from "@/lib/logistics/challans/create-challan";
import { listChallans } from "@/lib/logistics/challans/challan-views";

const filters = ["q", "status", "reason"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const query = Object.fromEntries(filters.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  const result = await listChallans(ctx, { ...query, offset: p.offset, pageSize: p.limit });
  const next = p.offset + result.data.length;
  return { data: result.data, nextCursor: next < result.total ? encodeCursor({ o: next }) : null, total: result.total };
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createChallan(ctx, body ?? {})));
