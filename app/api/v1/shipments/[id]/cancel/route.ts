// POST /api/v1/shipments/{id}/cancel — cancel a READY shipment (its orders stay packed)
import { cancelShipment } from "@/lib/logistics/shipments/cancel-shipment";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => cancelShipment(ctx, params.id, body ?? {}));
