import "server-only";
// Voiding a payment that did not happen after all (a bounced cheque, a mistyped receipt): it stays
// in the list as VOIDED with the reason, its allocations are released (the invoices it paid are
// open again) and it leaves the ledger. A receipt that funded a refund cannot be voided while the
// refund stands: the money was paid back out of it.
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { releaseAllocations } from "@/lib/billing/allocations";
import { moveOpenReceivables, receivableOf } from "@/lib/billing/open-receivables";
import { loadPaymentView, type PaymentView } from "@/lib/billing/payment-views";
import { voidPaymentInput } from "@/lib/billing/payments.schemas";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { lockConnection } from "@/lib/orders/credit";
import { parseInput } from "@/lib/validation";
import { prismaRunner } from "@/lib/db/sql-runner";

export async function voidPayment(ctx: Ctx, paymentId: string, input: unknown): Promise<PaymentView> {
  assertCan(ctx.actor, "payments.write");
  const actor = ctx.actor;
  const data = parseInput(voidPaymentInput, input ?? {});
  const companyId = actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    const head = await tx.payment.findFirst({ where: { id: String(paymentId), companyId }, select: { connectionId: true } });
    if (!head) throw notFound("Payment");
    await lockConnection(tx, companyId, head.connectionId);
    const payment = await tx.payment.findFirstOrThrow({
      where: { id: paymentId, companyId },
      include: { allocationsOut: { where: { refundId: { not: null } }, include: { refund: { select: { number: true } } } } },
    });
    if (payment.status === "VOIDED") throw new AppError("invalid_transition", `${payment.number} is already voided`, { details: { currentState: "VOIDED" } });
    if (payment.kind === "RECEIPT" && payment.allocationsOut.length) {
      const refunds = [...new Set(payment.allocationsOut.map((a) => a.refund!.number))].join(", ");
      throw new AppError("conflict", `${payment.number} funded refund ${refunds}: the money was paid back out of it. Void the refund first, then this receipt.`, { details: { refunds } });
    }
    const released = await releaseAllocations(prismaRunner(tx), { companyId, of: payment.kind === "RECEIPT" ? { paymentId } : { refundId: paymentId } });
    const before = await tx.payment.findFirstOrThrow({ where: { id: paymentId, companyId } });
    await tx.payment.update({ where: { id: paymentId, companyId }, data: { status: "VOIDED", voidedAt: ctx.now(), voidReason: data.reason } });
    await moveOpenReceivables(prismaRunner(tx), receivableOf(before), null);
    await recordAudit(ctx, tx, {
      action: payment.kind === "RECEIPT" ? "payment.voided" : "refund.voided",
      entityType: "Payment",
      entityId: paymentId,
      companyId,
      retailerId: payment.retailerId,
      before: { status: "RECORDED", allocatedAmount: payment.allocatedAmount.toFixed(2) },
      after: { status: "VOIDED", reason: data.reason, released: released.toFixed(2) },
    });
  });
  return loadPaymentView(ctx.db, actor, paymentId);
}
