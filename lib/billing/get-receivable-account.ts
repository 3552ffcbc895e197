import "server-only";
// One retailer's account as the payment, allocation and refund forms need it: the open invoices and
// debit notes (oldest due first, the order auto allocation follows), the unapplied credit (receipts
// on account, credit notes not applied) and the ledger balance.
import { assertCan } from "@/lib/auth/permissions";
import { getOutstanding } from "@/lib/billing/outstanding";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { dbDateToDay } from "@/lib/pricing/dates";

export type OpenDocument = { id: string; number: string; type: "INVOICE" | "DEBIT_NOTE"; issueDate: string; dueDate: string; grandTotal: string; open: string };
export type CreditSource = { kind: "receipt" | "credit_note"; id: string; number: string; date: string; total: string; open: string };

export type ReceivableAccount = {
  connectionId: string;
  retailer: { id: string; name: string; customerCode: string | null };
  creditLimit: string;
  paymentTermsDays: number;
  outstanding: string;
  openDocuments: OpenDocument[];
  credits: CreditSource[];
  unappliedCredit: string;
};

/**
 * `reallocating`: a receipt about to be reallocated — its invoice allocations count as released, so
 * the invoices it pays show as open by that much (the reallocation form starts from there).
 */
export async function getReceivableAccount(ctx: Ctx, connectionId: string, opts: { reallocating?: string } = {}): Promise<ReceivableAccount> {
  assertCan(ctx.actor, "billing.read");
  const companyId = ctx.actor.companyId;
  if (typeof connectionId !== "string" || !connectionId || connectionId.length > 64) throw notFound("Retailer");
  const connection = await ctx.db.connection.findFirst({ where: { id: connectionId, companyId }, include: { retailer: { select: { id: true, legalName: true, tradeName: true } } } });
  if (!connection) throw notFound("Retailer");
  const [docs, receipts, notes, outstanding] = await Promise.all([
    ctx.db.invoice.findMany({
      where: {
        companyId,
        connectionId,
        status: "ISSUED",
        type: { in: ["INVOICE", "DEBIT_NOTE"] },
        OR: [{ settledAmount: { lt: ctx.db.invoice.fields.grandTotal } }, ...(opts.reallocating ? [{ allocationsIn: { some: { paymentId: opts.reallocating } } }] : [])],
      },
      include: { allocationsIn: { where: { paymentId: opts.reallocating ?? "" }, select: { amount: true } } },
      orderBy: [{ dueDate: "asc" }, { issueDate: "asc" }, { number: "asc" }],
      take: 500,
    }),
    ctx.db.payment.findMany({ where: { companyId, connectionId, kind: "RECEIPT", status: "RECORDED", allocatedAmount: { lt: ctx.db.payment.fields.amount } }, orderBy: [{ paidOn: "asc" }, { number: "asc" }] }),
    ctx.db.invoice.findMany({ where: { companyId, connectionId, type: "CREDIT_NOTE", status: "ISSUED", settledAmount: { lt: ctx.db.invoice.fields.grandTotal } }, orderBy: [{ issueDate: "asc" }, { number: "asc" }] }),
    getOutstanding(ctx.db, { companyId, connectionId }),
  ]);
  const credits: CreditSource[] = [
    ...receipts.map((p) => ({ kind: "receipt" as const, id: p.id, number: p.number, date: dbDateToDay(p.paidOn)!, total: p.amount.toFixed(2), open: p.amount.minus(p.allocatedAmount).toFixed(2) })),
    ...notes.map((n) => ({ kind: "credit_note" as const, id: n.id, number: n.number, date: dbDateToDay(n.issueDate)!, total: n.grandTotal.toFixed(2), open: n.grandTotal.minus(n.settledAmount).toFixed(2) })),
  ].sort((a, b) => (a.date === b.date ? a.number.localeCompare(b.number) : a.date.localeCompare(b.date)));
  const unapplied = [...receipts.map((p) => p.amount.minus(p.allocatedAmount)), ...notes.map((n) => n.grandTotal.minus(n.settledAmount))].reduce((s, v) => s.plus(v), new Prisma.Decimal(0));
  return {
    connectionId,
    retailer: { id: connection.retailer.id, name: connection.retailer.tradeName ?? connection.retailer.legalName, customerCode: connection.customerCode },
    creditLimit: connection.creditLimit.toFixed(2),
    paymentTermsDays: connection.paymentTermsDays,
    outstanding,
    openDocuments: docs.map((d) => ({
      id: d.id,
      number: d.number,
      type: d.type as "INVOICE" | "DEBIT_NOTE",
      issueDate: dbDateToDay(d.issueDate)!,
      dueDate: dbDateToDay(d.dueDate)!,
      grandTotal: d.grandTotal.toFixed(2),
      open: d.grandTotal.minus(d.settledAmount).plus(d.allocationsIn.reduce((t, a) => t.plus(a.amount), new Prisma.Decimal(0))).toFixed(2),
    })),
    credits,
    unappliedCredit: unapplied.toFixed(2),
  };
}
