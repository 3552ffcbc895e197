// POST /api/v1/credit-notes/{id}/apply — apply what is left of a credit note to the retailer's open invoices (by hand or oldest first)
import { applyCreditNote } from "@/lib/billing/allocate-payment";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => applyCreditNote(ctx, params.id, body ?? {}));
