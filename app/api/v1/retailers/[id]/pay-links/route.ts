// POST /api/v1/retailers/{id}/pay-links — a pay link for the retailer's whole outstanding ({id} = connection id); paid → one receipt allocated oldest-due-first
// GET  /api/v1/retailers/{id}/pay-links — the connection's whole-outstanding pay links with their payments
import { createOutstandingPayLink, listOutstandingPayLinks } from "@/lib/billing/gateway/create-outstanding-pay-link";
import { apiRoute, created } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => created(await createOutstandingPayLink(ctx, params.id, body ?? {})));
export const GET = apiRoute(async ({ ctx, params }) => ({ data: await listOutstandingPayLinks(ctx, params.id) }));
