import "server-only";
// Paying back credit the retailer has not used: an advance (a receipt not allocated) or a credit
// note not applied. The refund is a Payment of kind REFUND (numbered RFD/25-26/000001), funded in
// the same transaction from named sources or oldest credit first, so a refund never exceeds the
// credit. A refund cannot be dated before the credit it pays back (the ledger and the ageing of any
// past day then still agree, see ageing-sql.ts).
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { allocate, fundRefundOldestFirst } from "@/lib/billing/allocations";
import { loadPaymentView, type PaymentView } from "@/lib/billing/payment-views";
import { recordRefundInput } from "@/lib/billing/payments.schemas";
import { assertPaidOn } from "@/lib/billing/record-payment";
import type { Ctx } from "@/lib/ctx";
import { prismaRunner } from "@/lib/db/sql-runner";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatINR } from "@/lib/format";
import { assignNumberLast, billingNumberWidth, provisionalNumber } from "@/lib/inventory/assign-number-last";
import { lockConnection } from "@/lib/orders/credit";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

const D = Prisma.Decimal;
/** Refunds have their own series so receipt numbers stay a gapless run of money received. */
export const REFUND_SERIES = "RFD";

export async function recordRefund(ctx: Ctx, input: unknown): Promise<PaymentView> {
  assertCan(ctx.actor, "payments.write");
  const actor = ctx.actor;
  const data = parseInput(recordRefundInput, input);
  assertPaidOn(data.paidOn, istDay(ctx.now()));
  const companyId = actor.companyId;
  const amount = new D(data.amount);

  const id = await ctx.db.$transaction(async (tx) => {
    const connection = await lockConnection(tx, companyId, data.connectionId);
    if (!connection) throw notFound("Retailer");
    const [credit] = await tx.$queryRaw<{ total: string; byDay: string }[]>`
      SELECT coalesce(sum(open), 0)::text AS total, coalesce(sum(open) FILTER (WHERE day <= ${data.paidOn}::date), 0)::text AS "byDay" FROM (
        SELECT amount - "allocatedAmount" AS open, "paidOn" AS day FROM "Payment"
        WHERE "companyId" = ${companyId} AND "connectionId" = ${connection.id} AND kind = 'RECEIPT' AND status = 'RECORDED'
        UNION ALL
        SELECT "grandTotal" - "settledAmount", "issueDate" FROM "Invoice"
        WHERE "companyId" = ${companyId} AND "connectionId" = ${connection.id} AND type = 'CREDIT_NOTE' AND status = 'ISSUED'
      ) c`;
    if (amount.gt(credit.total)) {
      throw new AppError("conflict", `The retailer has ${formatINR(credit.total)} of unapplied credit; a refund cannot be more than that`, {
        fieldErrors: { amount: [`At most ${formatINR(credit.total)} (unapplied credit)`] },
        details: { availableCredit: new D(credit.total).toFixed(2) },
      });
    }
    if (!data.sources && amount.gt(credit.byDay)) {
      throw new AppError("validation", `Only ${formatINR(credit.byDay)} of the credit existed on ${data.paidOn}; a refund cannot be dated before the credit it pays back`, { fieldErrors: { paidOn: ["Before the credit it pays back"] } });
    }
    const paidOn = dayToDbDate(data.paidOn);
    // Numbered by the transaction's last statement (lib/inventory/assign-number-last.ts).
    const refund = await tx.payment.create({
      data: {
        companyId,
        number: provisionalNumber(),
        kind: "REFUND",
        connectionId: connection.id,
        retailerId: connection.retailerId,
        method: data.method,
        amount,
        paidOn,
        reference: data.reference ?? null,
        bankName: data.bankName ?? null,
        notes: data.notes ?? null,
        recordedById: actor.userId,
      },
    });
    const scope = { companyId, connectionId: connection.id, userId: actor.userId };
    if (data.sources) {
      const sum = data.sources.reduce((s, x) => s.plus(x.amount), new D(0));
      if (!sum.eq(amount)) throw new AppError("validation", `The sources add up to ${formatINR(sum)}, not the refund's ${formatINR(amount)}`, { fieldErrors: { sources: ["Must add up to the amount"] } });
      for (const [i, s] of data.sources.entries()) {
        const source = s.paymentId ? { paymentId: s.paymentId } : { creditNoteId: s.creditNoteId! };
        const day = s.paymentId
          ? (await tx.payment.findFirst({ where: { id: s.paymentId, companyId, connectionId: connection.id, kind: "RECEIPT", status: "RECORDED" }, select: { paidOn: true } }))?.paidOn
          : (await tx.invoice.findFirst({ where: { id: s.creditNoteId, companyId, connectionId: connection.id, type: "CREDIT_NOTE", status: "ISSUED" }, select: { issueDate: true } }))?.issueDate;
        if (!day) throw new AppError("validation", "Not a receipt or credit note of this retailer", { fieldErrors: { [`sources.${i}`]: ["Not a receipt or credit note of this retailer"] } });
        if (day > paidOn) throw new AppError("validation", "A refund cannot be dated before the credit it pays back", { fieldErrors: { [`sources.${i}`]: ["Dated after the refund"] } });
        await allocate(prismaRunner(tx), { ...scope, source, target: { refundId: refund.id }, amount: s.amount });
      }
    } else {
      await fundRefundOldestFirst(prismaRunner(tx), { ...scope, refundId: refund.id, amount });
    }
    await recordAudit(ctx, tx, {
      action: "refund.recorded",
      entityType: "Payment",
      entityId: refund.id,
      companyId,
      retailerId: connection.retailerId,
      after: { number: refund.number, amount: amount.toFixed(2), method: data.method, paidOn: data.paidOn, reference: data.reference, sources: data.sources ?? "oldest_first" },
    });
    await assignNumberLast(prismaRunner(tx), { table: "Payment", id: refund.id, companyId, series: REFUND_SERIES, width: billingNumberWidth(REFUND_SERIES), date: paidOn, auditAction: "refund.recorded" });
    return refund.id;
  });
  return loadPaymentView(ctx.db, actor, id);
}
