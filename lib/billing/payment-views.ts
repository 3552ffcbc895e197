import "server-only";
// What the screens and the API show of a payment: the receipt or refund, what it settled (or what
// funded it) and what is left on account. Amounts are decimal strings, days "YYYY-MM-DD".
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { invoiceScope } from "@/lib/billing/invoice-access";
import { notFound } from "@/lib/errors";
import { revive } from "@/lib/db/revive";
import { runnerFor } from "@/lib/db/sql-runner";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentKind, PaymentMethod, PaymentStatus } from "@/lib/generated/prisma/enums";
import { dbDateToDay } from "@/lib/pricing/dates";

type Db = PrismaClient | Tx;

export type PaymentAllocationView = {
  id: string;
  /** The other side: the invoice/debit note a receipt settled, the refund it funded, or (for a refund) the receipt/credit note that funded it. */
  documentId: string;
  documentNumber: string;
  documentType: "INVOICE" | "DEBIT_NOTE" | "CREDIT_NOTE" | "RECEIPT" | "REFUND";
  documentDate: string;
  amount: string;
  createdAt: string;
};

export type PaymentView = {
  id: string;
  number: string;
  kind: PaymentKind;
  status: PaymentStatus;
  method: PaymentMethod;
  amount: string;
  allocatedAmount: string;
  /** Receipts: still on account (an advance). Refunds: always "0.00". */
  unallocatedAmount: string;
  paidOn: string;
  reference: string | null;
  bankName: string | null;
  notes: string | null;
  gatewayProvider: string | null;
  gatewayPaymentId: string | null;
  connectionId: string;
  retailer: { id: string; name: string; customerCode: string | null };
  vendor: { code: string; name: string };
  allocations: PaymentAllocationView[];
  voidedAt: string | null;
  voidReason: string | null;
  /** Recorded, and (receipts) has not funded a refund. */
  canVoid: boolean;
  createdAt: string;
};

export type PaymentListItem = Pick<PaymentView, "id" | "number" | "kind" | "status" | "method" | "amount" | "unallocatedAmount" | "paidOn" | "reference" | "connectionId" | "retailer" | "vendor">;

const docSelect = { select: { id: true, number: true, type: true, issueDate: true } } as const;
const paySelect = { select: { id: true, number: true, kind: true, paidOn: true } } as const;

export const paymentViewArgs = {
  include: {
    retailer: { select: { id: true, legalName: true, tradeName: true } },
    connection: { select: { customerCode: true } },
    company: { select: { code: true, legalName: true, tradeName: true } },
    allocationsOut: { include: { invoice: docSelect, refund: paySelect }, orderBy: { createdAt: "asc" } },
    allocationsIn: { include: { payment: paySelect, creditNote: docSelect }, orderBy: { createdAt: "asc" } },
  },
} satisfies Prisma.PaymentDefaultArgs;

type PaymentRow = Prisma.PaymentGetPayload<typeof paymentViewArgs>;

export function toPaymentView(p: PaymentRow): PaymentView {
  const allocations: PaymentAllocationView[] = [];
  for (const a of p.allocationsOut) {
    const doc = a.invoice
      ? { documentId: a.invoice.id, documentNumber: a.invoice.number, documentType: a.invoice.type, documentDate: dbDateToDay(a.invoice.issueDate)! }
      : { documentId: a.refund!.id, documentNumber: a.refund!.number, documentType: "REFUND" as const, documentDate: dbDateToDay(a.refund!.paidOn)! };
    allocations.push({ id: a.id, ...doc, amount: a.amount.toFixed(2), createdAt: a.createdAt.toISOString() });
  }
  for (const a of p.allocationsIn) {
    const doc = a.payment
      ? { documentId: a.payment.id, documentNumber: a.payment.number, documentType: "RECEIPT" as const, documentDate: dbDateToDay(a.payment.paidOn)! }
      : { documentId: a.creditNote!.id, documentNumber: a.creditNote!.number, documentType: "CREDIT_NOTE" as const, documentDate: dbDateToDay(a.creditNote!.issueDate)! };
    allocations.push({ id: a.id, ...doc, amount: a.amount.toFixed(2), createdAt: a.createdAt.toISOString() });
  }
  const fundedRefund = p.allocationsOut.some((a) => a.refundId);
  return {
    ...listFields(p),
    allocatedAmount: p.allocatedAmount.toFixed(2),
    bankName: p.bankName,
    notes: p.notes,
    gatewayProvider: p.gatewayProvider,
    gatewayPaymentId: p.gatewayPaymentId,
    allocations,
    voidedAt: p.voidedAt?.toISOString() ?? null,
    voidReason: p.voidReason,
    canVoid: p.status === "RECORDED" && !fundedRefund,
    createdAt: p.createdAt.toISOString(),
  };
}

type ListRow = Pick<PaymentRow, "id" | "number" | "kind" | "status" | "method" | "amount" | "allocatedAmount" | "paidOn" | "reference" | "connectionId" | "retailerId"> & {
  retailer: { id: string; legalName: string; tradeName: string | null };
  connection: { customerCode: string | null };
  company: { code: string; legalName: string; tradeName: string | null };
};

