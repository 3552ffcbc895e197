// GET /api/v1/invoices — invoices, credit and debit notes with type, status, payment, e-invoice, date and text filters (staff: the company's; retailer: its own); POST — issue a direct invoice
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { listInvoices } from "@/lib/billing/list-invoices";
import { encodeCursor, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

const filters = ["type", "status", "payment", "connectionId", "vendorCode", "orderId", "q", "from", "to", "eInvoiceStatus", "sort"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const query = Object.fromEntries(filters.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  const result = await listInvoices(ctx, { ...query, offset: p.offset, pageSize: p.limit });
  const next = p.offset + result.data.length;
  return { data: result.data, nextCursor: next < result.total ? encodeCursor({ o: next }) : null, total: result.total, counts: result.counts };
});

export const POST = apiRoute(async ({ ctx, body }) => created(await issueInvoice(ctx, body ?? {})));
