// GET /api/v1/shipments/{id}/events — the shipment's tracking history, oldest first; POST — add an event (staff)
import { addTrackingEvent } from "@/lib/logistics/shipments/add-tracking-event";
import { getShipmentOrThrow } from "@/lib/logistics/shipments/get-shipment-or-throw";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params }) => ({ data: (await getShipmentOrThrow(ctx, params.id)).events }));

export const POST = apiRoute(async ({ ctx, params, body }) => created(await addTrackingEvent(ctx, params.id, body ?? {})));
