// GET /api/v1/invoices/{id} — one invoice, credit note or debit note: parties, lines, GST, totals, payment and e-invoice status, notes issued against it, the caller's actions
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getInvoiceOrThrow(ctx, params.id));
