// POST /api/v1/invoices/{id}/debit-notes — issue a debit note against an invoice (short-billed quantity or value)
import { issueDebitNote } from "@/lib/billing/issue-note";
import { apiRoute, created } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => created(await issueDebitNote(ctx, params.id, body ?? {})));
