// GET /api/v1/orders — orders with status, retailer, date, amount and text filters (staff: the company's; retailer: its own); POST — place an order
import { encodeCursor, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";
import { listOrders } from "@/lib/orders/list-orders";
import { placeOrder } from "@/lib/orders/place-order";
import { placedOrderReply } from "@/lib/orders/placed-order-reply";

const filters = ["status", "q", "connectionId", "vendorCode", "from", "to", "minTotal", "maxTotal", "sort"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const query = Object.fromEntries(filters.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  const result = await listOrders(ctx, { ...query, offset: p.offset, pageSize: p.limit });
  const next = p.offset + result.data.length;
  // A capped total is a lower bound: a full page may have more behind it.
  const more = result.data.length === p.limit && (next < result.total || result.totalIsCapped);
  return { data: result.data, nextCursor: more ? encodeCursor({ o: next }) : null, total: result.total, totalIsCapped: result.totalIsCapped, counts: result.counts };
});

export const POST = apiRoute(async ({ ctx, actor, req, body }) => {
  // Retailers ordering with an access token are the API (mobile app, their systems); with a browser session, the portal.
  const source = actor.kind === "staff" ? "STAFF" : req.headers.has("authorization") ? "API" : "PORTAL";
  return created(await placeOrder(ctx, body ?? {}, { source }));
}, { answerCommitted: placedOrderReply }); // a retry taking over the key of a request that died after the commit gets that order
