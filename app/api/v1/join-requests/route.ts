// GET /api/v1/join-requests — vendor inbox of join requests; POST — a retailer asks to connect with a vendor
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";
import { listJoinRequests, requestToJoin } from "@/lib/network/join-requests";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const result = await listJoinRequests(ctx, { status: url.searchParams.get("status") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await requestToJoin(ctx, body)));
