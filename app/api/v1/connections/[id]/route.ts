// PATCH /api/v1/connections/{id} — change a retailer's terms (customer code, credit limit, payment terms, shipping, place of supply)
import { apiRoute } from "@/lib/http/route";
import { updateConnectionTerms } from "@/lib/network/connections";

export const PATCH = apiRoute(({ ctx, params, body }) => updateConnectionTerms(ctx, params.id, body ?? {}));
