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
  // A capped total is a lower bound: a full page may have more behind it.
  const more = next < result.total || (result.totalIsCapped && result.data.length === p.limit);
  return { data: result.data, nextCursor: more ? encodeCursor({ o: next }) : null, total: result.total, totalIsCapped: result.totalIsCapped, counts: result.counts, countsCapped: result.countsCapped };
});

export const POST = apiRoute(async ({ ctx, body }) => created(await issueInvoice(ctx, body ?? {})));
