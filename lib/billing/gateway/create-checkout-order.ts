import "server-only";
// Pay now in the portal (and in the mobile app) for a Razorpay account: a Razorpay Order paid through
// Standard Checkout (checkout.js in the browser, Razorpay's SDK on the phone) instead of a hosted pay
// link. Our side of it is a PayLink of kind CHECKOUT whose gatewayLinkId is the order id, so the
// webhook job (payment.captured / order.paid name the order), the callback and the reconciliation all
// find it the way they find a link. Stripe accounts keep Checkout Sessions (409 here: use a pay link).
// The answer holds what checkout needs: the key id (never the secret), the order id, amount, currency.
import { recordAudit } from "@/lib/audit/record-audit";
import { findReusableLink, gatewayAccountForLink } from "@/lib/billing/gateway/create-pay-link";
import { createCheckoutOrderInput } from "@/lib/billing/gateway/gateway.schemas";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import type { Ctx } from "@/lib/ctx";
import { appUrl } from "@/lib/env";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import type { GatewayAccount, PayLink } from "@/lib/generated/prisma/client";
import { GatewayError } from "@/lib/integrations/payments/gateway";
import { parseInput } from "@/lib/validation";

const DAY_MS = 24 * 3600_000;

export type CheckoutOrderView = {
  /** Our record of the checkout (a pay link of kind CHECKOUT): GET /pay-links/{id} shows its payments. */
  checkoutId: string;
  provider: "RAZORPAY" | "SANDBOX";
  /** The local payment sandbox: open its checkout (/sandbox-gateway/checkout) instead of Razorpay's; no real money moves. */
  sandbox: boolean;
  /** Razorpay key id for checkout's `key` option. The key secret never leaves the server. */
  keyId: string;
  orderId: string;
  amount: string;
  amountPaise: number;
  currency: string;
  acceptPartial: boolean;
  /** checkout's `name` (the vendor) and `description` (the document). */
  name: string;
  description: string;
  prefill: { name: string; email: string | null; contact: string | null };
  notes: Record<string, string>;
  invoice: { id: string; number: string };
  /** POST the handler's razorpay_payment_id, razorpay_order_id and razorpay_signature here (JSON). */
  callbackUrl: string;
};

