// POST /api/v1/trips/{id}/shipments — load READY shipments onto the trip (one stop per consignee address)
import { addShipmentsToTrip } from "@/lib/logistics/trips/add-shipments-to-trip";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => addShipmentsToTrip(ctx, params.id, body ?? {}));
