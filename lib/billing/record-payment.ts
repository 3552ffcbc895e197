import "server-only";
// Recording money received from a retailer: a numbered receipt (RCT/25-26/000001), allocated in the
// same transaction oldest due first (default), by hand, or left on account as an advance.
// The connection row is locked first (the billing locking rule), so two receipts of one retailer
// never allocate against the same open amount at once.
import { assertCan } from "@/lib/auth/permissions";
import { recordAuditOn } from "@/lib/audit/record-audit";
import { allocateByHand } from "@/lib/billing/allocation-input";
import { allocateOldestFirst } from "@/lib/billing/allocations";
import { addToOpenReceivablesSql } from "@/lib/billing/open-receivables";
import { loadPaymentView, type PaymentView } from "@/lib/billing/payment-views";
import { recordPaymentInput } from "@/lib/billing/payments.schemas";
import type { Ctx } from "@/lib/ctx";
import { isPgError } from "@/lib/db/pg-error";
import { rowId } from "@/lib/db/row-id";
import { sqlTransaction, type SqlTx } from "@/lib/db/sql-tx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { assignNumberLast, billingNumberWidth, provisionalNumber } from "@/lib/inventory/assign-number-last";
import { lockConnectionOn } from "@/lib/orders/credit";
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
    const id = await sqlTransaction(ctx.db, async (t) => (await writeReceipt(ctx, t, { companyId, userId: actor.userId, data })).id);
    return loadPaymentView(ctx.db, actor, id);
  } catch (err) {
    if (data.gatewayPaymentId && isPgError(err, "23505", "gatewayPaymentId")) {
      throw new AppError("conflict", "This gateway payment is already recorded", { fieldErrors: { gatewayPaymentId: ["Already recorded"] } });
    }
    throw err;
  }
}

export type ReceiptData = z.output<typeof recordPaymentInput>;

/**
 * Writes a receipt and its allocations inside the caller's transaction (t: lib/db/sql-tx.ts): recordPayment
 * for staff, and the gateway event job (lib/billing/gateway) for money a payment gateway reports. The
 * input must be parsed already and paidOn checked. Its statements:
 *
 *   lock      the retailer's connection row (the billing locking rule)
 *   write     the receipt under a provisional number, and the credit it holds open (OpenReceivables),
 *             with the company's receipt series
 *   allocate  oldest due first in one statement (allocateOldestFirst), or by hand, or none
 *   audit     the audit row, with what was allocated
 *   number    the receipt's own number, the transaction's last statement: the series' counter is not
 *             locked while the allocations are written (lib/inventory/assign-number-last.ts)
 */
export async function writeReceipt(ctx: Ctx, t: SqlTx, args: { companyId: string; userId: string | null; data: ReceiptData }): Promise<{ id: string; number: string; allocated: Prisma.Decimal }> {
  const { companyId, data } = args;
  const connection = await lockConnectionOn(t.run, companyId, data.connectionId);
  if (!connection) throw notFound("Retailer");
  const id = rowId();
  const number = provisionalNumber();
  const [written] = await t.run.query<{ series: string | null }>(writeReceiptSql, [
    id,
    companyId,
    number,
    connection.id,
    connection.retailerId,
    data.method,
    new Prisma.Decimal(data.amount).toFixed(2),
    data.paidOn,
    data.reference ?? null,
    data.bankName ?? null,
    data.notes ?? null,
    data.gatewayProvider ?? null,
    data.gatewayPaymentId ?? null,
    args.userId,
  ]);
  const series = written!.series ?? "RCT";
  const scope = { companyId, connectionId: connection.id, userId: args.userId };
  let allocated = new Prisma.Decimal(0);
  if (data.allocations === "auto") allocated = await allocateOldestFirst(t.run, { ...scope, source: { paymentId: id } });
  else if (data.allocations !== "none") {
    allocated = await allocateByHand(t.run, { ...scope, source: { paymentId: id }, lines: data.allocations, available: new Prisma.Decimal(data.amount) });
  }
  await recordAuditOn(ctx, t.run, {
    action: "payment.recorded",
    entityType: "Payment",
    entityId: id,
    companyId,
    retailerId: connection.retailerId,
    after: { number, amount: data.amount, method: data.method, paidOn: data.paidOn, reference: data.reference, allocations: data.allocations, allocated: allocated.toFixed(2), gatewayPaymentId: data.gatewayPaymentId },
  });
  const paidOn = dayToDbDate(data.paidOn);
  const taken = await assignNumberLast(t.run, { table: "Payment", id, companyId, series, width: billingNumberWidth(series), date: paidOn, auditAction: "payment.recorded" });
  return { id, number: taken, allocated };
}

/**
 * $1 id  $2 company  $3 provisional number  $4 connection  $5 retailer  $6 method  $7 amount  $8 paid on
 * $9 reference  $10 bank  $11 notes  $12 gateway  $13 gateway payment id  $14 recorded by. The receipt, and
 * what it holds open as written (open-receivables.ts's receivableOf: all of it, on its day); answers the
 * company's receipt series.
 */
const writeReceiptSql = `
WITH p AS (
  INSERT INTO "Payment" (id, "companyId", number, kind, "connectionId", "retailerId", method, amount, "paidOn", reference, "bankName", notes,
                         "gatewayProvider", "gatewayPaymentId", "recordedById", "updatedAt")
  VALUES ($1::text, $2::text, $3::text, 'RECEIPT', $4::text, $5::text, $6::"PaymentMethod", $7::numeric, $8::date, $9::text, $10::text, $11::text,
          $12::text, $13::text, $14::text, now())
  RETURNING "companyId", "connectionId", "paidOn", amount
),
r AS (
  INSERT INTO "OpenReceivables" ("companyId", kind, day, "connectionId", amount, documents)
  SELECT p."companyId", 'CREDIT'::"ReceivableKind", p."paidOn", p."connectionId", p.amount, 1 FROM p
  ${addToOpenReceivablesSql}
  RETURNING 1
)
SELECT (SELECT "receiptSeries" FROM "BillingSettings" WHERE "companyId" = $2::text) AS series FROM p`;

/** A payment's day must be a real calendar day, not after today in India. */
export function assertPaidOn(day: string, today: string) {
  if (!isCalendarDay(day)) throw new AppError("validation", "Date is not a calendar day", { fieldErrors: { paidOn: ["Not a calendar day"] } });
  if (day > today) throw new AppError("validation", "The payment date cannot be in the future", { fieldErrors: { paidOn: ["Cannot be in the future"] } });
}
