// GET /api/v1/gst-returns/gstr3b?fp=MMYYYY — GSTR-3B tables 3.1 and 3.2 with the documents behind every figure
import { getGstr3b } from "@/lib/reporting/gst/get-gstr3b";
import { apiRoute } from "@/lib/http/route";
import { periodQuery } from "@/lib/reporting/gst/gst-returns.schemas";

export const GET = apiRoute(async ({ ctx, url }) => getGstr3b(ctx, periodQuery(url)));
