// POST /api/v1/invoices/{id}/e-invoice — (re)queue the document for the IRP (not reported yet, or failed)
import { requestEInvoice } from "@/lib/billing/einvoice/request-einvoice";
import { apiRoute, Reply } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params }) => new Reply(202, await requestEInvoice(ctx, params.id)));
