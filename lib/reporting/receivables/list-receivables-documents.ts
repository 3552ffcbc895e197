import "server-only";
// The documents behind a receivables figure (its drill-down, GET /api/v1/reports/receivables/documents):
// kind=payments lists the recorded receipts and refunds behind a collections figure (refunds
// negative; their sum is the net collected), kind=sales the issued invoices, debit notes and credit
// notes behind the credit sales of a DSO figure (credit notes negative). Newest first, with the
// sum of every matching document. reports.read + billing.read.
import { paymentMethodLabels } from "@/lib/billing/payments.schemas";
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InvoiceType, PaymentKind, PaymentMethod } from "@/lib/generated/prisma/enums";
import { readRange } from "@/lib/reporting/sales/get-sales-report";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { pickReceivablesFilters } from "./get-collections";
import { receivablesDocumentsInput, type ReceivablesFilterValues } from "./receivables.schemas";

export type ReceivablesDocument = {
  id: string;
  kind: "payment" | "invoice";
  type: PaymentKind | InvoiceType;
  number: string;
  date: string;
  retailer: string;
  connectionId: string;
  method: string | null;
  reference: string | null;
  /** Signed: refunds and credit notes negative. */
  amount: string;
  href: string;
};
export type ReceivablesDocuments = {
  kind: "payments" | "sales";
  from: string;
  to: string;
  filters: ReceivablesFilterValues;
  data: ReceivablesDocument[];
  total: number;
  /** payments: received − refunded; sales: invoices + debit notes − credit notes. */
  totals: { amount: string; documents: number };
};

type Row = { id: string; type: PaymentKind | InvoiceType; number: string; day: Date; retailer: string; connectionId: string; method: PaymentMethod | null; reference: string | null; amount: Prisma.Decimal };

export async function listReceivablesDocuments(ctx: Ctx, input: unknown): Promise<ReceivablesDocuments> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "receivables");
  const q = readRange(parseInput(receivablesDocumentsInput, input));
  const companyId = ctx.actor.companyId;
  const filters = pickReceivablesFilters(q);
  const payments = q.kind === "payments";
  if (!payments && q.method) throw new AppError("validation", "method narrows payments only", { fieldErrors: { method: ["Only with kind=payments"] } });
  const where = [Prisma.sql`d."companyId" = ${companyId}`];
  if (filters.connectionId) where.push(Prisma.sql`d."connectionId" = ${filters.connectionId}`);
  const docs = payments
    ? Prisma.sql`
        SELECT d.id, d.kind::text AS type, d.number, d."paidOn" AS day, coalesce(r."tradeName", r."legalName") AS retailer, d."connectionId", d.method, d.reference,
               CASE WHEN d.kind = 'REFUND' THEN -d.amount ELSE d.amount END AS amount
        FROM "Payment" d JOIN "Retailer" r ON r.id = d."retailerId"
        WHERE ${Prisma.join(where, " AND ")} AND d.status = 'RECORDED' AND d."paidOn" BETWEEN ${q.from}::date AND ${q.to}::date
          ${filters.method ? Prisma.sql`AND d.method = ${filters.method}::"PaymentMethod"` : Prisma.empty}`
    : Prisma.sql`
        SELECT d.id, d.type::text AS type, d.number, d."issueDate" AS day, d."buyerName" AS retailer, d."connectionId", NULL::"PaymentMethod" AS method, NULL::text AS reference,
               CASE WHEN d.type = 'CREDIT_NOTE' THEN -d."grandTotal" ELSE d."grandTotal" END AS amount
        FROM "Invoice" d
        WHERE ${Prisma.join(where, " AND ")} AND d.status = 'ISSUED' AND d."issueDate" BETWEEN ${q.from}::date AND ${q.to}::date`;
  const [rows, [sums]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`WITH docs AS (${docs}) SELECT * FROM docs ORDER BY day DESC, number DESC LIMIT ${q.pageSize} OFFSET ${q.offset}`,
    ctx.db.$queryRaw<{ n: number; amount: Prisma.Decimal | null }[]>`WITH docs AS (${docs}) SELECT count(*)::int AS n, sum(amount) AS amount FROM docs`,
  ]);
  return {
    kind: q.kind,
    from: q.from,
    to: q.to,
    filters: payments ? filters : { ...(filters.connectionId ? { connectionId: filters.connectionId } : {}) },
    total: sums?.n ?? 0,
    totals: { amount: new Prisma.Decimal(sums?.amount ?? 0).toFixed(2), documents: sums?.n ?? 0 },
    data: rows.map((r) => ({
      id: r.id,
      kind: payments ? "payment" : "invoice",
      type: r.type,
      number: r.number,
      date: r.day.toISOString().slice(0, 10),
      retailer: r.retailer,
      connectionId: r.connectionId,
      method: r.method ? paymentMethodLabels[r.method] : null,
      reference: r.reference,
      amount: new Prisma.Decimal(r.amount).toFixed(2),
      href: payments ? `/payments/${r.id}` : `/invoices/${r.id}`,
    })),
  };
}