export async function createCheckoutOrder(ctx: Ctx, invoiceId: string, input: unknown, deps: GatewayDeps = {}): Promise<CheckoutOrderView> {
  const data = parseInput(createCheckoutOrderInput, input ?? {});
  const actor = ctx.actor;
  if (actor.kind !== "retailer") throw forbidden("Checkout is for the retailer paying its own invoice; staff make pay links");

  const inv = await ctx.db.invoice.findFirst({
    where: { id: String(invoiceId), retailerId: actor.retailerId },
    select: {
      id: true, number: true, type: true, status: true, grandTotal: true, settledAmount: true, companyId: true, connectionId: true, retailerId: true, buyerName: true,
      retailer: { select: { email: true, phone: true } },
      company: { select: { legalName: true, tradeName: true } },
    },
  });
  if (!inv) throw notFound("Invoice");
  if (inv.type === "CREDIT_NOTE") throw new AppError("validation", "A credit note is money owed to the retailer, not a bill to pay", { fieldErrors: { invoiceId: ["Not an invoice or debit note"] } });
  if (inv.status === "CANCELLED") throw conflict("This document is cancelled; there is nothing to pay");
  const balancePaise = toPaise(inv.grandTotal.minus(inv.settledAmount).toFixed(2)) ?? 0n;
  if (balancePaise <= 0n) throw conflict(`${inv.number} is already paid`);

  const account = await gatewayAccountForLink(ctx, inv.companyId, undefined);
  if (account.provider === "STRIPE") throw conflict("This vendor takes online payments through Stripe Checkout: ask for a pay link (POST /invoices/{id}/pay-links) instead");
  const now = ctx.now();
  const view = (row: PayLink) => checkoutView(account, row, inv);

  // Pay now pressed again: the open order for the same balance and terms is paid again (Razorpay lets an
  // order take further attempts until one succeeds).
  const reusable = await findReusableLink(ctx, { companyId: inv.companyId, invoiceId: inv.id }, { accountId: account.id, amountPaise: balancePaise, acceptPartial: data.acceptPartial, kind: "CHECKOUT" }, now);
  if (reusable) return view(await ctx.db.payLink.findUniqueOrThrow({ where: { id: reusable.id } }));

  const row = await ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pay-link:${inv.id}`}))`;
    const n = await tx.payLink.count({ where: { companyId: inv.companyId, invoiceId: inv.id } });
    const r = await tx.payLink.create({
      data: {
        companyId: inv.companyId,
        accountId: account.id,
        connectionId: inv.connectionId,
        retailerId: inv.retailerId,
        invoiceId: inv.id,
        kind: "CHECKOUT",
        reference: `${inv.number}-${n + 1}`,
        description: `${inv.type === "DEBIT_NOTE" ? "Debit note" : "Invoice"} ${inv.number}`,
        amountPaise: balancePaise,
        currency: "INR",
        acceptPartial: data.acceptPartial,
        expiresAt: new Date(now.getTime() + DAY_MS),
        createdById: actor.userId,
      },
    });
    await recordAudit(ctx, tx, { action: "checkout_order.create", entityType: "PayLink", entityId: r.id, companyId: inv.companyId, retailerId: inv.retailerId, after: { invoice: inv.number, amount: fromPaise(balancePaise), acceptPartial: data.acceptPartial, provider: account.provider } });
    return r;
  });

  try {
    const order = await gatewayFor(ctx.db, account, deps).orders!.create({
      amountPaise: Number(row.amountPaise),
      currency: "INR",
      receipt: row.reference,
      partialPayment: row.acceptPartial,
      // Razorpay's smallest first instalment we accept: ₹1, or the whole of a smaller balance.
      ...(row.acceptPartial ? { firstMinPartialPaise: Number(balancePaise < 100n ? balancePaise : 100n) } : {}),
      notes: checkoutNotes(row, inv.number),
    });
    const saved = await ctx.db.payLink.update({ where: { id: row.id, companyId: row.companyId }, data: { gatewayLinkId: order.id } });
    return view(saved);
  } catch (err) {
    await ctx.db.payLink.update({ where: { id: row.id, companyId: row.companyId }, data: { status: "CANCELLED", cancelledAt: ctx.now() } });
    if (err instanceof GatewayError) throw new AppError("gateway_unavailable", `The payment gateway did not make the order: ${err.message}`);
    throw err;
  }
}

/** Our ids on the order (and on checkout's payments): the apply job checks them against the account's company. */
function checkoutNotes(row: PayLink, invoiceNumber: string): Record<string, string> {
  return { pay_link_id: row.id, invoice_id: row.invoiceId ?? "", company_id: row.companyId, invoice_number: invoiceNumber };
}

function checkoutView(
  account: GatewayAccount,
  row: PayLink,
  inv: { id: string; number: string; buyerName: string; retailer: { email: string | null; phone: string | null }; company: { legalName: string; tradeName: string | null } },
): CheckoutOrderView {
  return {
    checkoutId: row.id,
    provider: account.provider as "RAZORPAY" | "SANDBOX",
    sandbox: account.provider === "SANDBOX",
    keyId: account.keyId,
    orderId: row.gatewayLinkId!,
    amount: fromPaise(row.amountPaise),
    amountPaise: Number(row.amountPaise),
    currency: row.currency,
    acceptPartial: row.acceptPartial,
    name: inv.company.tradeName ?? inv.company.legalName,
    description: row.description,
    prefill: { name: inv.buyerName, email: inv.retailer.email, contact: inv.retailer.phone },
    notes: checkoutNotes(row, inv.number),
    invoice: { id: inv.id, number: inv.number },
    callbackUrl: `${appUrl()}/api/payments/callback/${account.publicId}`,
  };
}
