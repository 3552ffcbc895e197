import "server-only";
// The one writer of Allocation rows and of the running totals they add up to (Invoice.settledAmount,
// Payment.allocatedAmount). An allocation matches money that came in (a receipt, a credit note) with
// what it pays off (an invoice or debit note) or with a refund of it. Every write is a conditional
// UPDATE that refuses to take a document past its total, so no race can over-allocate, and moves
// what the document holds open in OpenReceivables (open-receivables.ts) in the same transaction.
//
// Locking rule for all billing writes: lock the connection row first (lockConnection in
// lib/orders/credit.ts), then touch documents. One lock per retailer and vendor serializes the
// writers of one ledger, and nothing can deadlock on documents.
import { moveOpenReceivables, receivableOf, type InvoiceState, type PaymentState } from "@/lib/billing/open-receivables";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export type AllocationSource = { paymentId: string } | { creditNoteId: string };
export type AllocationTarget = { invoiceId: string } | { refundId: string };

type Scope = { companyId: string; connectionId: string; userId?: string | null };

/** Allocates `amount` from source to target; both must belong to the connection and have room. */
export async function allocate(tx: Tx, args: Scope & { source: AllocationSource; target: AllocationTarget; amount: Decimal | string }): Promise<void> {
  const amount = new D(args.amount);
  if (!amount.gt(0)) throw new AppError("validation", "An allocation must be more than zero", { fieldErrors: { amount: ["Must be more than zero"] } });
  if (amount.decimalPlaces() > 2) throw new AppError("validation", "Amounts have at most 2 decimals", { fieldErrors: { amount: ["At most 2 decimals"] } });
  await take(tx, args, "source", args.source, amount);
  await take(tx, args, "target", args.target, amount);
  await tx.allocation.create({
    data: {
      companyId: args.companyId,
      connectionId: args.connectionId,
      paymentId: "paymentId" in args.source ? args.source.paymentId : null,
      creditNoteId: "creditNoteId" in args.source ? args.source.creditNoteId : null,
      invoiceId: "invoiceId" in args.target ? args.target.invoiceId : null,
      refundId: "refundId" in args.target ? args.target.refundId : null,
      amount,
      createdById: args.userId ?? null,
    },
  });
}

/**
 * Undoes every allocation of one document, from either side (a voided payment, a cancelled invoice,
 * a reallocation), giving the amounts back to the other side. Returns the total released.
 */
export async function releaseAllocations(tx: Tx, args: { companyId: string; of: AllocationSource | AllocationTarget }): Promise<Decimal> {
  const rows = await tx.allocation.findMany({ where: { companyId: args.companyId, ...args.of } });
  let total = new D(0);
  for (const a of rows) {
    if (a.paymentId) await give(tx, "Payment", "allocatedAmount", a.paymentId, a.amount);
    if (a.creditNoteId) await give(tx, "Invoice", "settledAmount", a.creditNoteId, a.amount);
    if (a.invoiceId) await give(tx, "Invoice", "settledAmount", a.invoiceId, a.amount);
    if (a.refundId) await give(tx, "Payment", "allocatedAmount", a.refundId, a.amount);
    total = total.plus(a.amount);
  }
  if (rows.length) await tx.allocation.deleteMany({ where: { companyId: args.companyId, id: { in: rows.map((r) => r.id) } } });
  return total;
}

/**
 * Gives back up to `amount` of a receipt's allocations to invoices and debit notes, newest allocation
 * first (a gateway refund of money that had paid them: the documents are open again by that much).
 * Returns the amount released.
 */
export async function releaseFromReceipt(tx: Tx, args: { companyId: string; paymentId: string; amount: Decimal | string }): Promise<Decimal> {
  let left = new D(args.amount);
  const rows = await tx.allocation.findMany({ where: { companyId: args.companyId, paymentId: args.paymentId, invoiceId: { not: null } }, orderBy: { createdAt: "desc" } });
  let done = new D(0);
  for (const a of rows) {
    if (!left.gt(0)) break;
    const part = D.min(left, a.amount);
    await give(tx, "Payment", "allocatedAmount", args.paymentId, part);
    await give(tx, "Invoice", "settledAmount", a.invoiceId!, part);
    if (part.eq(a.amount)) await tx.allocation.delete({ where: { id: a.id } });
    else await tx.allocation.update({ where: { id: a.id }, data: { amount: a.amount.minus(part) } });
    left = left.minus(part);
    done = done.plus(part);
  }
  return done;
}

/**
 * Allocates what is left of a source to the connection's open invoices and debit notes, oldest
 * due first (then oldest issued, then number), up to `limit` if given. Returns the amount allocated.
 */
export async function allocateOldestFirst(tx: Tx, args: Scope & { source: AllocationSource; limit?: Decimal | string }): Promise<Decimal> {
  let left = await available(tx, args.companyId, args.source);
  if (args.limit !== undefined && new D(args.limit).lt(left)) left = new D(args.limit);
  let done = new D(0);
  if (!left.gt(0)) return done;
  const open = await tx.$queryRaw<{ id: string; open: Prisma.Decimal }[]>`
    SELECT id, "grandTotal" - "settledAmount" AS open FROM "Invoice"
    WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId} AND status = 'ISSUED'
      AND type IN ('INVOICE', 'DEBIT_NOTE') AND "settledAmount" < "grandTotal"
    ORDER BY "dueDate", "issueDate", number`;
  for (const inv of open) {
    if (!left.gt(0)) break;
    const amount = D.min(left, new D(inv.open));
    await allocate(tx, { ...args, target: { invoiceId: inv.id }, amount });
    left = left.minus(amount);
    done = done.plus(amount);
  }
  return done;
}

