// POST /api/v1/eway-bills/shipments/{shipmentId} — e-way bills for every document of a shipment that needs one
import { apiRoute, Reply } from "@/lib/http/route";
import { generateEwayBillsForShipment } from "@/lib/logistics/ewaybills/request-eway-bill";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await generateEwayBillsForShipment(ctx, params.shipmentId, body ?? {})));
