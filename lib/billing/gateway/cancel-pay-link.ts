import "server-only";
// Cancelling a pay link: at the gateway first (so nobody can pay it any more), then here. A paid
// link cannot be cancelled; payments already made through a part-paid link stay recorded.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { cancelPayLinkInput } from "@/lib/billing/gateway/gateway.schemas";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { loadPayLinkView, type PayLinkView } from "@/lib/billing/gateway/pay-link-views";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { GatewayError } from "@/lib/integrations/payments/gateway";
import { parseInput } from "@/lib/validation";

export async function cancelPayLink(ctx: Ctx, id: string, input: unknown, deps: GatewayDeps = {}): Promise<PayLinkView> {
  assertCan(ctx.actor, "payments.write");
  const actor = ctx.actor;
  parseInput(cancelPayLinkInput, input ?? {});
  const link = await ctx.db.payLink.findFirst({ where: { id, companyId: actor.companyId }, include: { account: true } });
  if (!link) throw notFound("Pay link");
  if (link.status === "CANCELLED") return loadPayLinkView(ctx.db, actor, id);
  if (link.status !== "CREATED" && link.status !== "PARTLY_PAID") throw new AppError("invalid_transition", `A ${link.status.toLowerCase().replace("_", " ")} link cannot be cancelled`);
  // A Razorpay Order cannot be cancelled at the gateway (nobody is sent to it again; a late payment on
  // it is still recorded by its webhook), so a checkout is cancelled here only.
  if (link.gatewayLinkId && link.kind === "LINK") {
    try {
      await gatewayFor(ctx.db, link.account, deps).cancelLink(link.gatewayLinkId);
    } catch (err) {
      if (err instanceof GatewayError) throw new AppError("gateway_unavailable", `The gateway did not cancel the link: ${err.message}`);
      throw err;
    }
  }
  await ctx.db.$transaction(async (tx) => {
    const n = await tx.payLink.updateMany({ where: { id, companyId: actor.companyId, status: { in: ["CREATED", "PARTLY_PAID"] } }, data: { status: "CANCELLED", cancelledAt: ctx.now() } });
    if (n.count) await recordAudit(ctx, tx, { action: "pay_link.cancel", entityType: "PayLink", entityId: id, companyId: actor.companyId, before: { status: link.status }, after: { status: "CANCELLED" } });
  });
  return loadPayLinkView(ctx.db, actor, id);
}
