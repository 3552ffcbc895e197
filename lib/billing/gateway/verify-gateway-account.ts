import "server-only";
// "Verify credentials": one authenticated read at the gateway with the stored keys; the result is kept
// on the account (verifiedAt or lastError) so the settings screen shows it.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCanConfigureGateways, toGatewayAccountView, type GatewayAccountView } from "@/lib/billing/gateway/gateway-accounts";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { GatewayError } from "@/lib/integrations/payments/gateway";

export async function verifyGatewayAccount(ctx: Ctx, accountId: string, deps: GatewayDeps = {}): Promise<GatewayAccountView & { ok: boolean }> {
  assertCanConfigureGateways(ctx);
  const companyId = (ctx.actor as Extract<Ctx["actor"], { kind: "staff" }>).companyId;
  const account = await ctx.db.gatewayAccount.findFirst({ where: { id: accountId, companyId } });
  if (!account) throw notFound("Gateway account");
  let error: string | null = null;
  try {
    await gatewayFor(ctx.db, account, deps).verifyCredentials();
  } catch (err) {
    error = err instanceof GatewayError ? err.message : "The gateway did not answer";
  }
  const row = await ctx.db.$transaction(async (tx) => {
    const r = await tx.gatewayAccount.update({ where: { id: account.id, companyId }, data: error ? { lastError: error } : { verifiedAt: ctx.now(), lastError: null } });
    await recordAudit(ctx, tx, { action: "gateway_account.verify", entityType: "GatewayAccount", entityId: account.id, companyId, after: { ok: !error, error } });
    return r;
  });
  return { ...toGatewayAccountView(row), ok: !error };
}
