// GET /api/v1/payments — receipts and refunds with kind, method, retailer, day and text filters (staff: the company's; retailer: its own); POST — record a receipt
import { listPayments } from "@/lib/billing/list-payments";
import { recordPayment } from "@/lib/billing/record-payment";
import { encodeCursor, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

const filters = ["kind", "method", "connectionId", "vendorCode", "q", "from", "to", "sort"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const query = Object.fromEntries(filters.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  const result = await listPayments(ctx, { ...query, offset: p.offset, pageSize: p.limit });
  const next = p.offset + result.data.length;
  return { data: result.data, nextCursor: next < result.total ? encodeCursor({ o: next }) : null, total: result.total };
});

export const POST = apiRoute(async ({ ctx, body }) => created(await recordPayment(ctx, body ?? {})));
