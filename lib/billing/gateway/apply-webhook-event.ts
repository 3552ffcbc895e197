import "server-only";
// The job that applies one stored webhook event (queue "gateway-event-apply"). Events are snapshots
// and arrive late, twice and out of order, so the event only says *which* payment or link to look
// at: the job re-fetches it from the gateway and moves our attempt forward (attempt-state.ts). The
// first time a payment is seen captured, exactly one receipt is booked (gateway-receipt.ts) — the
// advisory lock per gateway payment and the unique gateway payment id make sure of that.
import { bookGatewayReceipt, notifyGatewayReview } from "@/lib/billing/gateway/gateway-receipt";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { bookGatewayRefund } from "@/lib/billing/gateway/gateway-refund";
import { fromPaise } from "@/lib/billing/paise";
import { formatINR } from "@/lib/format";
import { isCaptured, nextAttemptState, reportedState } from "@/lib/billing/gateway/attempt-state";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { prisma, type PrismaClient, type Tx } from "@/lib/db/client";
import type { GatewayAccount, PayLink } from "@/lib/generated/prisma/client";
import type { GatewayPayment } from "@/lib/integrations/payments/gateway";
import { log } from "@/lib/log";

export type ApplyDeps = GatewayDeps & { db?: PrismaClient };
export type ApplyResult = "applied" | "ignored" | "flagged" | "already_done" | "missing";

export async function applyWebhookEvent(id: string, job: { finalAttempt: boolean } = { finalAttempt: false }, deps: ApplyDeps = {}): Promise<ApplyResult> {
  const db = deps.db ?? prisma;
  const ev = await db.webhookEvent.findUnique({ where: { id }, include: { account: true } });
  if (!ev) return "missing";
  if (ev.status === "APPLIED" || ev.status === "IGNORED") return "already_done";
  await db.webhookEvent.update({ where: { id }, data: { attempts: { increment: 1 } } });
  const account = ev.account;
  const ctx = makeCtx({ kind: "system", userId: null, name: "Payment gateway", companyId: account.companyId }, { db, now: deps.now });
  const finish = (status: "APPLIED" | "IGNORED" | "FAILED", reason: string | null) =>
    db.webhookEvent.update({ where: { id }, data: { status, reason: reason?.slice(0, 1000) ?? null, ...(status === "FAILED" ? {} : { appliedAt: ctx.now() }) } });

  try {
    const gw = gatewayFor(db, account, deps);
    const evt = gw.readEvent(ev.rawBody, ev.eventId);

    const foreign = await foreignReference(db, account.companyId, evt.notes);
    if (foreign) return await flag(ctx, ev.id, ev.eventId, foreign, finish);

    // A pay link by its id, else a checkout order (payment.captured / order.paid name the order; a pay
    // link's payments name the link's own internal order, which matches no row of ours).
    const link = evt.linkId
      ? await db.payLink.findFirst({ where: { accountId: account.id, gatewayLinkId: evt.linkId } })
      : evt.orderId
        ? await db.payLink.findFirst({ where: { accountId: account.id, kind: "CHECKOUT", gatewayLinkId: evt.orderId } })
        : null;
    const crossed = link ? linkMismatch(link, evt.notes) : null;
    if (crossed) return await flag(ctx, ev.id, ev.eventId, crossed, finish);
    const paymentIds = new Set<string>(evt.paymentId ? [evt.paymentId] : []);
    if (link && link.kind === "CHECKOUT" && gw.orders && link.gatewayLinkId) {
      (await gw.orders.paymentIds(link.gatewayLinkId)).forEach((p) => paymentIds.add(p));
    } else if (link && evt.linkId) {
      const gl = await gw.fetchLink(evt.linkId);
      gl.paymentIds.forEach((p) => paymentIds.add(p));
      if (gl.status === "cancelled" || gl.status === "expired") {
        await db.payLink.updateMany({ where: { id: link.id, companyId: account.companyId, status: "CREATED" }, data: gl.status === "cancelled" ? { status: "CANCELLED", cancelledAt: ctx.now() } : { status: "EXPIRED" } });
      }
    }
    if (paymentIds.size === 0) {
      await finish(link ? "APPLIED" : "IGNORED", link ? `Link ${link.reference} is ${link.status.toLowerCase()}` : `No payment or known link in ${evt.type}`);
      return link ? "applied" : "ignored";
    }

    const outcomes: string[] = [];
    for (const paymentId of paymentIds) {
      const payment = await gw.fetchPayment(paymentId);
      const paysLink = link ?? (await linkOfPayment(db, account, payment));
      const foreignNow = (await foreignReference(db, account.companyId, payment.notes)) ?? (paysLink ? linkMismatch(paysLink, payment.notes) : null);
      if (foreignNow) return await flag(ctx, ev.id, ev.eventId, foreignNow, finish);
      outcomes.push((await applyPayment(ctx, account, payment, link)).text);
    }
    // A dispute / chargeback: the money may go back; someone must answer it in the gateway's dashboard.
    if (/dispute/.test(evt.type) && evt.paymentId) {
      const reason = `Dispute (${evt.type}) on ${evt.paymentId}: answer it in the gateway's dashboard before its deadline`;
      await db.$transaction(async (tx) => {
        const n = await tx.paymentAttempt.updateMany({ where: { provider: account.provider, gatewayPaymentId: evt.paymentId!, companyId: account.companyId }, data: { needsReview: true, reviewReason: reason } });
        if (n.count) await notifyGatewayReview(tx, account.companyId, { key: `gateway-dispute:${ev.id}`, title: "Payment disputed", body: reason, link: "/settings/payments/events" });
      });
      outcomes.push("dispute flagged");
    }
    await finish("APPLIED", outcomes.join("; "));
    return "applied";
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await db.webhookEvent.update({ where: { id }, data: { reason: reason.slice(0, 1000), ...(job.finalAttempt ? { status: "FAILED" } : {}) } });
    throw err;
  }
}

