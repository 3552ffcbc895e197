// GET /api/v1/challans/{id}/pdf — the delivery challan as a PDF (inline; ?download=1 for an attachment), rendered once and stored; ETag / If-None-Match → 304
import { storedPdfResponse } from "@/lib/billing/pdf-response";
import { apiRoute } from "@/lib/http/route";
import { getChallanPdf } from "@/lib/logistics/challans/get-challan-pdf";

export const GET = apiRoute(async ({ ctx, params, req, url }) => storedPdfResponse(await getChallanPdf(ctx, params.id, { ifNoneMatch: req.headers.get("if-none-match") }), url));
