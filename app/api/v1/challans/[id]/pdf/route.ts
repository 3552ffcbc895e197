// GET /api/v1/challans/{id}/pdf — the delivery challan as a PDF (inline; ?download=1 for an attachment)
import { pdfResponse, wantsDownload } from "@/lib/billing/pdf-response";
import { apiRoute } from "@/lib/http/route";
import { getChallanPdf } from "@/lib/logistics/challans/get-challan-pdf";

export const GET = apiRoute(async ({ ctx, params, url }) => {
  const pdf = await getChallanPdf(ctx, params.id);
  return pdfResponse(pdf.bytes, pdf.filename, { download: wantsDownload(url) });
});
