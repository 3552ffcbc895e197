// POST /api/v1/trips/{id}/start — SCHEDULED → IN_TRANSIT: every shipment dispatched (invoices required); warnings for expired papers
import { startTrip } from "@/lib/logistics/trips/start-trip";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => startTrip(ctx, params.id, body ?? {}));
