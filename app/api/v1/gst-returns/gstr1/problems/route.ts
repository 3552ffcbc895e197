// GET /api/v1/gst-returns/gstr1/problems?fp=MMYYYY — the validator's findings (document and line named), the tie-out to the books and the section summary
import { getGstr1 } from "@/lib/reporting/gst/get-gstr1";
import { apiRoute } from "@/lib/http/route";
import { periodQuery } from "@/lib/reporting/gst/gst-returns.schemas";

export const GET = apiRoute(async ({ ctx, url }) => {
  const r = await getGstr1(ctx, periodQuery(url));
  return { fp: r.period.fp, period: r.period, gstin: r.gstin, turnover: r.turnover, hsnDigits: r.hsnDigits, errors: r.problems.filter((p) => p.level === "error").length, problems: r.problems, tieOut: r.tieOut, sections: r.sections };
});
