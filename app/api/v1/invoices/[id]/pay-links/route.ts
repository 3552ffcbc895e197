// POST /api/v1/invoices/{id}/pay-links — make (or, for a retailer's Pay now, reuse) a pay link for an invoice or debit note
// GET  /api/v1/invoices/{id}/pay-links — the document's pay links with their payments
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { listInvoicePayLinks } from "@/lib/billing/gateway/list-invoice-pay-links";
import { apiRoute, created } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => created(await createPayLink(ctx, params.id, body ?? {})));
export const GET = apiRoute(async ({ ctx, params }) => ({ data: await listInvoicePayLinks(ctx, params.id) }));
