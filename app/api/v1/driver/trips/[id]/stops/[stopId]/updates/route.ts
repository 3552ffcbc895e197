// POST /api/v1/driver/trips/{id}/stops/{stopId}/updates — arrive, deliver (POD), partly deliver, refused or not home; idempotent by clientUpdateId
import { recordDriverUpdate } from "@/lib/logistics/driver/record-driver-update";
import { apiRoute } from "@/lib/http/route";

// A signature and a photo as base64 (2 MB each at most).
export const POST = apiRoute(({ ctx, params, body }) => recordDriverUpdate(ctx, params.id, params.stopId, body ?? {}), { maxBytes: 6 * 1024 * 1024 });
