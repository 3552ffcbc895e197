// GET /api/v1/receivables/ageing — open amounts per retailer by days past due, unapplied credit and company totals (?asOf&q&sort&page&pageSize)
import { getAgeing } from "@/lib/billing/get-ageing";
import { apiRoute } from "@/lib/http/route";

const params = ["asOf", "q", "sort", "page", "pageSize"] as const;

export const GET = apiRoute(({ ctx, url }) => getAgeing(ctx, Object.fromEntries(params.map((k) => [k, url.searchParams.get(k) ?? undefined]))));
