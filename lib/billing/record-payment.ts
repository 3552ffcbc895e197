import "server-only";
// Recording money received from a retailer: a numbered receipt (RCT/25-26/000001), allocated in the
// same transaction oldest due first (default), by hand, or left on account as an advance.
// The connection row is locked first (the billing locking rule), so two receipts of one retailer
// never allocate against the same open amount at once.
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { allocateByHand } from "@/lib/billing/allocation-input";
import { allocateOldestFirst } from "@/lib/billing/allocations";
import { moveOpenReceivables, receivableOf } from "@/lib/billing/open-receivables";
import { loadPaymentView, type PaymentView } from "@/lib/billing/payment-views";
import { recordPaymentInput } from "@/lib/billing/payments.schemas";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { assignNumberLast, billingNumberWidth, provisionalNumber } from "@/lib/inventory/assign-number-last";
import { lockConnection } from "@/lib/orders/credit";
import { dayToDbDate, isCalendarDay, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";
import type { z } from "zod";

export async function recordPayment(ctx: Ctx, input: unknown): Promise<PaymentView> {
  assertCan(ctx.actor, "payments.write");
  const actor = ctx.actor;
  const data = parseInput(recordPaymentInput, input);
  assertPaidOn(data.paidOn, istDay(ctx.now()));
  const companyId = actor.companyId;

  try {
    const id = await ctx.db.$transaction(async (tx) => (await writeReceipt(ctx, tx, { companyId, userId: actor.userId, data })).id);
    return loadPaymentView(ctx.db, actor, id);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002" && data.gatewayPaymentId) {
      throw new AppError("conflict", "This gateway payment is already recorded", { fieldErrors: { gatewayPaymentId: ["Already recorded"] } });
    }
    throw err;
  }
}

export type ReceiptData = z.output<typeof recordPaymentInput>;

/**
 * Writes a receipt and its allocations inside the caller's transaction: recordPayment for staff, and
 * the gateway event job (lib/billing/gateway) for money a payment gateway reports. The input must be
 * parsed already and paidOn checked; the connection row is locked here.
 */
export async function writeReceipt(ctx: Ctx, tx: Prisma.TransactionClient, args: { companyId: string; userId: string | null; data: ReceiptData }): Promise<{ id: string; number: string; allocated: Prisma.Decimal }> {
  const { companyId, data } = args;
  const connection = await lockConnection(tx, companyId, data.connectionId);
  if (!connection) throw notFound("Retailer");
  const settings = await tx.billingSettings.findUnique({ where: { companyId }, select: { receiptSeries: true } });
  const series = settings?.receiptSeries ?? "RCT";
  const width = billingNumberWidth(series);
  const paidOn = dayToDbDate(data.paidOn);
  // Written under a provisional number; the receipt's own is taken by the transaction's last statement,
  // so the series' counter is not locked while the allocations are written (lib/inventory/assign-number-last.ts).
  const payment = await tx.payment.create({
    data: {
      companyId,
      number: provisionalNumber(),
      kind: "RECEIPT",
      connectionId: connection.id,
      retailerId: connection.retailerId,
      method: data.method,
      amount: data.amount,
      paidOn,
      reference: data.reference ?? null,
      bankName: data.bankName ?? null,
      notes: data.notes ?? null,
      gatewayProvider: data.gatewayProvider ?? null,
      gatewayPaymentId: data.gatewayPaymentId ?? null,
      recordedById: args.userId,
    },
  });
  await moveOpenReceivables(tx, null, receivableOf(payment));
  const scope = { companyId, connectionId: connection.id, userId: args.userId };
  let allocated = new Prisma.Decimal(0);
  if (data.allocations === "auto") allocated = await allocateOldestFirst(tx, { ...scope, source: { paymentId: payment.id } });
  else if (data.allocations !== "none") {
    allocated = await allocateByHand(tx, { ...scope, source: { paymentId: payment.id }, lines: data.allocations, available: payment.amount });
  }
  await recordAudit(ctx, tx, {
    action: "payment.recorded",
    entityType: "Payment",
    entityId: payment.id,
    companyId,
    retailerId: connection.retailerId,
    after: { number: payment.number, amount: data.amount, method: data.method, paidOn: data.paidOn, reference: data.reference, allocations: data.allocations, allocated: allocated.toFixed(2), gatewayPaymentId: data.gatewayPaymentId },
  });
  const number = await assignNumberLast(tx, { table: "Payment", id: payment.id, companyId, series, width, date: paidOn, auditAction: "payment.recorded" });
  return { id: payment.id, number, allocated };
}

/** A payment's day must be a real calendar day, not after today in India. */
export function assertPaidOn(day: string, today: string) {
  if (!isCalendarDay(day)) throw new AppError("validation", "Date is not a calendar day", { fieldErrors: { paidOn: ["Not a calendar day"] } });
  if (day > today) throw new AppError("validation", "The payment date cannot be in the future", { fieldErrors: { paidOn: ["Cannot be in the future"] } });
}
