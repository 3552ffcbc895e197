// POST /api/v1/credit-note-drafts/{id}/dismiss — dismiss a credit-note draft (no note issued)
import { dismissPendingCreditNote } from "@/lib/billing/pending-credit-notes";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

export const POST = apiRoute(async ({ ctx, params, body }) => {
  parseInput(z.strictObject({}), body ?? {});
  return dismissPendingCreditNote(ctx, params.id);
});
