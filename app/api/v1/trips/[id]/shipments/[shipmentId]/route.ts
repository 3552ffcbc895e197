// DELETE /api/v1/trips/{id}/shipments/{shipmentId} — take a shipment off a draft or scheduled trip
import { removeShipmentFromTrip } from "@/lib/logistics/trips/remove-shipment-from-trip";
import { apiRoute } from "@/lib/http/route";

export const DELETE = apiRoute(({ ctx, params, body }) => removeShipmentFromTrip(ctx, params.id, params.shipmentId, body ?? {}));
