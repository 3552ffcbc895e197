// GET /api/v1/drivers — the company's drivers (?status=active|inactive|all, q, attention=true); POST — add one
import { createDriver, listDrivers } from "@/lib/logistics/fleet/drivers";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const { items } = await listDrivers(ctx, { status: url.searchParams.get("status") ?? undefined, q: url.searchParams.get("q") ?? undefined, attention: url.searchParams.get("attention") ?? undefined });
  return page(items.slice(p.offset, p.offset + p.limit), p, items.length);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createDriver(ctx, body ?? {})));
