import "server-only";
// Refunds of gateway payments, in the books. Whoever refunded (staff through the app, or someone in
// the gateway's dashboard), the payment's re-fetched `amount refunded` is the truth: what of it is
// not yet booked becomes one refund record (kind REFUND, method GATEWAY) funded from the payment's
// receipt — its unallocated part first, then given back from the invoices it had paid (newest first),
// which are open again by that much. Runs under the per-payment lock of applyPayment, so a refund is
// booked once however many events report it.
import { releaseFromReceipt, allocate } from "@/lib/billing/allocations";
import { REFUND_SERIES } from "@/lib/billing/record-refund";
import { fromPaise } from "@/lib/billing/paise";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/ctx";
import { prismaRunner } from "@/lib/db/sql-runner";
import { Prisma, type PaymentAttempt } from "@/lib/generated/prisma/client";
import { assignNumberLast, billingNumberWidth, provisionalNumber } from "@/lib/inventory/assign-number-last";
import { lockConnection } from "@/lib/orders/credit";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";

const D = Prisma.Decimal;

/** Books `paise` refunded on the attempt's payment; returns the refund's number (null when nothing to book). */
export async function bookGatewayRefund(ctx: Ctx, tx: Prisma.TransactionClient, attempt: PaymentAttempt, paise: bigint): Promise<string | null> {
  if (paise <= 0n || !attempt.paymentId) return null;
  const receipt = await tx.payment.findFirst({ where: { id: attempt.paymentId, companyId: attempt.companyId, kind: "RECEIPT" } });
  if (!receipt) return null;
  const connection = await lockConnection(tx, attempt.companyId, receipt.connectionId);
  if (!connection) return null;
  const amount = new D(fromPaise(paise));
  const fresh = await tx.payment.findUniqueOrThrow({ where: { id: receipt.id }, select: { amount: true, allocatedAmount: true } });
  const free = fresh.amount.minus(fresh.allocatedAmount);
  if (free.lt(amount)) await releaseFromReceipt(prismaRunner(tx), { companyId: attempt.companyId, paymentId: receipt.id, amount: amount.minus(free) });
  const today = istDay(ctx.now());
  const paidOn = dayToDbDate(today);
  // Numbered by the last statement (lib/inventory/assign-number-last.ts).
  const refund = await tx.payment.create({
    data: {
      companyId: attempt.companyId,
      number: provisionalNumber(),
      kind: "REFUND",
      connectionId: connection.id,
      retailerId: connection.retailerId,
      method: "GATEWAY",
      amount,
      paidOn,
      reference: attempt.gatewayPaymentId,
      notes: `Refunded at the payment gateway on ${attempt.gatewayPaymentId} (receipt ${receipt.number})`,
      recordedById: ctx.actor.userId,
    },
  });
  await allocate(prismaRunner(tx), { companyId: attempt.companyId, connectionId: connection.id, userId: ctx.actor.userId, source: { paymentId: receipt.id }, target: { refundId: refund.id }, amount });
  await recordAudit(ctx, tx, { action: "refund.recorded", entityType: "Payment", entityId: refund.id, companyId: attempt.companyId, retailerId: connection.retailerId, after: { number: refund.number, amount: amount.toFixed(2), method: "GATEWAY", gatewayPaymentId: attempt.gatewayPaymentId, receipt: receipt.number } });
  return assignNumberLast(prismaRunner(tx), { table: "Payment", id: refund.id, companyId: attempt.companyId, series: REFUND_SERIES, width: billingNumberWidth(REFUND_SERIES), date: paidOn, auditAction: "refund.recorded" });
}
