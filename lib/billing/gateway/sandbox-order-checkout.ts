import "server-only";
// The LOCAL GATEWAY SANDBOX's stand-in for Razorpay Standard Checkout (checkout.js): the portal opens
// it with the same options (key, order_id, amount, currency, name, description, prefill) and it hands
// the same three fields to the handler — razorpay_payment_id, razorpay_order_id and razorpay_signature
// = HMAC-SHA256(order_id|payment_id) with the account's key secret, exactly as Razorpay signs them.
// Like Razorpay it sends payment.authorized, payment.captured and (when the order is fully paid)
// order.paid webhooks, signed with the webhook secret, to the app's own webhook route. No real money.
import { sandboxPayInput, sendSandboxEvents } from "@/lib/billing/gateway/sandbox-checkout";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import { decryptSecret } from "@/lib/billing/secrets";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { paymentSandboxAllowed } from "@/lib/env";
import { AppError, conflict, notFound } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import { razorpayCheckoutSignature } from "@/lib/integrations/payments/razorpay-webhook";
import { sandboxEventBody, sandboxId } from "@/lib/integrations/payments/sandbox";
import { parseInput } from "@/lib/validation";

export type SandboxCheckoutResult = {
  paymentId: string;
  status: "captured" | "authorized" | "failed";
  /** What checkout's handler receives; null when the payment failed (checkout shows the error instead). */
  response: { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string } | null;
  errorDescription: string | null;
};

/**
 * Pays a sandbox order as the payer would in checkout. `keyId` must be the account's key id, as
 * checkout.js is opened with it: the order id and key id together are the capability.
 */
export async function paySandboxOrder(keyId: string, orderId: string, input: unknown, opts: { db?: PrismaClient; now?: () => Date } = {}): Promise<SandboxCheckoutResult> {
  const db = opts.db ?? prisma;
  const now = opts.now?.() ?? new Date();
  if (!paymentSandboxAllowed()) throw notFound("Order");
  const data = parseInput(sandboxPayInput, input);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "GatewaySandboxLink" WHERE id = ${orderId} AND kind = 'order' FOR UPDATE`;
    const order = locked ? await tx.gatewaySandboxLink.findFirst({ where: { id: orderId, kind: "order", account: { provider: "SANDBOX", keyId: String(keyId) } }, include: { account: { select: { keySecretEnc: true } } } }) : null;
    if (!order) throw notFound("Order");
    if (order.status === "paid") throw conflict("This order is already paid");
    const due = order.amount - order.amountPaid;
    let amount = due;
    if (data.outcome === "pay_part") {
      if (!order.acceptPartial) throw new AppError("validation", "This order takes the whole amount only", { fieldErrors: { outcome: ["Part payment is not allowed on this order"] } });
      const part = data.amount ? toPaise(data.amount) : null;
      if (!part || part >= due) throw new AppError("validation", `Enter less than ${formatINR(fromPaise(due))}`, { fieldErrors: { amount: [`Less than ${formatINR(fromPaise(due))}`] } });
      amount = part;
    }
    const status = data.outcome === "fail" ? "failed" : data.outcome === "authorize_only" ? "authorized" : "captured";
    const errorDescription = status === "failed" ? "Payment declined by the bank (sandbox)" : null;
    const payment = await tx.gatewaySandboxPayment.create({ data: { id: sandboxId("pay"), linkId: order.id, amount, currency: order.currency, status, method: data.method, errorDescription, createdAt: now, updatedAt: now } });

    const events: string[] = [];
    let after = order;
    if (status === "failed") {
      after = { ...order, ...(await tx.gatewaySandboxLink.update({ where: { id: order.id }, data: { status: "attempted" } })) };
      events.push(sandboxEventBody("payment.failed", now, payment, after));
    } else {
      events.push(sandboxEventBody("payment.authorized", now, { ...payment, status: "authorized" }, order));
      if (status === "captured") {
        const paid = order.amountPaid + amount;
        after = { ...order, ...(await tx.gatewaySandboxLink.update({ where: { id: order.id }, data: { amountPaid: paid, status: paid >= order.amount ? "paid" : "attempted" } })) };
        events.push(sandboxEventBody("payment.captured", now, payment, after));
        if (paid >= order.amount) events.push(sandboxEventBody("order.paid", now, payment, after));
      } else {
        await tx.gatewaySandboxLink.update({ where: { id: order.id }, data: { status: "attempted" } });
      }
    }
    await sendSandboxEvents(tx, order.accountId, events, data.delivery);
    const response =
      status === "failed"
        ? null
        : { razorpay_payment_id: payment.id, razorpay_order_id: order.id, razorpay_signature: razorpayCheckoutSignature(decryptSecret(order.account.keySecretEnc), order.id, payment.id) };
    return { paymentId: payment.id, status, response, errorDescription };
  });
}
