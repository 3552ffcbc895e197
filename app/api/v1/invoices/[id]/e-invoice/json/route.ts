// GET /api/v1/invoices/{id}/e-invoice/json — the IRP JSON (schema 1.1) as it would be sent, with its problems in words
import { getEInvoiceJson } from "@/lib/billing/einvoice/get-einvoice-json";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getEInvoiceJson(ctx, params.id));