export function listFields(p: ListRow): PaymentListItem {
  return {
    id: p.id,
    number: p.number,
    kind: p.kind,
    status: p.status,
    method: p.method,
    amount: p.amount.toFixed(2),
    unallocatedAmount: p.kind === "RECEIPT" && p.status === "RECORDED" ? p.amount.minus(p.allocatedAmount).toFixed(2) : "0.00",
    paidOn: dbDateToDay(p.paidOn)!,
    reference: p.reference,
    connectionId: p.connectionId,
    retailer: { id: p.retailer.id, name: p.retailer.tradeName ?? p.retailer.legalName, customerCode: p.connection.customerCode },
    vendor: { code: p.company.code, name: p.company.tradeName ?? p.company.legalName },
  };
}

/** One payment the actor may see (staff: billing.read, the company's; a retailer: its own), else not_found. */
export async function loadPaymentView(db: Db, actor: Actor, paymentId: string): Promise<PaymentView> {
  if (typeof paymentId !== "string" || !paymentId || paymentId.length > 64) throw notFound("Payment");
  const scope = invoiceScope(actor);
  const [row] = await runnerFor(db).query<PaymentViewJson>(paymentViewSql, [paymentId, "companyId" in scope ? scope.companyId : null, "retailerId" in scope ? scope.retailerId : null]);
  if (!row) throw notFound("Payment");
  return toPaymentView(revivePayment(row));
}

/**
 * The payment ($1) in a company's ($2) or a retailer's ($3) scope as JSON, with what paymentViewArgs
 * includes (its retailer, connection, company and allocations each way with the other side), in one
 * statement: the ORM's include took nine.
 */
export const paymentViewSql = `
WITH p AS MATERIALIZED (
  SELECT * FROM "Payment" WHERE id = $1::text AND ("companyId" = $2::text OR "retailerId" = $3::text)
)
SELECT to_jsonb(p) AS payment,
  (SELECT json_build_object('id', r.id, 'legalName', r."legalName", 'tradeName', r."tradeName") FROM "Retailer" r WHERE r.id = p."retailerId") AS retailer,
  (SELECT json_build_object('customerCode', c."customerCode") FROM "Connection" c WHERE c.id = p."connectionId") AS connection,
  (SELECT json_build_object('code', co.code, 'legalName', co."legalName", 'tradeName', co."tradeName") FROM "Company" co WHERE co.id = p."companyId") AS company,
  (SELECT coalesce(json_agg(json_build_object('id', a.id, 'amount', a.amount::text, 'createdAt', a."createdAt", 'refundId', a."refundId",
            'invoice', (SELECT json_build_object('id', d.id, 'number', d.number, 'type', d.type, 'issueDate', d."issueDate") FROM "Invoice" d WHERE d.id = a."invoiceId"),
            'refund', (SELECT json_build_object('id', x.id, 'number', x.number, 'kind', x.kind, 'paidOn', x."paidOn") FROM "Payment" x WHERE x.id = a."refundId"))
          ORDER BY a."createdAt", a.id), '[]')
     FROM "Allocation" a WHERE a."paymentId" = p.id) AS "allocationsOut",
  (SELECT coalesce(json_agg(json_build_object('id', a.id, 'amount', a.amount::text, 'createdAt', a."createdAt", 'refundId', a."refundId",
            'payment', (SELECT json_build_object('id', x.id, 'number', x.number, 'kind', x.kind, 'paidOn', x."paidOn") FROM "Payment" x WHERE x.id = a."paymentId"),
            'creditNote', (SELECT json_build_object('id', d.id, 'number', d.number, 'type', d.type, 'issueDate', d."issueDate") FROM "Invoice" d WHERE d.id = a."creditNoteId"))
          ORDER BY a."createdAt", a.id), '[]')
     FROM "Allocation" a WHERE a."refundId" = p.id) AS "allocationsIn"
FROM p`;

type Json = Record<string, unknown>;
type PaymentViewJson = { payment: Json; retailer: Json; connection: Json; company: Json; allocationsOut: Json[]; allocationsIn: Json[] };

/** The statement's JSON as the ORM gives the row: decimals as Decimals, days and times as Dates (lib/db/revive.ts). */
function revivePayment(row: PaymentViewJson): PaymentRow {
  const doc = (d: Json | null) => d && revive<Json>(d, { dates: ["issueDate"] });
  const pay = (d: Json | null) => d && revive<Json>(d, { dates: ["paidOn"] });
  const allocation = (a: Json) => revive<Json>(a, { decimals: ["amount"], dates: ["createdAt"] });
  return {
    ...revive<Json>(row.payment, { decimals: ["amount", "allocatedAmount"], dates: ["paidOn", "voidedAt", "createdAt", "updatedAt"] }),
    retailer: row.retailer,
    connection: row.connection,
    company: row.company,
    allocationsOut: row.allocationsOut.map((a) => ({ ...allocation(a), invoice: doc(a.invoice as Json | null), refund: pay(a.refund as Json | null) })),
    allocationsIn: row.allocationsIn.map((a) => ({ ...allocation(a), payment: pay(a.payment as Json | null), creditNote: doc(a.creditNote as Json | null) })),
  } as unknown as PaymentRow;
}