/**
 * Funds a refund from the connection's unapplied credit, oldest first: receipts not yet allocated,
 * then credit notes not yet applied. Refuses when the credit is smaller than the refund.
 */
export async function fundRefundOldestFirst(tx: Tx, args: Scope & { refundId: string; amount: Decimal | string }): Promise<void> {
  let left = new D(args.amount);
  const credits = await tx.$queryRaw<{ kind: "payment" | "credit_note"; id: string; open: Prisma.Decimal }[]>`
    SELECT 'payment' AS kind, id, amount - "allocatedAmount" AS open, "paidOn" AS day, number FROM "Payment"
    WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId} AND kind = 'RECEIPT' AND status = 'RECORDED' AND "allocatedAmount" < amount
    UNION ALL
    SELECT 'credit_note', id, "grandTotal" - "settledAmount", "issueDate", number FROM "Invoice"
    WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId} AND type = 'CREDIT_NOTE' AND status = 'ISSUED' AND "settledAmount" < "grandTotal"
    ORDER BY day, number`;
  const total = credits.reduce((s, c) => s.plus(c.open), new D(0));
  if (total.lt(left)) {
    throw new AppError("conflict", `The retailer has ₹${total.toFixed(2)} of unapplied credit; a refund cannot be more than that`, { details: { availableCredit: total.toFixed(2) } });
  }
  for (const c of credits) {
    if (!left.gt(0)) break;
    const amount = D.min(left, new D(c.open));
    const source: AllocationSource = c.kind === "payment" ? { paymentId: c.id } : { creditNoteId: c.id };
    await allocate(tx, { ...args, source, target: { refundId: args.refundId }, amount });
    left = left.minus(amount);
  }
}

/** What a source still has to allocate. */
export async function available(tx: Tx, companyId: string, source: AllocationSource): Promise<Decimal> {
  if ("paymentId" in source) {
    const p = await tx.payment.findFirst({ where: { id: source.paymentId, companyId, kind: "RECEIPT", status: "RECORDED" }, select: { amount: true, allocatedAmount: true } });
    return p ? p.amount.minus(p.allocatedAmount) : new D(0);
  }
  const n = await tx.invoice.findFirst({ where: { id: source.creditNoteId, companyId, type: "CREDIT_NOTE", status: "ISSUED" }, select: { grandTotal: true, settledAmount: true } });
  return n ? n.grandTotal.minus(n.settledAmount) : new D(0);
}

async function take(tx: Tx, scope: Scope, side: "source" | "target", doc: AllocationSource | AllocationTarget, amount: Decimal) {
  let rows: (InvoiceState | PaymentState)[];
  if ("paymentId" in doc || "refundId" in doc) {
    const id = "paymentId" in doc ? doc.paymentId : doc.refundId;
    const kind = "paymentId" in doc ? "RECEIPT" : "REFUND";
    rows = await tx.$queryRaw<PaymentState[]>`UPDATE "Payment" SET "allocatedAmount" = "allocatedAmount" + ${amount}, "updatedAt" = now()
      WHERE id = ${id} AND "companyId" = ${scope.companyId} AND "connectionId" = ${scope.connectionId} AND kind = ${kind}::"PaymentKind"
        AND status = 'RECORDED' AND "allocatedAmount" + ${amount} <= amount
      RETURNING ${paymentState}`;
  } else {
    const id = "creditNoteId" in doc ? doc.creditNoteId : doc.invoiceId;
    const types = "creditNoteId" in doc ? ["CREDIT_NOTE"] : ["INVOICE", "DEBIT_NOTE"];
    rows = await tx.$queryRaw<InvoiceState[]>`UPDATE "Invoice" SET "settledAmount" = "settledAmount" + ${amount}, "updatedAt" = now()
      WHERE id = ${id} AND "companyId" = ${scope.companyId} AND "connectionId" = ${scope.connectionId} AND type::text = ANY(${types})
        AND status = 'ISSUED' AND "settledAmount" + ${amount} <= "grandTotal"
      RETURNING ${invoiceState}`;
  }
  if (rows.length !== 1) {
    const what = side === "source" ? "The payment or credit note does not have that much left to allocate" : "That is more than is open on the document";
    throw new AppError("conflict", `${what} (₹${amount.toFixed(2)})`, { fieldErrors: { amount: [what] } });
  }
  await moveOpenReceivables(tx, receivableOf(withSettled(rows[0]!, amount.negated())), receivableOf(rows[0]!));
}

async function give(tx: Tx, table: "Payment" | "Invoice", column: "allocatedAmount" | "settledAmount", id: string, amount: Decimal) {
  const rows = await tx.$queryRaw<(InvoiceState | PaymentState)[]>`UPDATE ${Prisma.raw(`"${table}"`)} SET ${Prisma.raw(`"${column}"`)} = ${Prisma.raw(`"${column}"`)} - ${amount}, "updatedAt" = now() WHERE id = ${id}
    RETURNING ${table === "Invoice" ? invoiceState : paymentState}`;
  if (rows[0]) await moveOpenReceivables(tx, receivableOf(withSettled(rows[0], amount)), receivableOf(rows[0]));
}

const invoiceState = Prisma.sql`"companyId", "connectionId", type::text AS type, status::text AS status, "issueDate", "dueDate", "grandTotal", "settledAmount"`;
const paymentState = Prisma.sql`"companyId", "connectionId", kind::text AS kind, status::text AS status, "paidOn", amount, "allocatedAmount"`;

/** The row with its settled (allocated) amount `delta` higher: as it was before a change of −`delta`. */
function withSettled<T extends InvoiceState | PaymentState>(row: T, delta: Decimal): T {
  return "type" in row ? { ...row, settledAmount: new D(row.settledAmount).plus(delta) } : { ...row, allocatedAmount: new D(row.allocatedAmount).plus(delta) };
}
