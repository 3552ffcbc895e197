import "server-only";
// A pay link for one invoice or debit note: staff make one (any amount up to the balance due, part
// payments allowed or not), a retailer's "Pay now" makes or reuses one for the whole balance. Our
// row is written first, then the gateway is asked for the link (outside the transaction: a request
// never holds a database transaction open on a third party), then its id and URL are stored.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { createPayLinkInput } from "@/lib/billing/gateway/gateway.schemas";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { loadPayLinkView, type PayLinkView } from "@/lib/billing/gateway/pay-link-views";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import type { Ctx } from "@/lib/ctx";
import { appUrl } from "@/lib/env";
import { AppError, conflict, notFound } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import type { GatewayAccount, PayLink } from "@/lib/generated/prisma/client";
import { GatewayError } from "@/lib/integrations/payments/gateway";
import { parseInput } from "@/lib/validation";

const DAY_MS = 24 * 3600_000;
/** The retailer's Pay now takes no options: the whole balance, as the vendor's default gateway. */
const retailerPayNowInput = z.strictObject({});

export async function createPayLink(ctx: Ctx, invoiceId: string, input: unknown, deps: GatewayDeps = {}): Promise<PayLinkView> {
  const actor = ctx.actor;
  const { scope, data } = payLinkRequest(ctx, input);

  const inv = await ctx.db.invoice.findFirst({
    where: { id: invoiceId, ...scope },
    select: { id: true, number: true, type: true, status: true, grandTotal: true, settledAmount: true, companyId: true, connectionId: true, retailerId: true, buyerName: true, retailer: { select: { email: true, phone: true } } },
  });
  if (!inv) throw notFound("Invoice");
  if (inv.type === "CREDIT_NOTE") throw new AppError("validation", "A credit note is money owed to the retailer, not a bill to pay", { fieldErrors: { invoiceId: ["Not an invoice or debit note"] } });
  if (inv.status === "CANCELLED") throw conflict("This document is cancelled; there is nothing to pay");
  const balancePaise = toPaise(inv.grandTotal.minus(inv.settledAmount).toFixed(2)) ?? 0n;
  if (balancePaise <= 0n) throw conflict(`${inv.number} is already paid`);
  const amountPaise = data.amount ? toPaise(data.amount)! : balancePaise;
  if (amountPaise > balancePaise) throw new AppError("validation", `Only ${formatINR(fromPaise(balancePaise))} is due on ${inv.number}`, { fieldErrors: { amount: [`At most ${formatINR(fromPaise(balancePaise))}`] } });

  const account = await gatewayAccountForLink(ctx, inv.companyId, data.accountId);
  const now = ctx.now();

  // Pay now pressed again (or the same link asked for twice): the open link still does.
  const reusable = await findReusableLink(ctx, { companyId: inv.companyId, invoiceId: inv.id }, { accountId: account.id, amountPaise, acceptPartial: data.acceptPartial }, now);
  if (reusable) return loadPayLinkView(ctx.db, actor, reusable.id);

  const link = await ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pay-link:${inv.id}`}))`;
    const n = await tx.payLink.count({ where: { companyId: inv.companyId, invoiceId: inv.id } });
    const row = await tx.payLink.create({
      data: {
        companyId: inv.companyId,
        accountId: account.id,
        connectionId: inv.connectionId,
        retailerId: inv.retailerId,
        invoiceId: inv.id,
        reference: `${inv.number}-${n + 1}`,
        description: data.description ?? `${inv.type === "DEBIT_NOTE" ? "Debit note" : "Invoice"} ${inv.number}`,
        amountPaise,
        currency: "INR",
        acceptPartial: data.acceptPartial,
        expiresAt: new Date(now.getTime() + data.expiresInDays * DAY_MS),
        createdById: actor.userId,
      },
    });
    await recordAudit(ctx, tx, { action: "pay_link.create", entityType: "PayLink", entityId: row.id, companyId: inv.companyId, retailerId: inv.retailerId, after: { invoice: inv.number, amount: fromPaise(amountPaise), acceptPartial: data.acceptPartial, provider: account.provider } });
    return row;
  });

  await askGatewayForLink(ctx, account, link, {
    customer: { name: inv.buyerName, email: inv.retailer.email, contact: inv.retailer.phone },
    notes: { pay_link_id: link.id, invoice_id: inv.id, company_id: inv.companyId, invoice_number: inv.number },
    deps,
  });
  return loadPayLinkView(ctx.db, actor, link.id);
}

