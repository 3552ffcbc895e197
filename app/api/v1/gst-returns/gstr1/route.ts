// GET /api/v1/gst-returns/gstr1?fp=MMYYYY[&frequency=quarterly][&download=1] — GSTR-1 exactly as the offline tool imports it
import { getGstr1 } from "@/lib/reporting/gst/get-gstr1";
import { apiRoute } from "@/lib/http/route";
import { periodQuery } from "@/lib/reporting/gst/gst-returns.schemas";

export const GET = apiRoute(async ({ ctx, url }) => {
  const report = await getGstr1(ctx, periodQuery(url));
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "private, no-store" };
  if (url.searchParams.get("download") === "1") headers["content-disposition"] = `attachment; filename="GSTR1_${report.gstin}_${report.period.fp}.json"`;
  return new Response(JSON.stringify(report.json), { headers });
});
