// POST /api/v1/price-quotes — what a retailer pays per product for a quantity on a day (staff or the retailer itself)
import { apiRoute } from "@/lib/http/route";
import { quotePrices } from "@/lib/pricing/quote-prices";

export const POST = apiRoute(({ ctx, body }) => quotePrices(ctx, body ?? {}));
