// GET /api/v1/receivables/ageing — open amounts per retailer by days past due, unapplied credit and company totals (?asOf&q&sort&page&pageSize; ?format=csv for every retailer as a CSV file)
import { ageingCsv } from "@/lib/billing/ageing-csv";
import { getAgeing } from "@/lib/billing/get-ageing";
import { apiRoute } from "@/lib/http/route";

const params = ["asOf", "q", "sort", "page", "pageSize"] as const;

export const GET = apiRoute(async ({ ctx, url }) => {
  const query = Object.fromEntries(params.map((k) => [k, url.searchParams.get(k) ?? undefined]));
  if (url.searchParams.get("format") !== "csv") return getAgeing(ctx, query);
  const { csv, filename } = await ageingCsv(ctx, { asOf: query.asOf, q: query.q, sort: query.sort });
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" } });
});
