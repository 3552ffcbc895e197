import "server-only";
// The payer's side of the LOCAL GATEWAY SANDBOX: what its hosted pay page (/sandbox-gateway/pay/[id])
// does when someone "pays" — no real money moves. It writes the sandbox's own payment row and sends
// the webhooks Razorpay would send (payment.authorized, payment.captured, payment_link.paid /
// partially_paid, payment.failed), each a pg-boss job that posts a Razorpay-signed body to the app's
// own webhook route — normally, twice, late or out of order, to show the app copes with each.
import { z } from "zod";
import { webhookUrlFor } from "@/lib/billing/gateway/gateway-accounts";
import { razorpayLinkCallbackSignature } from "@/lib/billing/gateway/gateway-callback";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import { decryptSecret } from "@/lib/billing/secrets";
import { prisma, type PrismaClient, type Tx } from "@/lib/db/client";
import { paymentSandboxAllowed } from "@/lib/env";
import { AppError, conflict, notFound } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import { razorpaySignature } from "@/lib/integrations/payments/razorpay-webhook";
import { sandboxEventBody, sandboxId } from "@/lib/integrations/payments/sandbox";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { JobData } from "@/lib/jobs/queues";
import { amountSchema, parseInput } from "@/lib/validation";

export const sandboxMethods = ["upi", "card", "netbanking"] as const;
export const sandboxMethodLabels = { upi: "UPI", card: "Card", netbanking: "Net banking" } as const;
export const sandboxOutcomes = ["succeed", "fail", "authorize_only", "pay_part"] as const;
export const sandboxOutcomeLabels = { succeed: "Payment succeeds", fail: "Payment fails", authorize_only: "Authorised only (not captured)", pay_part: "Pay part of it" } as const;
export const sandboxDeliveries = ["normal", "twice", "late", "out_of_order"] as const;
export const sandboxDeliveryLabels = { normal: "Deliver webhooks normally", twice: "Deliver every webhook twice", late: "Deliver webhooks 20 s late", out_of_order: "Deliver webhooks in reverse order" } as const;

export const sandboxPayInput = z.strictObject({
  method: z.enum(sandboxMethods, { error: "Choose UPI, card or net banking" }),
  outcome: z.enum(sandboxOutcomes, { error: "Choose what happens" }),
  amount: amountSchema.refine((v) => Number(v) > 0, "Must be more than zero").optional(),
  delivery: z.enum(sandboxDeliveries).default("normal"),
});
export type SandboxPayInput = z.input<typeof sandboxPayInput>;

export type SandboxLinkView = {
  id: string;
  description: string;
  referenceId: string;
  amount: string;
  amountPaid: string;
  due: string;
  currency: string;
  status: string;
  acceptPartial: boolean;
  expired: boolean;
  callbackUrl: string | null;
  payments: { id: string; amount: string; status: string; method: string; errorDescription: string | null }[];
};

/** The sandbox pay page's view of a link (public, like a gateway's hosted page: the id is unguessable). */
export async function getSandboxLink(db: PrismaClient, linkId: string, now = new Date()): Promise<SandboxLinkView> {
  if (!paymentSandboxAllowed()) throw notFound("Payment link");
  const l = await db.gatewaySandboxLink.findFirst({ where: { id: linkId, kind: "payment_link", account: { provider: "SANDBOX" } }, include: { payments: { orderBy: { createdAt: "asc" } } } });
  if (!l) throw notFound("Payment link");
  return {
    id: l.id,
    description: l.description,
    referenceId: l.referenceId,
    amount: fromPaise(l.amount),
    amountPaid: fromPaise(l.amountPaid),
    due: fromPaise(l.amount - l.amountPaid),
    currency: l.currency,
    status: l.status,
    acceptPartial: l.acceptPartial,
    expired: !!l.expireBy && l.expireBy < now,
    callbackUrl: l.callbackUrl,
    payments: l.payments.map((p) => ({ id: p.id, amount: fromPaise(p.amount), status: p.status, method: p.method, errorDescription: p.errorDescription })),
  };
}

