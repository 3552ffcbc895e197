// POST /api/v1/shipments/{id}/book — book a READY shipment with a partner's courier (the partner is called by a job: 202 "booking…");
// GET — the booking's state (PENDING while booking, BOOKED with the AWB, FAILED with the reason)
import { bookShipment, getShipmentBooking } from "@/lib/logistics/shipping/book";
import { apiRoute, Reply } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await bookShipment(ctx, params.id, body ?? {})));

export const GET = apiRoute(async ({ ctx, params }) => ({ booking: await getShipmentBooking(ctx, params.id) }));
