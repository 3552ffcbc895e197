// GET /api/v1/eway-bills — e-way bills with status, expiring (within 8 hours), shipment and text filters; POST — ask for an e-way bill of an invoice, challan or shipment
import { encodeCursor, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, Reply } from "@/lib/http/route";
import { listEwayBills } from "@/lib/logistics/ewaybills/ewaybill-views";
import { requestEwayBill } from "@/lib/logistics/ewaybills/request-eway-bill";

const filters = ["q", "status", "expiring", "shipmentId"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const query = Object.fromEntries(filters.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  const result = await listEwayBills(ctx, { ...query, offset: p.offset, pageSize: p.limit });
  const next = p.offset + result.data.length;
  return { data: result.data, nextCursor: next < result.total ? encodeCursor({ o: next }) : null, total: result.total, expiringCount: result.expiringCount };
});

export const POST = apiRoute(async ({ ctx, body }) => new Reply(202, await requestEwayBill(ctx, body ?? {})));
