// GET /api/v1/invitations — the company's invitations by state; POST — invite a retailer by email
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";
import { createInvitation, listInvitations } from "@/lib/network/invitations";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const result = await listInvitations(ctx, { status: url.searchParams.get("status") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createInvitation(ctx, body)));
