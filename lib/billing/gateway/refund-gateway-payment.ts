import "server-only";
// Staff refund a gateway payment in full or in part: the gateway is asked first (with an idempotency
// key derived from the payment's refund state, so a retried request refunds once), then the payment
// is re-fetched and applied like any event — the same path that books dashboard refunds — so the
// refund record in the books follows from what the gateway says, exactly once.
import { assertCan } from "@/lib/auth/permissions";
import { applyPayment } from "@/lib/billing/gateway/apply-webhook-event";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { refundGatewayPaymentInput } from "@/lib/billing/gateway/gateway.schemas";
import { toPaymentAttemptView, type PaymentAttemptView } from "@/lib/billing/gateway/pay-link-views";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import { GatewayError } from "@/lib/integrations/payments/gateway";
import { parseInput } from "@/lib/validation";

export async function refundGatewayPayment(ctx: Ctx, attemptId: string, input: unknown, deps: GatewayDeps = {}): Promise<PaymentAttemptView> {
  assertCan(ctx.actor, "payments.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(refundGatewayPaymentInput, input ?? {});
  const attempt = await ctx.db.paymentAttempt.findFirst({ where: { id: attemptId, companyId }, include: { account: true, payLink: true } });
  if (!attempt) throw notFound("Gateway payment");
  if ((attempt.status !== "CAPTURED" && attempt.status !== "PARTLY_REFUNDED") || !attempt.paymentId) {
    throw new AppError("invalid_transition", `Only a received payment can be refunded (this one is ${attempt.status.toLowerCase().replace("_", " ")})`);
  }
  const left = attempt.amountPaise - attempt.amountRefundedPaise;
  const paise = data.amount ? toPaise(data.amount)! : left;
  if (paise > left) throw new AppError("validation", `Only ${formatINR(fromPaise(left))} of this payment is left to refund`, { fieldErrors: { amount: [`At most ${formatINR(fromPaise(left))}`] } });

  const gateway = gatewayFor(ctx.db, attempt.account, deps);
  try {
    await gateway.refund(attempt.gatewayPaymentId, Number(paise), `rfnd_${attempt.id}_${attempt.amountRefundedPaise}_${paise}`);
    const payment = await gateway.fetchPayment(attempt.gatewayPaymentId);
    await applyPayment(ctx, attempt.account, payment, attempt.payLink);
  } catch (err) {
    if (err instanceof GatewayError) throw new AppError(err.code === "bad_request" ? "conflict" : "gateway_unavailable", `The gateway did not refund: ${err.message}`);
    throw err;
  }
  return toPaymentAttemptView(await ctx.db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } }));
}
