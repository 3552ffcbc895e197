import "server-only";
// The webhook event log (Settings → Payments → Events): every event a gateway sent, with what became
// of it (verified, applied, ignored, failed with the reason), and a replay that runs the apply job
// again — safe, since applying is idempotent (re-fetch, forward-only state, one receipt per payment).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { assertCanConfigureGateways } from "@/lib/billing/gateway/gateway-accounts";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import type { WebhookEvent } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

export type WebhookEventView = {
  id: string;
  provider: WebhookEvent["provider"];
  eventId: string;
  type: string;
  status: WebhookEvent["status"];
  reason: string | null;
  attempts: number;
  account: string;
  receivedAt: string;
  appliedAt: string | null;
};

export async function listWebhookEvents(ctx: Ctx, opts: { status?: WebhookEvent["status"]; take?: number } = {}): Promise<WebhookEventView[]> {
  assertCan(ctx.actor, "billing.read");
  const rows = await ctx.db.webhookEvent.findMany({
    where: { companyId: ctx.actor.companyId, ...(opts.status ? { status: opts.status } : {}) },
    orderBy: { receivedAt: "desc" },
    take: Math.min(opts.take ?? 100, 500),
    include: { account: { select: { label: true } } },
  });
  return rows.map((e) => ({
    id: e.id,
    provider: e.provider,
    eventId: e.eventId,
    type: e.type,
    status: e.status,
    reason: e.reason,
    attempts: e.attempts,
    account: e.account.label,
    receivedAt: e.receivedAt.toISOString(),
    appliedAt: e.appliedAt?.toISOString() ?? null,
  }));
}

/** Runs the apply job for an event again (after a fix, or to re-check a flagged one). */
export async function replayWebhookEvent(ctx: Ctx, id: string): Promise<{ queued: true }> {
  assertCanConfigureGateways(ctx);
  const companyId = (ctx.actor as Extract<Ctx["actor"], { kind: "staff" }>).companyId;
  await ctx.db.$transaction(async (tx) => {
    const ev = await tx.webhookEvent.findFirst({ where: { id, companyId }, select: { id: true, status: true } });
    if (!ev) throw notFound("Webhook event");
    if (ev.status === "APPLIED") throw new AppError("invalid_transition", "This event is applied already; replaying it would change nothing");
    await tx.webhookEvent.update({ where: { id, companyId }, data: { status: "VERIFIED", reason: "Replay requested" } });
    await enqueueJob(tx, "gateway-event-apply", { eventId: id });
    await recordAudit(ctx, tx, { action: "webhook_event.replay", entityType: "WebhookEvent", entityId: id, companyId, before: { status: ev.status } });
  });
  return { queued: true };
}

export type ReconciliationView = { id: string; account: string; since: string; startedAt: string; finishedAt: string | null; checked: number; repaired: number; details: string | null; error: string | null };

/** The latest nightly reconciliation runs of the company's gateway accounts. */
export async function listReconciliations(ctx: Ctx, take = 20): Promise<ReconciliationView[]> {
  assertCan(ctx.actor, "billing.read");
  const rows = await ctx.db.gatewayReconciliation.findMany({ where: { companyId: ctx.actor.companyId }, orderBy: { startedAt: "desc" }, take: Math.min(take, 100), include: { account: { select: { label: true } } } });
  return rows.map((r) => ({
    id: r.id,
    account: r.account.label,
    since: r.since.toISOString(),
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    checked: r.checked,
    repaired: r.repaired,
    details: r.details,
    error: r.error,
  }));
}
