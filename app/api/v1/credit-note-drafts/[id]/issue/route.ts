// POST /api/v1/credit-note-drafts/{id}/issue — issue the draft as a RETURN credit note on its invoice
import { issuePendingCreditNote } from "@/lib/billing/pending-credit-notes";
import { apiRoute, created } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

export const POST = apiRoute(async ({ ctx, params, body }) => {
  parseInput(z.strictObject({}), body ?? {});
  return created(await issuePendingCreditNote(ctx, params.id));
});
