// GET /api/v1/me/vendors/{code}/ledger/pdf — my statement of account with a vendor as a PDF (?from&to)
import { getMyLedger } from "@/lib/billing/get-ledger";
import { statementFilename } from "@/lib/billing/pdf-filename";
import { pdfResponse, wantsDownload } from "@/lib/billing/pdf-response";
import { apiRoute } from "@/lib/http/route";
import { renderPdf } from "@/lib/pdf/render-pool";

export const GET = apiRoute(async ({ ctx, params, url }) => {
  const ledger = await getMyLedger(ctx, params.code, { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  const filename = statementFilename(ledger.vendor.code, ledger.from, ledger.to);
  return pdfResponse(await renderPdf("statement", ledger), filename, { download: wantsDownload(url) });
});
