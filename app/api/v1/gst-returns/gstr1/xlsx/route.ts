// GET /api/v1/gst-returns/gstr1/xlsx?fp=MMYYYY — GSTR-1 as the offline tool's Excel workbook (streamed)
import { getGstr1Workbook } from "@/lib/reporting/gst/get-gstr1";
import { apiRoute } from "@/lib/http/route";
import { periodQuery } from "@/lib/reporting/gst/gst-returns.schemas";

export const GET = apiRoute(async ({ ctx, url }) => {
  const file = await getGstr1Workbook(ctx, periodQuery(url));
  return new Response(file.body, {
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "private, no-store" },
  });
});
