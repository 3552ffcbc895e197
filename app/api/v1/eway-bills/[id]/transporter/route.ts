// POST /api/v1/eway-bills/{id}/transporter — change the transporter (UPDATETRANSPORTER); queued for the e-way bill system (202)
import { apiRoute, Reply } from "@/lib/http/route";
import { updateTransporter } from "@/lib/logistics/ewaybills/ewaybill-actions";

export const POST = apiRoute(async ({ ctx, params, body }) => new Reply(202, await updateTransporter(ctx, params.id, body ?? {})));
