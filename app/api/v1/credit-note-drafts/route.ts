// GET /api/v1/credit-note-drafts — credit notes drafted by short or refused deliveries (pending by default; ?invoiceId=, ?status=)
import { listPendingCreditNotes } from "@/lib/billing/pending-credit-notes";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => ({ data: await listPendingCreditNotes(ctx, { invoiceId: url.searchParams.get("invoiceId") ?? undefined, status: url.searchParams.get("status") ?? undefined }) }));
