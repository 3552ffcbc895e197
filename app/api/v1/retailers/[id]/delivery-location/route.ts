// GET /api/v1/retailers/{id}/delivery-location — this vendor's pin and receiving hours for the retailer,
// the retailer's own, and what deliveries use; PUT — set the vendor's ({id} is the connection id)
import { apiRoute } from "@/lib/http/route";
import { getDeliveryLocation, setDeliveryLocation } from "@/lib/logistics/geo/delivery-location";

export const GET = apiRoute(({ ctx, params }) => getDeliveryLocation(ctx, params.id));
export const PUT = apiRoute(({ ctx, params, body }) => setDeliveryLocation(ctx, params.id, body ?? {}));
