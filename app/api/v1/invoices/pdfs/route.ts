// GET /api/v1/invoices/pdfs — the PDFs of the invoices list under its filters (or of ?ids=…) as one streamed ZIP
import { apiRoute } from "@/lib/http/route";
import { zipInvoicePdfs } from "@/lib/billing/zip-invoice-pdfs";

export const GET = apiRoute(async ({ ctx, url }) => {
  const zip = await zipInvoicePdfs(ctx, Object.fromEntries(url.searchParams));
  return new Response(zip.body, {
    headers: {
      "content-type": zip.contentType,
      "content-disposition": `attachment; filename="${zip.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "x-document-count": String(zip.documents),
    },
  });
});
