import "server-only";
// The Stripe driver (exporters and foreign buyers), through the official `stripe` SDK: a Checkout
// Session is the pay link (our ids in metadata and client_reference_id), a PaymentIntent the payment,
// refunds carry an Idempotency-Key, webhooks are verified by stripe.webhooks.constructEvent with the
// default 300 s tolerance. Checkout has no part payments: acceptPartial is not offered for Stripe.
// `apiBase` (host/port/protocol options of the SDK) points it at a local server in tests.
import Stripe from "stripe";
import { GatewayError, stringNotes, WebhookSignatureError, type GatewayEvent, type GatewayLink, type GatewayPayment, type PaymentGateway } from "./gateway";

export type StripeConfig = { secretKey: string; webhookSecret: string; apiBase?: string };

export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

export function createStripeClient(cfg: StripeConfig): PaymentGateway {
  const base = cfg.apiBase ? new URL(cfg.apiBase) : null;
  const stripe = new Stripe(cfg.secretKey, {
    maxNetworkRetries: 1,
    timeout: 10_000,
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
  const call = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (err) {
      throw toGatewayError(err);
    }
  };

  return {
    kind: "stripe",
    async verifyCredentials() {
      await call(stripe.balance.retrieve());
    },
    async createLink(input) {
      // A Checkout Session lives at most 24 hours; a longer expiry is the session's maximum.
      const maxExpiry = Date.now() + 23.5 * 3600_000;
      const expiresAt = input.expiresAt && input.expiresAt.getTime() < maxExpiry ? input.expiresAt : new Date(maxExpiry);
      const session = await call(
        stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [{ quantity: 1, price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amountPaise, product_data: { name: input.description } } }],
            client_reference_id: input.reference,
            metadata: input.notes,
            payment_intent_data: { metadata: input.notes, description: input.description },
            ...(input.customer.email ? { customer_email: input.customer.email } : {}),
            success_url: `${input.callbackUrl}${input.callbackUrl.includes("?") ? "&" : "?"}session_id={CHECKOUT_SESSION_ID}`,
            cancel_url: input.callbackUrl,
            expires_at: Math.floor(expiresAt.getTime() / 1000),
          },
          { idempotencyKey: `link-${input.reference}` },
        ),
      );
      return toLink(session);
    },
    async fetchLink(id) {
      return toLink(await call(stripe.checkout.sessions.retrieve(id)));
    },
    async cancelLink(id) {
      return toLink(await call(stripe.checkout.sessions.expire(id)));
    },
    async fetchPayment(id) {
      return toPayment(await call(stripe.paymentIntents.retrieve(id, { expand: ["latest_charge"] })));
    },
    async listPaymentsSince(since, max = 1000) {
      const out: GatewayPayment[] = [];
      try {
        for await (const pi of stripe.paymentIntents.list({ created: { gte: Math.floor(since.getTime() / 1000) }, limit: 100, expand: ["data.latest_charge"] })) {
          out.push(toPayment(pi));
          if (out.length >= max) break;
        }
      } catch (err) {
        throw toGatewayError(err);
      }
      return out;
    },
    async refund(paymentId, amountPaise, idempotencyKey) {
      const r = await call(stripe.refunds.create({ payment_intent: paymentId, amount: amountPaise }, { idempotencyKey }));
      return { id: r.id, paymentId, amountPaise: r.amount, status: r.status === "succeeded" ? "processed" : r.status === "failed" || r.status === "canceled" ? "failed" : "pending" };
    },
    verifyWebhook(rawBody, headers, now) {
      return verifyStripeWebhook(rawBody, headers, cfg.webhookSecret, now);
    },
    readEvent(rawBody) {
      return toEvent(JSON.parse(rawBody) as StripeEventLike);
    },
  };
}

/**
 * Stripe's own stripe.webhooks.constructEvent (the SDK's static helper, the same object every client
 * carries), 300 s tolerance: the webhook door needs only the webhook secret, not an API client.
 */
export function verifyStripeWebhook(rawBody: string, headers: Headers, webhookSecret: string, now: Date): GatewayEvent {
  const header = headers.get("stripe-signature");
  if (!header) throw new WebhookSignatureError("Missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, header, webhookSecret, STRIPE_WEBHOOK_TOLERANCE_SECONDS, undefined, now.getTime());
  } catch (err) {
    throw new WebhookSignatureError(err instanceof Error ? err.message : "Stripe-Signature does not verify");
  }
  return toEvent(event as unknown as StripeEventLike);
}

type StripeEventLike = { id: string; type: string; data: { object: { object?: string; id?: string; payment_intent?: unknown; metadata?: unknown } } };

function toEvent(e: StripeEventLike): GatewayEvent {
  const o = e.data?.object ?? {};
  const pi = typeof o.payment_intent === "string" ? o.payment_intent : (o.payment_intent as { id?: string } | null)?.id ?? null;
  return {
    eventId: e.id,
    type: e.type,
    paymentId: o.object === "payment_intent" ? (o.id ?? null) : pi,
    linkId: o.object === "checkout.session" ? (o.id ?? null) : null,
    orderId: null,
    notes: stringNotes(o.metadata),
  };
}

function toLink(s: Stripe.Checkout.Session): GatewayLink {
  const paid = s.payment_status === "paid";
  const pi = typeof s.payment_intent === "string" ? s.payment_intent : (s.payment_intent?.id ?? null);
  return {
    id: s.id,
    shortUrl: s.url ?? "",
    status: paid ? "paid" : s.status === "expired" ? "expired" : "created",
    amountPaise: s.amount_total ?? 0,
    amountPaidPaise: paid ? (s.amount_total ?? 0) : 0,
    currency: (s.currency ?? "inr").toUpperCase(),
    paymentIds: pi ? [pi] : [],
  };
}

function toPayment(pi: Stripe.PaymentIntent): GatewayPayment {
  const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const refunded = charge?.amount_refunded ?? 0;
  const status: GatewayPayment["status"] =
    pi.status === "succeeded"
      ? refunded > 0 && refunded >= pi.amount_received
        ? "refunded"
        : "captured"
      : pi.status === "requires_capture"
        ? "authorized"
        : pi.status === "canceled" || (pi.status === "requires_payment_method" && pi.last_payment_error)
          ? "failed"
          : "created";
  return {
    id: pi.id,
    status,
    amountPaise: pi.status === "succeeded" ? pi.amount_received : pi.amount,
    amountRefundedPaise: refunded,
    currency: pi.currency.toUpperCase(),
    method: charge?.payment_method_details?.type ?? pi.payment_method_types?.[0] ?? null,
    linkId: null,
    orderId: null,
    notes: stringNotes(pi.metadata),
    errorReason: pi.last_payment_error?.message ?? pi.cancellation_reason ?? null,
  };
}

function toGatewayError(err: unknown): GatewayError {
  if (err instanceof Stripe.errors.StripeAuthenticationError || err instanceof Stripe.errors.StripePermissionError) return new GatewayError("auth", `Stripe refused the secret key: ${err.message}`);
  if (err instanceof Stripe.errors.StripeInvalidRequestError) return new GatewayError(err.statusCode === 404 ? "not_found" : "bad_request", `Stripe: ${err.message}`);
  return new GatewayError("unavailable", `Stripe is unavailable: ${err instanceof Error ? err.message : String(err)}`);
}