/**
 * Moves one payment's attempt forward and books its receipt the first time it is seen captured (and
 * any refund not yet booked). `changed` says whether anything moved (the reconciliation counts repairs).
 */
export async function applyPayment(ctx: Ctx, account: GatewayAccount, p: GatewayPayment, hintLink: PayLink | null): Promise<{ text: string; changed: boolean }> {
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`gateway-payment:${account.provider}:${p.id}`}))`;
    const key = { provider_gatewayPaymentId: { provider: account.provider, gatewayPaymentId: p.id } };
    const before = await tx.paymentAttempt.findUnique({ where: key });
    if (before && before.companyId !== account.companyId) return { text: `${p.id}: belongs to another company, not applied`, changed: false };

    const linkId = before?.payLinkId ?? hintLink?.id ?? null;
    const link = linkId ? await tx.payLink.findFirst({ where: { id: linkId, companyId: account.companyId } }) : await linkOfPayment(tx, account, p);
    // Whatever path brought the payment here (webhook, callback, reconciliation), notes that name
    // another retailer, link or document than the link's own never book a receipt.
    const crossed = link ? linkMismatch(link, p.notes) : null;
    if (crossed) return { text: `${p.id}: not applied (${crossed})`, changed: false };

    const reported = reportedState(p.status, p.amountPaise, p.amountRefundedPaise);
    const status = nextAttemptState(before?.status ?? null, reported);
    const now = ctx.now();
    const fields = {
      status,
      payLinkId: link?.id ?? null,
      amountPaise: BigInt(p.amountPaise),
      amountRefundedPaise: BigInt(Math.max(p.amountRefundedPaise, Number(before?.amountRefundedPaise ?? 0))),
      currency: p.currency,
      method: p.method,
      errorReason: status === "FAILED" ? (p.errorReason ?? "Failed at the gateway") : (before?.errorReason ?? null),
      authorizedAt: before?.authorizedAt ?? (status !== "CREATED" && status !== "FAILED" ? now : null),
      capturedAt: before?.capturedAt ?? (isCaptured(status) ? now : null),
      failedAt: before?.failedAt ?? (reported === "FAILED" ? now : null),
    };
    let attempt = before
      ? await tx.paymentAttempt.update({ where: { id: before.id, companyId: account.companyId }, data: fields })
      : await tx.paymentAttempt.create({ data: { companyId: account.companyId, accountId: account.id, provider: account.provider, gatewayPaymentId: p.id, ...fields } });

    let outcome = `${p.id}: ${before?.status ?? "new"} → ${status}`;
    let changed = !before || before.status !== status || before.payLinkId !== attempt.payLinkId;
    if (isCaptured(status) && !attempt.paymentId) {
      if (!link) return { text: `${outcome} (captured, waiting for its link)`, changed };
      changed = true;
      const booked = await bookGatewayReceipt(ctx, tx, { account, link, payment: p });
      attempt = await tx.paymentAttempt.update({ where: { id: attempt.id, companyId: account.companyId }, data: { paymentId: booked.receiptId, needsReview: booked.review !== null, reviewReason: booked.review } });
      outcome += booked.receiptId ? `, receipt ${booked.number}` : "";
      if (booked.review) {
        outcome += ` (review: ${booked.review})`;
        await notifyGatewayReview(tx, account.companyId, { key: `gateway-review:${attempt.id}`, title: "Online payment needs review", body: booked.review, link: link.invoiceId ? `/invoices/${link.invoiceId}` : null });
      }
    }
    // Refunds (from this app or the gateway's dashboard): book what the gateway reports and we have not.
    if (attempt.paymentId && attempt.amountRefundedPaise > attempt.refundBookedPaise) {
      const diff = attempt.amountRefundedPaise - attempt.refundBookedPaise;
      const number = await bookGatewayRefund(ctx, tx, attempt, diff);
      if (number) {
        attempt = await tx.paymentAttempt.update({ where: { id: attempt.id, companyId: account.companyId }, data: { refundBookedPaise: attempt.amountRefundedPaise } });
        outcome += `, refund ${number}`;
        changed = true;
        await notifyGatewayReview(tx, account.companyId, { key: `gateway-refund:${attempt.id}:${attempt.amountRefundedPaise}`, title: "Online payment refunded", body: `${formatINR(fromPaise(diff))} of ${p.id} was refunded at the gateway (refund ${number}); the documents it had paid are open again by that much.`, link: link?.invoiceId ? `/invoices/${link.invoiceId}` : null });
      }
    }
    if (link) await refreshLinkTotals(tx, link);
    return { text: outcome, changed };
  });
}

/** A link's paid amount is the sum of its captured payments; its status follows (a cancelled link stays cancelled). */
async function refreshLinkTotals(tx: Tx, link: PayLink) {
  const rows = await tx.paymentAttempt.findMany({ where: { payLinkId: link.id, companyId: link.companyId, status: { in: ["CAPTURED", "PARTLY_REFUNDED", "REFUNDED"] } }, select: { amountPaise: true } });
  const paid = rows.reduce((s, r) => s + r.amountPaise, 0n);
  const status = link.status === "CANCELLED" ? "CANCELLED" : paid >= link.amountPaise ? "PAID" : paid > 0n ? "PARTLY_PAID" : link.status;
  await tx.payLink.update({ where: { id: link.id, companyId: link.companyId }, data: { amountPaidPaise: paid, status } });
}

/**
 * Our ids in an event's notes/metadata must be this account's company's. An event that names another
 * company's invoice or link (a mis-set account, or a forged note) is not applied.
 */
async function foreignReference(db: PrismaClient, companyId: string, notes: Record<string, string>): Promise<string | null> {
  if (notes.company_id && notes.company_id !== companyId) return "The event names another company";
  if (notes.invoice_id) {
    const inv = await db.invoice.findFirst({ where: { id: notes.invoice_id, companyId }, select: { id: true } });
    if (!inv) return `The event names invoice ${notes.invoice_id}, which is not this company's`;
  }
  if (notes.pay_link_id) {
    const l = await db.payLink.findFirst({ where: { id: notes.pay_link_id, companyId }, select: { id: true } });
    if (!l) return `The event names pay link ${notes.pay_link_id}, which is not this company's`;
  }
  if (notes.connection_id) {
    const c = await db.connection.findFirst({ where: { id: notes.connection_id, companyId }, select: { id: true } });
    if (!c) return `The event names retailer connection ${notes.connection_id}, which is not this company's`;
  }
  return null;
}

