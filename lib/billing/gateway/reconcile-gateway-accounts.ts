import "server-only";
// The nightly reconciliation (queue "gateway-reconcile", scheduled): for every active gateway
// account, ask the gateway what happened — its payments of the last days, and every open pay link's
// payments — and apply each exactly as a webhook would. Whatever webhooks were lost (the app down,
// Razorpay disabling a webhook after 24 h of failures) is repaired; what was applied already changes
// nothing. Each run is kept (GatewayReconciliation) with what it checked and repaired.
import { applyPayment } from "@/lib/billing/gateway/apply-webhook-event";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { makeCtx } from "@/lib/ctx";
import { prisma, type PrismaClient } from "@/lib/db/client";
import type { GatewayAccount, PayLink } from "@/lib/generated/prisma/client";
import type { GatewayPayment } from "@/lib/integrations/payments/gateway";
import { log } from "@/lib/log";

const DAY_MS = 24 * 3600_000;

export type ReconcileResult = { accountId: string; checked: number; repaired: number; error: string | null };

export async function reconcileGatewayAccounts(deps: GatewayDeps & { db?: PrismaClient; days?: number; accountIds?: string[] } = {}): Promise<ReconcileResult[]> {
  const db = deps.db ?? prisma;
  const accounts = await db.gatewayAccount.findMany({ where: { active: true, ...(deps.accountIds ? { id: { in: deps.accountIds } } : {}) }, orderBy: { createdAt: "asc" } });
  const results: ReconcileResult[] = [];
  for (const account of accounts) results.push(await reconcileAccount(db, account, deps));
  return results;
}

async function reconcileAccount(db: PrismaClient, account: GatewayAccount, deps: GatewayDeps & { days?: number }): Promise<ReconcileResult> {
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - (deps.days ?? 3) * DAY_MS);
  const run = await db.gatewayReconciliation.create({ data: { companyId: account.companyId, accountId: account.id, since, startedAt: now } });
  const ctx = makeCtx({ kind: "system", userId: null, name: "Payment reconciliation", companyId: account.companyId }, { db, now: deps.now });
  const gw = gatewayFor(db, account, deps);
  let checked = 0;
  const repairs: string[] = [];
  let error: string | null = null;
  try {
    const seen = new Set<string>();
    const apply = async (p: GatewayPayment, link: PayLink | null) => {
      if (seen.has(p.id)) return;
      seen.add(p.id);
      checked++;
      const r = await applyPayment(ctx, account, p, link);
      if (r.changed) repairs.push(r.text);
    };
    // Open links first: a Razorpay link's payments are known through the link only.
    const open = await db.payLink.findMany({ where: { accountId: account.id, companyId: account.companyId, status: { in: ["CREATED", "PARTLY_PAID"] }, gatewayLinkId: { not: null }, createdAt: { gte: new Date(now.getTime() - 180 * DAY_MS) } } });
    for (const link of open) {
      const gl = await gw.fetchLink(link.gatewayLinkId!);
      for (const id of gl.paymentIds) await apply(await gw.fetchPayment(id), link);
      if (gl.status === "cancelled" || gl.status === "expired") {
        await db.payLink.updateMany({ where: { id: link.id, companyId: account.companyId, status: "CREATED" }, data: gl.status === "cancelled" ? { status: "CANCELLED", cancelledAt: now } : { status: "EXPIRED" } });
      }
    }
    for (const p of await gw.listPaymentsSince(since)) await apply(p, null);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    log("warn", "gateway reconciliation failed", { accountId: account.id, error });
  }
  await db.gatewayReconciliation.update({ where: { id: run.id }, data: { finishedAt: deps.now?.() ?? new Date(), checked, repaired: repairs.length, details: repairs.join("\n").slice(0, 10_000) || null, error } });
  return { accountId: account.id, checked, repaired: repairs.length, error };
}
