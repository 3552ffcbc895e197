// POST /api/v1/invoices/{id}/debit-notes/preview — a debit note as it would be issued now (nothing is written)
import { previewNote } from "@/lib/billing/preview-note";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => previewNote(ctx, params.id, "DEBIT_NOTE", body ?? {}));
