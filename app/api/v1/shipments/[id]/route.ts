// GET /api/v1/shipments/{id} — one shipment with its orders, carrier, LR, trip and tracking events
import { getShipmentOrThrow } from "@/lib/logistics/shipments/get-shipment-or-throw";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getShipmentOrThrow(ctx, params.id));
