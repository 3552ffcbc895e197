import "server-only";
// What the screens and the API show of a payment: the receipt or refund, what it settled (or what
// funded it) and what is left on account. Amounts are decimal strings, days "YYYY-MM-DD".
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { invoiceScope } from "@/lib/billing/invoice-access";
import { notFound } from "@/lib/errors";
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
  const row = await db.payment.findFirst({ where: { id: paymentId, ...invoiceScope(actor) }, ...paymentViewArgs });
  if (!row) throw notFound("Payment");
  return toPaymentView(row);
}
