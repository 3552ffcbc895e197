import "server-only";
// How a pay link and its payments look to staff, to the retailer and over the API. Amounts are
// given both as rupees (decimal strings, as everywhere in the API) and as the gateway's integer paise.
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { fromPaise } from "@/lib/billing/paise";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { PayLink, PaymentAttempt, Prisma } from "@/lib/generated/prisma/client";

export type PaymentAttemptView = {
  id: string;
  gatewayPaymentId: string;
  status: PaymentAttempt["status"];
  amount: string;
  amountPaise: number;
  amountRefunded: string;
  currency: string;
  method: string | null;
  errorReason: string | null;
  receiptId: string | null;
  needsReview: boolean;
  reviewReason: string | null;
  createdAt: string;
};

export type PayLinkView = {
  id: string;
  provider: string;
  sandbox: boolean;
  invoice: { id: string; number: string } | null;
  connectionId: string;
  reference: string;
  description: string;
  amount: string;
  amountPaise: number;
  amountPaid: string;
  amountPaidPaise: number;
  currency: string;
  kind: PayLink["kind"];
  status: PayLink["status"];
  acceptPartial: boolean;
  shortUrl: string | null;
  expiresAt: string | null;
  createdAt: string;
  payments: PaymentAttemptView[];
};

export const payLinkArgs = {
  include: { account: { select: { provider: true } }, invoice: { select: { id: true, number: true } }, attempts: { orderBy: { createdAt: "asc" } } },
} satisfies Prisma.PayLinkDefaultArgs;
type Row = Prisma.PayLinkGetPayload<typeof payLinkArgs>;

export function toPaymentAttemptView(a: PaymentAttempt): PaymentAttemptView {
  return {
    id: a.id,
    gatewayPaymentId: a.gatewayPaymentId,
    status: a.status,
    amount: fromPaise(a.amountPaise),
    amountPaise: Number(a.amountPaise),
    amountRefunded: fromPaise(a.amountRefundedPaise),
    currency: a.currency,
    method: a.method,
    errorReason: a.errorReason,
    receiptId: a.paymentId,
    needsReview: a.needsReview,
    reviewReason: a.reviewReason,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toPayLinkView(l: Row): PayLinkView {
  return {
    id: l.id,
    provider: l.account.provider,
    sandbox: l.account.provider === "SANDBOX",
    invoice: l.invoice,
    connectionId: l.connectionId,
    reference: l.reference,
    description: l.description,
    amount: fromPaise(l.amountPaise),
    amountPaise: Number(l.amountPaise),
    amountPaid: fromPaise(l.amountPaidPaise),
    amountPaidPaise: Number(l.amountPaidPaise),
    currency: l.currency,
    kind: l.kind,
    status: l.status,
    acceptPartial: l.acceptPartial,
    shortUrl: l.shortUrl,
    expiresAt: l.expiresAt?.toISOString() ?? null,
    createdAt: l.createdAt.toISOString(),
    payments: l.attempts.map(toPaymentAttemptView),
  };
}

/** Staff with billing.read see their company's links; a retailer sees the links to pay its own documents. */
export function payLinkScope(actor: Actor): { companyId: string } | { retailerId: string } {
  if (actor.kind === "staff") {
    assertCan(actor, "billing.read");
    return { companyId: actor.companyId };
  }
  if (actor.kind === "retailer") return { retailerId: actor.retailerId };
  if (actor.companyId) return { companyId: actor.companyId };
  throw new AppError("forbidden", "A company is needed to work with pay links");
}

export async function loadPayLinkView(db: PrismaClient | Tx, actor: Actor, id: string): Promise<PayLinkView> {
  const row = await db.payLink.findFirst({ where: { id, ...payLinkScope(actor) }, ...payLinkArgs });
  if (!row) throw notFound("Pay link");
  return toPayLinkView(row);
}
