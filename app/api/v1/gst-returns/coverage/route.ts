// GET /api/v1/gst-returns/coverage?fp=MMYYYY — e-invoice and e-way bill coverage of the period
import { getGstCoverage } from "@/lib/reporting/gst/get-gst-coverage";
import { apiRoute } from "@/lib/http/route";
import { periodQuery } from "@/lib/reporting/gst/gst-returns.schemas";

export const GET = apiRoute(async ({ ctx, url }) => getGstCoverage(ctx, periodQuery(url)));