export async function paySandboxLink(linkId: string, input: unknown, opts: { db?: PrismaClient; now?: () => Date } = {}): Promise<{ paymentId: string; status: string; callbackUrl: string | null }> {
  const db = opts.db ?? prisma;
  const now = opts.now?.() ?? new Date();
  if (!paymentSandboxAllowed()) throw notFound("Payment link");
  const data = parseInput(sandboxPayInput, input);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "GatewaySandboxLink" WHERE id = ${linkId} FOR UPDATE`;
    const link = locked ? await tx.gatewaySandboxLink.findFirst({ where: { id: linkId, kind: "payment_link", account: { provider: "SANDBOX" } } }) : null;
    if (!link) throw notFound("Payment link");
    if (link.status !== "created" && link.status !== "partially_paid") throw conflict(`This link is ${link.status.replace("_", " ")}`);
    if (link.expireBy && link.expireBy < now) throw conflict("This link has expired");
    const due = link.amount - link.amountPaid;
    let amount = due;
    if (data.outcome === "pay_part") {
      if (!link.acceptPartial) throw new AppError("validation", "This link takes the whole amount only", { fieldErrors: { outcome: ["Part payment is not allowed on this link"] } });
      const part = data.amount ? toPaise(data.amount) : null;
      if (!part || part >= due) throw new AppError("validation", `Enter less than ${formatINR(fromPaise(due))}`, { fieldErrors: { amount: [`Less than ${formatINR(fromPaise(due))}`] } });
      amount = part;
    }
    const status = data.outcome === "fail" ? "failed" : data.outcome === "authorize_only" ? "authorized" : "captured";
    const payment = await tx.gatewaySandboxPayment.create({
      data: { id: sandboxId("pay"), linkId: link.id, amount, currency: link.currency, status, method: data.method, errorDescription: status === "failed" ? "Payment declined by the bank (sandbox)" : null, createdAt: now, updatedAt: now },
    });
    const events: string[] = [];
    if (status === "failed") events.push(sandboxEventBody("payment.failed", now, payment, link));
    else {
      events.push(sandboxEventBody("payment.authorized", now, { ...payment, status: "authorized" }, link));
      if (status === "captured") {
        events.push(sandboxEventBody("payment.captured", now, payment, link));
        const paid = link.amountPaid + amount;
        const after = await tx.gatewaySandboxLink.update({ where: { id: link.id }, data: { amountPaid: paid, status: paid >= link.amount ? "paid" : "partially_paid" } });
        events.push(sandboxEventBody(paid >= link.amount ? "payment_link.paid" : "payment_link.partially_paid", now, payment, after));
      }
    }
    await sendSandboxEvents(tx, link.accountId, events, data.delivery);
    // Like Razorpay, a successful payment returns the browser with the payment and a signature made
    // with the account's key secret (lib/billing/gateway/gateway-callback.ts checks it).
    let callbackUrl = link.callbackUrl;
    if (callbackUrl && status === "captured") {
      const account = await tx.gatewayAccount.findUniqueOrThrow({ where: { id: link.accountId }, select: { keySecretEnc: true } });
      const after = await tx.gatewaySandboxLink.findUniqueOrThrow({ where: { id: link.id }, select: { status: true } });
      const params = { linkId: link.id, referenceId: link.referenceId, status: after.status, paymentId: payment.id };
      const u = new URL(callbackUrl);
      u.searchParams.set("razorpay_payment_id", payment.id);
      u.searchParams.set("razorpay_payment_link_id", link.id);
      u.searchParams.set("razorpay_payment_link_reference_id", link.referenceId);
      u.searchParams.set("razorpay_payment_link_status", after.status);
      u.searchParams.set("razorpay_signature", razorpayLinkCallbackSignature(decryptSecret(account.keySecretEnc), params));
      callbackUrl = u.toString();
    }
    return { paymentId: payment.id, status, callbackUrl };
  });
}

/** A bank's late answer for a sandbox payment: a failed one authorised after all, or an authorised one captured. */
export async function settleSandboxPayment(paymentId: string, to: "authorized" | "captured", opts: { db?: PrismaClient; now?: () => Date; delivery?: (typeof sandboxDeliveries)[number] } = {}): Promise<void> {
  const db = opts.db ?? prisma;
  const now = opts.now?.() ?? new Date();
  await db.$transaction(async (tx) => {
    const p = await tx.gatewaySandboxPayment.findUnique({ where: { id: paymentId }, include: { link: true } });
    if (!p) throw notFound("Sandbox payment");
    const allowed = to === "authorized" ? p.status === "failed" : p.status === "authorized";
    if (!allowed) throw conflict(`A ${p.status} payment cannot become ${to}`);
    const payment = await tx.gatewaySandboxPayment.update({ where: { id: p.id }, data: { status: to, errorDescription: null, updatedAt: now } });
    const events = [sandboxEventBody(`payment.${to}`, now, payment, p.link)];
    if (to === "captured") {
      const paid = p.link.amountPaid + p.amount;
      const order = p.link.kind === "order";
      const after = await tx.gatewaySandboxLink.update({ where: { id: p.linkId }, data: { amountPaid: paid, status: paid >= p.link.amount ? "paid" : order ? "attempted" : "partially_paid" } });
      if (order) {
        if (paid >= p.link.amount) events.push(sandboxEventBody("order.paid", now, payment, after));
      } else events.push(sandboxEventBody(paid >= p.link.amount ? "payment_link.paid" : "payment_link.partially_paid", now, payment, after));
    }
    await sendSandboxEvents(tx, p.link.accountId, events, opts.delivery ?? "normal");
  });
}

/** A refund made "in the gateway's dashboard" (not through the app): the app learns of it from the refund.processed webhook. */
export async function sandboxDashboardRefund(paymentId: string, amountPaise: bigint, opts: { db?: PrismaClient; now?: () => Date } = {}): Promise<void> {
  const db = opts.db ?? prisma;
  const now = opts.now?.() ?? new Date();
  await db.$transaction(async (tx) => {
    const p = await tx.gatewaySandboxPayment.findUnique({ where: { id: paymentId }, include: { link: true } });
    if (!p) throw notFound("Sandbox payment");
    if (p.status !== "captured" || amountPaise <= 0n || p.amountRefunded + amountPaise > p.amount) throw conflict("Nothing that much to refund on this payment");
    const refunded = p.amountRefunded + amountPaise;
    const payment = await tx.gatewaySandboxPayment.update({ where: { id: p.id }, data: { amountRefunded: refunded, status: refunded === p.amount ? "refunded" : "captured", updatedAt: now } });
    await sendSandboxEvents(tx, p.link.accountId, [sandboxEventBody("refund.processed", now, payment, p.link, { id: sandboxId("rfnd"), amount: amountPaise })], "normal");
  });
}

export async function sendSandboxEvents(tx: Tx, accountId: string, bodies: string[], delivery: (typeof sandboxDeliveries)[number]) {
  const events = bodies.map((body) => ({ accountId, eventId: sandboxId("evt"), body }));
  const plan: { ev: (typeof events)[number]; after: number }[] =
    delivery === "twice"
      ? events.flatMap((ev) => [{ ev, after: 0 }, { ev, after: 2 }])
      : delivery === "late"
        ? events.map((ev) => ({ ev, after: 20 }))
        : delivery === "out_of_order"
          ? events.map((ev, i) => ({ ev, after: 2 * (events.length - 1 - i) }))
          : events.map((ev) => ({ ev, after: 0 }));
  for (const { ev, after } of plan) await enqueueJob(tx, "gateway-sandbox-deliver", ev, after ? { startAfterSeconds: after } : {});
}

/** The delivery job: signs the body as Razorpay does and posts it to the app's own webhook route. */
export async function deliverSandboxWebhook(data: JobData["gateway-sandbox-deliver"], deps: { db?: PrismaClient; post?: (url: string, init: RequestInit) => Promise<Response> } = {}): Promise<number> {
  const db = deps.db ?? prisma;
  const account = await db.gatewayAccount.findFirst({ where: { id: data.accountId, provider: "SANDBOX" } });
  if (!account) return 0;
  const signature = razorpaySignature(data.body, decryptSecret(account.webhookSecretEnc));
  const res = await (deps.post ?? fetch)(webhookUrlFor(account), {
    method: "POST",
    headers: { "content-type": "application/json", "x-razorpay-signature": signature, "x-razorpay-event-id": data.eventId },
    body: data.body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`The webhook route answered ${res.status}`);
  return res.status;
}

