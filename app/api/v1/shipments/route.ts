// GET /api/v1/shipments — shipments, newest first, by status, creation day, text and "on no live trip"; POST — a shipment from packed orders of one consignee
import { createShipment } from "@/lib/logistics/shipments/create-shipment";
import { listShipments } from "@/lib/logistics/shipments/list-shipments";
import { encodeCursor, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

const filters = ["status", "from", "to", "q", "unassigned"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const query = Object.fromEntries(filters.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  const result = await listShipments(ctx, { ...query, offset: p.offset, pageSize: p.limit });
  const next = p.offset + result.data.length;
  return { data: result.data, nextCursor: next < result.total ? encodeCursor({ o: next }) : null, total: result.total };
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createShipment(ctx, body ?? {})));
