// POST /api/v1/price-lists/{id}/default — make this the company's default price list
import { apiRoute } from "@/lib/http/route";
import { setDefaultPriceList } from "@/lib/pricing/price-lists";

export const POST = apiRoute(({ ctx, params }) => setDefaultPriceList(ctx, params.id));
