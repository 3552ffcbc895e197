// POST /api/v1/invoices/{id}/credit-notes/preview — a credit note as it would be issued now (nothing is written)
import { previewNote } from "@/lib/billing/preview-note";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => previewNote(ctx, params.id, "CREDIT_NOTE", body ?? {}));
