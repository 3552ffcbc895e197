// GET /api/v1/retailers/{id}/ledger/pdf — a connected retailer's statement of account as a PDF (?from&to; {id} is the connection id)
import { getLedger } from "@/lib/billing/get-ledger";
import { statementFilename } from "@/lib/billing/pdf-filename";
import { pdfResponse, wantsDownload } from "@/lib/billing/pdf-response";
import { apiRoute } from "@/lib/http/route";
import { renderPdf } from "@/lib/pdf/render-pool";

export const GET = apiRoute(async ({ ctx, params, url }) => {
  const ledger = await getLedger(ctx, { connectionId: params.id, from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  const filename = statementFilename(ledger.retailer.customerCode ?? ledger.retailer.name, ledger.from, ledger.to);
  return pdfResponse(await renderPdf("statement", ledger), filename, { download: wantsDownload(url) });
});
