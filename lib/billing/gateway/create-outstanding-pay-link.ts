import "server-only";
// A pay link for a retailer's whole outstanding with a vendor (no one document): staff make it from
// the retailer's ledger (any amount up to the outstanding), a retailer's "Pay now" on the portal
// statement makes or reuses one for all of it. The link has no invoiceId; when it is paid, the one
// receipt is allocated oldest-due-first over every open document (gateway-receipt.ts, "auto"),
// or kept as an advance for review when it is more than is outstanding by then.
import { recordAudit } from "@/lib/audit/record-audit";
import { askGatewayForLink, findReusableLink, gatewayAccountForLink, payLinkRequest } from "@/lib/billing/gateway/create-pay-link";
import type { GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { loadPayLinkView, payLinkArgs, payLinkScope, toPayLinkView, type PayLinkView } from "@/lib/billing/gateway/pay-link-views";
import { getOutstanding } from "@/lib/billing/outstanding";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import type { Ctx } from "@/lib/ctx";
import { AppError, conflict, notFound } from "@/lib/errors";
import { formatINR } from "@/lib/format";

const DAY_MS = 24 * 3600_000;

/** `connectionId` is the retailer's connection with the vendor (the id of /retailers/{id} and of the portal statement's vendor). */
export async function createOutstandingPayLink(ctx: Ctx, connectionId: string, input: unknown, deps: GatewayDeps = {}): Promise<PayLinkView> {
  const actor = ctx.actor;
  const { scope, data } = payLinkRequest(ctx, input);

  const conn = await ctx.db.connection.findFirst({
    where: { id: String(connectionId), ...scope },
    select: { id: true, companyId: true, retailerId: true, customerCode: true, retailer: { select: { legalName: true, tradeName: true, email: true, phone: true } } },
  });
  if (!conn) throw notFound("Retailer");
  const outstandingPaise = toPaise(await getOutstanding(ctx.db, { companyId: conn.companyId, connectionId: conn.id })) ?? 0n;
  if (outstandingPaise <= 0n) throw conflict("Nothing is outstanding; there is nothing to pay");
  const amountPaise = data.amount ? toPaise(data.amount)! : outstandingPaise;
  if (amountPaise > outstandingPaise) throw new AppError("validation", `Only ${formatINR(fromPaise(outstandingPaise))} is outstanding`, { fieldErrors: { amount: [`At most ${formatINR(fromPaise(outstandingPaise))}`] } });

  const account = await gatewayAccountForLink(ctx, conn.companyId, data.accountId);
  const now = ctx.now();

  // Pay now pressed again while the outstanding is unchanged: the open link for that amount still does.
  const reusable = await findReusableLink(ctx, { companyId: conn.companyId, connectionId: conn.id, invoiceId: null }, { accountId: account.id, amountPaise, acceptPartial: data.acceptPartial }, now);
  if (reusable) return loadPayLinkView(ctx.db, actor, reusable.id);

  const name = conn.retailer.tradeName ?? conn.retailer.legalName;
  const link = await ctx.db.$transaction(async (tx) => {
    // References are unique per company: whole-outstanding links are numbered OUT-1, OUT-2, … per company.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pay-link:outstanding:${conn.companyId}`}))`;
    const n = await tx.payLink.count({ where: { companyId: conn.companyId, invoiceId: null } });
    const row = await tx.payLink.create({
      data: {
        companyId: conn.companyId,
        accountId: account.id,
        connectionId: conn.id,
        retailerId: conn.retailerId,
        invoiceId: null,
        reference: `OUT-${n + 1}`,
        description: data.description ?? `Outstanding of ${name}${conn.customerCode ? ` (${conn.customerCode})` : ""}`.slice(0, 200),
        amountPaise,
        currency: "INR",
        acceptPartial: data.acceptPartial,
        expiresAt: new Date(now.getTime() + data.expiresInDays * DAY_MS),
        createdById: actor.userId,
      },
    });
    await recordAudit(ctx, tx, { action: "pay_link.create", entityType: "PayLink", entityId: row.id, companyId: conn.companyId, retailerId: conn.retailerId, after: { outstanding: true, connectionId: conn.id, amount: fromPaise(amountPaise), acceptPartial: data.acceptPartial, provider: account.provider } });
    return row;
  });

  await askGatewayForLink(ctx, account, link, {
    customer: { name, email: conn.retailer.email, contact: conn.retailer.phone },
    notes: { pay_link_id: link.id, connection_id: conn.id, company_id: conn.companyId },
    deps,
  });
  return loadPayLinkView(ctx.db, actor, link.id);
}

/** The connection's whole-outstanding links, newest first (staff: their company's; a retailer: its own). */
export async function listOutstandingPayLinks(ctx: Ctx, connectionId: string): Promise<PayLinkView[]> {
  const scope = payLinkScope(ctx.actor);
  const conn = await ctx.db.connection.findFirst({ where: { id: String(connectionId), ...scope }, select: { id: true } });
  if (!conn) throw notFound("Retailer");
  const rows = await ctx.db.payLink.findMany({ where: { connectionId: conn.id, invoiceId: null, ...scope }, orderBy: { createdAt: "desc" }, take: 50, ...payLinkArgs });
  return rows.map(toPayLinkView);
}
