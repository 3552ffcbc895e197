// GET /api/v1/invoices/{id}/pdf — the invoice or note as a PDF (inline; ?download=1 for an attachment)
import { getInvoicePdf } from "@/lib/billing/get-invoice-pdf";
import { pdfResponse, wantsDownload } from "@/lib/billing/pdf-response";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params, url }) => {
  const pdf = await getInvoicePdf(ctx, params.id);
  return pdfResponse(pdf.bytes, pdf.filename, { download: wantsDownload(url) });
});
