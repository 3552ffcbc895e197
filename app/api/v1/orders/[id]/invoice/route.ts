// POST /api/v1/orders/{id}/invoice — issue the tax invoice of a packed, dispatched or delivered order (everything left, or named line quantities)
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { apiRoute, created } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => created(await invoiceOrder(ctx, params.id, body ?? {})));
