// POST /api/v1/orders/{id}/invoice/preview — the order's tax invoice as it would be issued now (nothing is written)
import { previewOrderInvoice } from "@/lib/billing/preview-order-invoice";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => previewOrderInvoice(ctx, params.id, body ?? {}));
