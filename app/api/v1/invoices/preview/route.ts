// POST /api/v1/invoices/preview — a direct tax invoice as it would be issued now (nothing is written)
import { previewInvoice } from "@/lib/billing/preview-invoice";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, body }) => (await previewInvoice(ctx, body)).document);
