import "server-only";
// Changing what a receipt pays, and applying a credit note to open invoices. A receipt's
// allocation is replaced as a whole: its invoice allocations are released, then the new list (or
// oldest-first) is allocated — all in one transaction under the connection lock. What a receipt
// gave to refunds stays with those refunds (it is released and put back first, unchanged).
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { allocateByHand } from "@/lib/billing/allocation-input";
import { allocate, allocateOldestFirst, available, releaseAllocations } from "@/lib/billing/allocations";
import { loadPaymentView, type PaymentView } from "@/lib/billing/payment-views";
import { allocatePaymentInput, applyCreditNoteInput } from "@/lib/billing/payments.schemas";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { lockConnection } from "@/lib/orders/credit";
import { dbDateToDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";
import { prismaRunner } from "@/lib/db/sql-runner";

export async function allocatePayment(ctx: Ctx, paymentId: string, input: unknown): Promise<PaymentView> {
  assertCan(ctx.actor, "payments.write");
  const actor = ctx.actor;
  const data = parseInput(allocatePaymentInput, input);
  const companyId = actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    const run = prismaRunner(tx);
    const head = await tx.payment.findFirst({ where: { id: String(paymentId), companyId }, select: { connectionId: true } });
    if (!head) throw notFound("Payment");
    await lockConnection(tx, companyId, head.connectionId);
    const payment = await tx.payment.findFirstOrThrow({ where: { id: paymentId, companyId }, include: { allocationsOut: true } });
    if (payment.kind !== "RECEIPT") throw new AppError("conflict", "A refund is funded when it is recorded; only receipts are allocated");
    if (payment.status !== "RECORDED") throw new AppError("conflict", "This payment is voided");
    const scope = { companyId, connectionId: payment.connectionId, userId: actor.userId };
    const before = payment.allocationsOut.map((a) => ({ invoiceId: a.invoiceId, refundId: a.refundId, amount: a.amount.toFixed(2) }));
    await releaseAllocations(run, { companyId, of: { paymentId } });
    for (const a of payment.allocationsOut) {
      if (a.refundId) await allocate(run, { ...scope, source: { paymentId }, target: { refundId: a.refundId }, amount: a.amount });
    }
    if (data.allocations === "auto") await allocateOldestFirst(run, { ...scope, source: { paymentId } });
    else await allocateByHand(run, { ...scope, source: { paymentId }, lines: data.allocations, available: await available(run, companyId, { paymentId }) });
    await recordAudit(ctx, tx, { action: "payment.allocated", entityType: "Payment", entityId: paymentId, companyId, retailerId: payment.retailerId, before, after: { allocations: data.allocations } });
  });
  return loadPaymentView(ctx.db, actor, paymentId);
}

export type CreditNoteApplication = {
  creditNoteId: string;
  number: string;
  grandTotal: string;
  applied: string;
  unapplied: string;
  allocations: { invoiceId: string | null; refundId: string | null; documentNumber: string; documentDate: string; amount: string }[];
};

/** Applies what is left of an issued credit note to other open invoices of the same retailer (by hand, or oldest due first). */
export async function applyCreditNote(ctx: Ctx, creditNoteId: string, input: unknown): Promise<CreditNoteApplication> {
  assertCan(ctx.actor, "payments.write");
  const actor = ctx.actor;
  const data = parseInput(applyCreditNoteInput, input ?? {});
  const companyId = actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    const run = prismaRunner(tx);
    const head = await tx.invoice.findFirst({ where: { id: String(creditNoteId), companyId, type: "CREDIT_NOTE" }, select: { connectionId: true } });
    if (!head) throw notFound("Credit note");
    await lockConnection(tx, companyId, head.connectionId);
    const note = await tx.invoice.findFirstOrThrow({ where: { id: creditNoteId, companyId } });
    if (note.status !== "ISSUED") throw new AppError("conflict", "This credit note is cancelled");
    const left = await available(run, companyId, { creditNoteId });
    if (!left.gt(0)) throw new AppError("conflict", `Credit note ${note.number} is fully applied`);
    const scope = { companyId, connectionId: note.connectionId, userId: actor.userId };
    const done =
      data.allocations === "auto"
        ? await allocateOldestFirst(run, { ...scope, source: { creditNoteId } })
        : await allocateByHand(run, { ...scope, source: { creditNoteId }, lines: data.allocations, available: left });
    if (!done.gt(0)) throw new AppError("conflict", "The retailer has no open invoices to apply this credit note to");
    await recordAudit(ctx, tx, { action: "credit_note.applied", entityType: "Invoice", entityId: creditNoteId, companyId, retailerId: note.retailerId, after: { allocations: data.allocations, applied: done.toFixed(2) } });
  });
  const note = await ctx.db.invoice.findFirstOrThrow({
    where: { id: creditNoteId, companyId },
    include: { allocationsOut: { include: { invoice: { select: { number: true, issueDate: true } }, refund: { select: { number: true, paidOn: true } } }, orderBy: { createdAt: "asc" } } },
  });
  return {
    creditNoteId: note.id,
    number: note.number,
    grandTotal: note.grandTotal.toFixed(2),
    applied: note.settledAmount.toFixed(2),
    unapplied: note.grandTotal.minus(note.settledAmount).toFixed(2),
    allocations: note.allocationsOut.map((a) => ({
      invoiceId: a.invoiceId,
      refundId: a.refundId,
      documentNumber: a.invoice?.number ?? a.refund?.number ?? "",
      documentDate: dbDateToDay(a.invoice?.issueDate ?? a.refund?.paidOn ?? null) ?? "",
      amount: a.amount.toFixed(2),
    })),
  };
}