/** An open link for the same target, gateway, amount and terms, good for at least another hour: asked again, it still does. */
export function findReusableLink(
  ctx: Ctx,
  target: { companyId: string; invoiceId: string | null; connectionId?: string },
  terms: { accountId: string; amountPaise: bigint; acceptPartial: boolean; kind?: "LINK" | "CHECKOUT" },
  now: Date,
) {
  return ctx.db.payLink.findFirst({
    where: {
      ...target,
      ...terms,
      kind: terms.kind ?? "LINK",
      status: "CREATED",
      gatewayLinkId: { not: null },
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(now.getTime() + 3600_000) } }],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/** The gateway a new link goes through: the one asked for, else the company's first active account. */
export async function gatewayAccountForLink(ctx: Ctx, companyId: string, accountId: string | undefined) {
  const account = await ctx.db.gatewayAccount.findFirst({
    where: { companyId, active: true, ...(accountId ? { id: accountId } : {}) },
    orderBy: { createdAt: "asc" },
  });
  if (account) return account;
  // A disabled account takes no new links or checkouts (payments already made on it are still recorded).
  const disabled = await ctx.db.gatewayAccount.findFirst({ where: { companyId, active: false, ...(accountId ? { id: accountId } : {}) }, orderBy: { createdAt: "asc" }, select: { label: true } });
  if (disabled) {
    if (ctx.actor.kind === "retailer") throw conflict("This vendor has switched off online payments for now: its payment gateway is disabled");
    throw conflict(`The gateway account "${disabled.label}" is disabled: enable it (or add another) under Settings → Payments`, accountId ? { accountId: ["This gateway account is disabled"] } : undefined);
  }
  if (accountId) throw new AppError("validation", "No active gateway account with this id", { fieldErrors: { accountId: ["Not an active gateway account of this company"] } });
  throw conflict(ctx.actor.kind === "retailer" ? "This vendor does not take online payments yet" : "Add a payment gateway first (Settings → Payments)");
}

/**
 * Who asks and what for, the same for every kind of pay link: staff (payments.write) choose the amount
 * and options within their company; a retailer's Pay now takes no options (the whole balance, 7 days,
 * the vendor's default gateway) within its own business.
 */
export function payLinkRequest(ctx: Ctx, input: unknown) {
  const actor = ctx.actor;
  if (actor.kind === "retailer") {
    parseInput(retailerPayNowInput, input ?? {});
    return { scope: { retailerId: actor.retailerId } as { companyId: string } | { retailerId: string }, data: { amount: undefined, acceptPartial: false, expiresInDays: 7, accountId: undefined, description: undefined } };
  }
  assertCan(actor, "payments.write");
  return { scope: { companyId: (actor as Extract<typeof actor, { kind: "staff" }>).companyId } as { companyId: string } | { retailerId: string }, data: parseInput(createPayLinkInput, input ?? {}) };
}

/**
 * Asks the gateway for the link our row describes (outside any transaction) and stores its id and URL;
 * when the gateway refuses, our row is cancelled and the caller gets gateway_unavailable.
 */
export async function askGatewayForLink(
  ctx: Ctx,
  account: GatewayAccount,
  link: PayLink,
  args: { customer: { name: string; email: string | null; contact: string | null }; notes: Record<string, string>; deps: GatewayDeps },
): Promise<void> {
  try {
    const gl = await gatewayFor(ctx.db, account, args.deps).createLink({
      amountPaise: Number(link.amountPaise),
      currency: "INR",
      reference: link.reference,
      description: link.description,
      acceptPartial: link.acceptPartial,
      expiresAt: link.expiresAt,
      customer: args.customer,
      notes: args.notes,
      // The browser comes back through the callback route, which verifies and hurries the same job.
      callbackUrl: `${appUrl()}/api/payments/callback/${account.publicId}`,
    });
    await ctx.db.payLink.update({ where: { id: link.id, companyId: link.companyId }, data: { gatewayLinkId: gl.id, shortUrl: gl.shortUrl } });
  } catch (err) {
    await ctx.db.payLink.update({ where: { id: link.id, companyId: link.companyId }, data: { status: "CANCELLED", cancelledAt: ctx.now() } });
    if (err instanceof GatewayError) throw new AppError("gateway_unavailable", `The payment gateway did not make the link: ${err.message}`);
    throw err;
  }
}
