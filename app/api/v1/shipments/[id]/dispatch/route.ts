// POST /api/v1/shipments/{id}/dispatch — a READY shipment leaves the warehouse; its orders are dispatched (a taxable supply needs its invoice: 409)
import { dispatchShipment } from "@/lib/logistics/shipments/dispatch-shipment";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => dispatchShipment(ctx, params.id, body ?? {}));
