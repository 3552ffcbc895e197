// POST /api/v1/eway-bills/{id}/extend — extend the validity (EXTENDVALIDITY) from 8 hours before to 8 hours after expiry; queued for the e-way bill system (202)
import { apiRoute, Reply } from "@/lib/http/route";
import { extendValidity } from "@/lib/logistics/ewaybills/ewaybill-actions";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await extendValidity(ctx, params.id, body ?? {})));
