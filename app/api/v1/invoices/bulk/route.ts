// POST /api/v1/invoices/bulk — e-mail many invoices or request their IRNs, with a result per document
import { bulkInvoices } from "@/lib/billing/bulk-invoices";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, body }) => bulkInvoices(ctx, body ?? {}));
