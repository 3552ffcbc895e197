// GET /api/v1/warehouses — the company's warehouses (?status=active|inactive|all); POST — create one
import { createWarehouse, listWarehouses } from "@/lib/inventory/warehouses";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const { items } = await listWarehouses(ctx, { status: url.searchParams.get("status") ?? undefined });
  return page(items.slice(p.offset, p.offset + p.limit), p, items.length);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createWarehouse(ctx, body ?? {})));