/** The link (or checkout order) a payment was made through: by the gateway's link id, its order id, else our pay_link_id note. */
function linkOfPayment(db: PrismaClient | Tx, account: GatewayAccount, p: GatewayPayment): Promise<PayLink | null> {
  if (p.linkId) return db.payLink.findFirst({ where: { accountId: account.id, gatewayLinkId: p.linkId } });
  if (p.orderId) return db.payLink.findFirst({ where: { accountId: account.id, kind: "CHECKOUT", gatewayLinkId: p.orderId } });
  if (p.notes.pay_link_id) return db.payLink.findFirst({ where: { id: p.notes.pay_link_id, companyId: account.companyId, accountId: account.id } });
  return Promise.resolve(null);
}

/**
 * Our ids in the notes must also be the link's own: a payment on a whole-outstanding link whose
 * connection_id names another retailer (or whose pay_link_id / invoice_id name another link or
 * document) would be allocated to the wrong retailer's dues. Not applied; flagged for review.
 */
function linkMismatch(link: PayLink, notes: Record<string, string>): string | null {
  if (notes.connection_id && notes.connection_id !== link.connectionId) return `The event's connection_id (${notes.connection_id}) is not the retailer of pay link ${link.reference}`;
  if (notes.pay_link_id && notes.pay_link_id !== link.id) return `The event's pay_link_id (${notes.pay_link_id}) is not pay link ${link.reference}`;
  if (notes.invoice_id && link.invoiceId && notes.invoice_id !== link.invoiceId) return `The event's invoice_id (${notes.invoice_id}) is not the document of pay link ${link.reference}`;
  return null;
}

async function flag(ctx: Ctx, id: string, eventId: string, reason: string, finish: (s: "FAILED", r: string) => Promise<unknown>): Promise<ApplyResult> {
  const companyId = (ctx.actor as { companyId: string }).companyId;
  log("warn", "webhook event not applied", { eventId, companyId, reason });
  await ctx.db.$transaction((tx) => notifyGatewayReview(tx, companyId, { key: `gateway-event-flag:${id}`, title: "Payment event not applied", body: `${reason} (event ${eventId}). Check the gateway account's settings.`, link: "/settings/payments" }));
  await finish("FAILED", reason);
  return "flagged";
}
