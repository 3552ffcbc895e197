// POST /api/v1/shipments/{id}/book — book a READY shipment with a partner's courier (the partner is called by a job: 202 "booking…");
// GET — the booking's state (PENDING while booking, BOOKED with the AWB, FAILED with the reason);
// DELETE — cancel the booking before pickup (the partner is told by a job: 202 "cancelling…")
import { bookShipment, getShipmentBooking } from "@/lib/logistics/shipping/book";
import { cancelShipmentBooking } from "@/lib/logistics/shipping/cancel-booking";
import { apiRoute, Reply } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await bookShipment(ctx, params.id, body ?? {})));

export const GET = apiRoute(async ({ ctx, params }) => ({ booking: await getShipmentBooking(ctx, params.id) }));

export const DELETE = apiRoute(async ({ ctx, params }) => new Reply(202, await cancelShipmentBooking(ctx, params.id)));
