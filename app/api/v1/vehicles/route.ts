// GET /api/v1/vehicles — the company's vehicles (?status=active|inactive|all, q, attention=true); POST — add one
import { createVehicle, listVehicles } from "@/lib/logistics/fleet/vehicles";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const { items } = await listVehicles(ctx, { status: url.searchParams.get("status") ?? undefined, q: url.searchParams.get("q") ?? undefined, attention: url.searchParams.get("attention") ?? undefined });
  return page(items.slice(p.offset, p.offset + p.limit), p, items.length);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createVehicle(ctx, body ?? {})));
