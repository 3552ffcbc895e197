import "server-only";
// The job queued when a gateway account is disabled (queue "gateway-account-disabled"): every link of
// it that can still be paid is cancelled at the gateway (so nobody pays through it any more), then
// here. Razorpay Orders have no cancel: a checkout is closed here only (its page is never opened
// again). A link the gateway reports paid meanwhile is left for its webhook, which is still taken:
// money received on a disabled account is recorded, never lost. Re-enabled before the job ran: nothing.
import { recordAudit } from "@/lib/audit/record-audit";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { makeCtx } from "@/lib/ctx";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { GatewayError } from "@/lib/integrations/payments/gateway";
import type { JobData } from "@/lib/jobs/queues";
import { log } from "@/lib/log";

export type DisabledAccountResult = { cancelled: number; left: { reference: string; reason: string }[] };

export async function cancelDisabledAccountLinks(data: JobData["gateway-account-disabled"], deps: GatewayDeps & { db?: PrismaClient } = {}): Promise<DisabledAccountResult> {
  const db = deps.db ?? prisma;
  const account = await db.gatewayAccount.findUnique({ where: { id: data.accountId } });
  if (!account || account.active) return { cancelled: 0, left: [] };
  const ctx = makeCtx({ kind: "system", userId: null, name: "Gateway account disabled", companyId: account.companyId }, { db, now: deps.now });
  const open = await db.payLink.findMany({ where: { accountId: account.id, companyId: account.companyId, status: { in: ["CREATED", "PARTLY_PAID"] } }, orderBy: { createdAt: "asc" } });
  const gw = open.some((l) => l.kind === "LINK" && l.gatewayLinkId) ? gatewayFor(db, account, deps) : null;
  const result: DisabledAccountResult = { cancelled: 0, left: [] };
  let retry: Error | null = null;
  for (const link of open) {
    if (link.kind === "LINK" && link.gatewayLinkId) {
      try {
        await gw!.cancelLink(link.gatewayLinkId);
      } catch (err) {
        // Unreachable gateway: try the rest, then fail the job so it retries (those cancelled stay cancelled).
        if (err instanceof GatewayError && err.retryable) retry = err;
        result.left.push({ reference: link.reference, reason: err instanceof Error ? err.message : String(err) });
        continue;
      }
    }
    await db.$transaction(async (tx) => {
      const n = await tx.payLink.updateMany({ where: { id: link.id, companyId: link.companyId, status: { in: ["CREATED", "PARTLY_PAID"] } }, data: { status: "CANCELLED", cancelledAt: ctx.now() } });
      if (n.count) {
        result.cancelled++;
        await recordAudit(ctx, tx, { action: "pay_link.cancel", entityType: "PayLink", entityId: link.id, companyId: link.companyId, before: { status: link.status }, after: { status: "CANCELLED", reason: "gateway account disabled" } });
      }
    });
  }
  if (result.left.length) log("warn", "links of a disabled gateway account not cancelled", { accountId: account.id, left: result.left });
  if (retry) throw retry;
  return result;
}
