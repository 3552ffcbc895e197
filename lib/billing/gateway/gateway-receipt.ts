import "server-only";
// The receipt a captured gateway payment becomes in the books (one per gateway payment id): method
// GATEWAY, allocated to the document the link was for — or, when the money does not fit (more than is
// open, the document cancelled since, the retailer's outstanding smaller), kept whole as an unapplied
// advance and put in front of a person. Never a silent over-allocation, never a lost payment.
import { writeReceipt } from "@/lib/billing/record-payment";
import { getOutstanding } from "@/lib/billing/outstanding";
import { fromPaise } from "@/lib/billing/paise";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { formatINR } from "@/lib/format";
import { sqlTxOf } from "@/lib/db/sql-tx";
import { Prisma, type GatewayAccount, type PayLink } from "@/lib/generated/prisma/client";
import type { GatewayPayment } from "@/lib/integrations/payments/gateway";
import { istDay } from "@/lib/pricing/dates";

export type BookedReceipt = { receiptId: string | null; number: string | null; review: string | null };

export async function bookGatewayReceipt(ctx: Ctx, tx: Prisma.TransactionClient, args: { account: GatewayAccount; link: PayLink; payment: GatewayPayment }): Promise<BookedReceipt> {
  const { account, link, payment: p } = args;
  // The books are in rupees: money in another currency cannot be turned into a receipt by us.
  if (p.currency !== "INR" || link.currency !== "INR") {
    return { receiptId: null, number: null, review: `Paid ${(p.amountPaise / 100).toFixed(2)} ${p.currency} through ${link.reference}; the books are in INR, so record it by hand` };
  }
  const amount = new Prisma.Decimal(fromPaise(BigInt(p.amountPaise)));
  let allocations: "auto" | "none" | { invoiceId: string; amount: string }[];
  let review: string | null = null;
  if (link.invoiceId) {
    const inv = await tx.invoice.findFirst({ where: { id: link.invoiceId, companyId: link.companyId }, select: { id: true, number: true, status: true, grandTotal: true, settledAmount: true } });
    const open = inv ? inv.grandTotal.minus(inv.settledAmount) : new Prisma.Decimal(0);
    if (!inv || inv.status === "CANCELLED") {
      allocations = "none";
      review = `${formatINR(amount)} paid online for ${inv?.number ?? link.reference}, which is cancelled: kept as an advance on the retailer's account`;
    } else if (amount.gt(open)) {
      allocations = "none";
      review = `${formatINR(amount)} paid online for ${inv.number}, but only ${formatINR(open)} was open: kept as an advance, allocate it by hand`;
    } else allocations = [{ invoiceId: inv.id, amount: amount.toFixed(2) }];
  } else {
    const outstanding = new Prisma.Decimal(await getOutstanding(tx, { companyId: link.companyId, connectionId: link.connectionId }));
    if (amount.gt(outstanding)) {
      allocations = "none";
      review = `${formatINR(amount)} paid online against an outstanding of ${formatINR(outstanding)}: kept as an advance`;
    } else allocations = "auto";
  }
  const receipt = await writeReceipt(ctx, sqlTxOf(tx), {
    companyId: link.companyId,
    userId: null,
    data: {
      connectionId: link.connectionId,
      amount: amount.toFixed(2),
      method: "GATEWAY",
      paidOn: istDay(ctx.now()),
      reference: p.id,
      bankName: null,
      notes: `Paid online (${account.provider === "SANDBOX" ? "local payment sandbox" : account.provider.toLowerCase()}${p.method ? `, ${p.method}` : ""}) through pay link ${link.reference}`,
      allocations,
      gatewayProvider: account.provider,
      gatewayPaymentId: p.id,
    },
  });
  return { receiptId: receipt.id, number: receipt.number, review };
}

/** An in-app notification to the company's owners, admins and accountants (once per key). */
export async function notifyGatewayReview(tx: Tx, companyId: string, n: { key: string; title: string; body: string; link: string | null }) {
  const people = await tx.membership.findMany({ where: { companyId, active: true, role: { in: ["OWNER", "ADMIN", "ACCOUNTANT"] } }, select: { userId: true } });
  if (!people.length) return;
  await tx.notification.createMany({
    data: people.map((m) => ({ userId: m.userId, companyId, event: "payment.review", title: n.title, body: n.body.slice(0, 500), link: n.link, dedupeKey: `${n.key}:${m.userId}` })),
    skipDuplicates: true,
  });
}
