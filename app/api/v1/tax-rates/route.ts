// GET /api/v1/tax-rates — dated GST rates by HSN prefix (the company's own and the published schedule); POST — add a company rate
import { addTaxRate, listTaxRates } from "@/lib/billing/tax-rates";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => ({ data: await listTaxRates(ctx, { q: url.searchParams.get("q") ?? undefined, scope: url.searchParams.get("scope") ?? undefined }) }));

export const POST = apiRoute(async ({ ctx, body }) => created(await addTaxRate(ctx, body ?? {})));
