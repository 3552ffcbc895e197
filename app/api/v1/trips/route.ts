// GET /api/v1/trips — delivery trips by day and status; POST — a new trip (date, depot, vehicle, driver, planned departure)
import { createTrip } from "@/lib/logistics/trips/create-trip";
import { listTrips } from "@/lib/logistics/trips/list-trips";
import { encodeCursor, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

const filters = ["date", "from", "to", "status"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const query = Object.fromEntries(filters.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  const result = await listTrips(ctx, { ...query, offset: p.offset, pageSize: p.limit });
  const next = p.offset + result.data.length;
  return { data: result.data, nextCursor: next < result.total ? encodeCursor({ o: next }) : null, total: result.total };
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createTrip(ctx, body ?? {})));
