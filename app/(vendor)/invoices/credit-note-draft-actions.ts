"use server";
// Doors for the credit-note drafts on the invoice page (rules in lib/billing/pending-credit-notes.ts).
import { revalidatePath } from "next/cache";
import { dismissPendingCreditNote, issuePendingCreditNote, previewPendingCreditNote } from "@/lib/billing/pending-credit-notes";
import { runAction } from "@/lib/http/action";

export async function issueCreditNoteDraftAction(draftId: string) {
  const res = await runAction((ctx) => issuePendingCreditNote(ctx, String(draftId)));
  if (!res.ok) return res;
  revalidatePath("/invoices", "layout");
  return { ok: true as const, data: { id: res.data.id } };
}

/** The credit note the draft would issue, as it will read (nothing is written). */
export async function previewCreditNoteDraftAction(draftId: string) {
  return runAction((ctx) => previewPendingCreditNote(ctx, String(draftId)));
}

export async function dismissCreditNoteDraftAction(draftId: string) {
  const res = await runAction((ctx) => dismissPendingCreditNote(ctx, String(draftId)));
  if (!res.ok) return res;
  revalidatePath("/invoices", "layout");
  return { ok: true as const, data: { id: res.data.id } };
}
