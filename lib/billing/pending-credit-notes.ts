import "server-only";
// Credit-note drafts from short or refused deliveries (lib/logistics/driver/record-driver-update.ts):
// the accountant sees them on the invoice page and issues one with a click through the existing
// credit-note function (the draft is marked issued in the note's own transaction), or dismisses it.
import { recordAudit, recordAuditOn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { issueCreditNote } from "@/lib/billing/issue-note";
import type { InvoiceView } from "@/lib/billing/invoice-views";
import type { DocumentPreview } from "@/lib/billing/document-preview";
import { previewNote } from "@/lib/billing/preview-note";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import type { PendingCreditNoteStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

export type PendingCreditNoteView = { id: string; invoiceId: string; orderId: string; status: PendingCreditNoteStatus; reason: string; lines: { originalLineId: string; quantity: string; name: string }[]; issuedNoteId: string | null; createdAt: string };

const listInput = z.strictObject({ invoiceId: z.string().trim().max(64).optional(), status: z.enum(["PENDING", "ISSUED", "DISMISSED"]).optional() });

export async function listPendingCreditNotes(ctx: Ctx, input: unknown = {}): Promise<PendingCreditNoteView[]> {
  assertCan(ctx.actor, "billing.read");
  const q = parseInput(listInput, input ?? {});
  const rows = await ctx.db.pendingCreditNote.findMany({ where: { companyId: ctx.actor.companyId, ...(q.invoiceId ? { invoiceId: q.invoiceId } : {}), status: q.status ?? "PENDING" }, orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map((r) => ({ id: r.id, invoiceId: r.invoiceId, orderId: r.orderId, status: r.status, reason: r.reason, lines: r.lines as PendingCreditNoteView["lines"], issuedNoteId: r.issuedNoteId, createdAt: r.createdAt.toISOString() }));
}

/** Issues the draft as a RETURN credit note on its invoice; the draft is marked issued in the same transaction. */
export async function issuePendingCreditNote(ctx: Ctx, draftId: string): Promise<InvoiceView> {
  assertCan(ctx.actor, "billing.write");
  const actor = ctx.actor;
  const { draft, input } = await pendingDraftOrThrow(ctx, ctx.actor.companyId, draftId);
  return issueCreditNote(ctx, draft.invoiceId, input, {
    inTx: async (t, note) => {
      const n = await t.run.query(
        `UPDATE "PendingCreditNote" SET status = 'ISSUED', "issuedNoteId" = $3::text, "decidedById" = $4::text, "decidedAt" = $5::timestamptz
         WHERE id = $1::text AND "companyId" = $2::text AND status = 'PENDING' RETURNING id`,
        [draft.id, actor.companyId, note.id, actor.userId, ctx.now()],
      );
      if (n.length !== 1) throw new AppError("conflict", "This credit note draft was issued or dismissed meanwhile");
      await recordAuditOn(ctx, t.run, { action: "credit_note_draft.issue", entityType: "PendingCreditNote", entityId: draft.id, companyId: actor.companyId, after: { note: note.number } });
    },
  });
}

/** The credit note a draft would issue, as it will read (shown in the confirm step before issuing it). */
export async function previewPendingCreditNote(ctx: Ctx, draftId: string): Promise<DocumentPreview> {
  assertCan(ctx.actor, "billing.write");
  const { draft, input } = await pendingDraftOrThrow(ctx, ctx.actor.companyId, draftId);
  return previewNote(ctx, draft.invoiceId, "CREDIT_NOTE", input);
}

/** A pending draft of the actor's company and the credit note input it stands for (a RETURN of the missing quantities). */
async function pendingDraftOrThrow(ctx: Ctx, companyId: string, draftId: string) {
  const draft = await ctx.db.pendingCreditNote.findFirst({ where: { id: String(draftId), companyId } });
  if (!draft) throw notFound("Credit note draft");
  if (draft.status !== "PENDING") throw new AppError("invalid_transition", `This credit note draft was already ${draft.status.toLowerCase()}`, { details: { currentState: draft.status } });
  const lines = (draft.lines as PendingCreditNoteView["lines"]).map((l) => ({ originalLineId: l.originalLineId, quantity: l.quantity }));
  return { draft, input: { reason: "RETURN" as const, lines, notes: draft.reason } };
}

export async function dismissPendingCreditNote(ctx: Ctx, draftId: string): Promise<PendingCreditNoteView> {
  assertCan(ctx.actor, "billing.write");
  const actor = ctx.actor;
  return ctx.db.$transaction(async (tx) => {
    const n = await tx.pendingCreditNote.updateMany({ where: { id: String(draftId), companyId: actor.companyId, status: "PENDING" }, data: { status: "DISMISSED", decidedById: actor.userId, decidedAt: ctx.now() } });
    const row = await tx.pendingCreditNote.findFirst({ where: { id: String(draftId), companyId: actor.companyId } });
    if (!row) throw notFound("Credit note draft");
    if (n.count !== 1) throw new AppError("invalid_transition", `This credit note draft was already ${row.status.toLowerCase()}`, { details: { currentState: row.status } });
    await recordAudit(ctx, tx, { action: "credit_note_draft.dismiss", entityType: "PendingCreditNote", entityId: row.id, companyId: actor.companyId, after: { status: "DISMISSED" } });
    return { id: row.id, invoiceId: row.invoiceId, orderId: row.orderId, status: row.status, reason: row.reason, lines: row.lines as PendingCreditNoteView["lines"], issuedNoteId: row.issuedNoteId, createdAt: row.createdAt.toISOString() };
  });
}
