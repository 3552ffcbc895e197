// GET /api/v1/me/business/location — the retailer's shop pin and receiving hours; PUT — set them (owner only)
import { apiRoute } from "@/lib/http/route";
import { getMyShopLocation, setMyShopLocation } from "@/lib/logistics/geo/delivery-location";

export const GET = apiRoute(({ ctx }) => getMyShopLocation(ctx));
export const PUT = apiRoute(({ ctx, body }) => setMyShopLocation(ctx, body ?? {}));
