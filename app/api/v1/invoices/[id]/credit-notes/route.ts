// POST /api/v1/invoices/{id}/credit-notes — issue a credit note against an invoice (returns, discounts, rate differences), applied at once to its open amount
import { issueCreditNote } from "@/lib/billing/issue-note";
import { apiRoute, created } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => created(await issueCreditNote(ctx, params.id, body ?? {})));
