// POST /api/v1/invoices/{id}/cancel — cancel an issued invoice or note (e-invoiced: within 24 hours of the IRN)
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => cancelInvoice(ctx, params.id, body ?? {}));
