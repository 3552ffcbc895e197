// GET /api/v1/invoices/{id}/pdf — the invoice or note as a PDF (inline; ?download=1 for an attachment), served from storage with an ETag
import { storedPdfResponse } from "@/lib/billing/pdf-response";
import { getStoredInvoicePdf } from "@/lib/billing/stored-invoice-pdf";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params, url, req }) => storedPdfResponse(await getStoredInvoicePdf(ctx, params.id, { ifNoneMatch: req.headers.get("if-none-match") }), url));
