import "server-only";
// The Razorpay driver, through the official `razorpay` SDK: Payment Links (accept_partial, reference_id,
// expire_by), Orders for Standard Checkout (receipt, notes, partial_payment), payments, refunds with
// X-Refund-Idempotency, webhook and checkout-signature verification.
// The SDK has no base-URL option (hostUrl is fixed to https://api.razorpay.com); `apiBase` re-points
// the SDK's own axios instance, which is how the tests talk to a local server speaking Razorpay's API.
import Razorpay from "razorpay";
import { GatewayError, stringNotes, type CreateLinkInput, type GatewayLink, type GatewayOrder, type GatewayPayment, type GatewayRefund, type PaymentGateway } from "./gateway";
import { razorpayLinkStatus, razorpayOrderStatus, razorpayPaymentStatus, readRazorpayEvent, verifyRazorpayCheckout, verifyRazorpayWebhook } from "./razorpay-webhook";

export type RazorpayConfig = { keyId: string; keySecret: string; webhookSecret: string; apiBase?: string };

export function createRazorpayClient(cfg: RazorpayConfig): PaymentGateway {
  const rzp = new Razorpay({ key_id: cfg.keyId, key_secret: cfg.keySecret });
  const api = (rzp as unknown as { api: { rq: { defaults: { baseURL?: string; timeout?: number }; post: (url: string, data: unknown, config: unknown) => Promise<{ data: unknown }> } } }).api;
  if (cfg.apiBase) api.rq.defaults.baseURL = cfg.apiBase;
  api.rq.defaults.timeout = 10_000;

  const call = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (err) {
      throw toGatewayError(err);
    }
  };

  return {
    kind: "razorpay",
    async verifyCredentials() {
      // The cheapest authenticated read: one payment link (wrong keys answer 401).
      await call(rzp.paymentLink.all({ count: 1 } as never));
    },
    async createLink(input: CreateLinkInput) {
      const body = {
        amount: input.amountPaise,
        currency: input.currency,
        accept_partial: input.acceptPartial,
        ...(input.acceptPartial && input.firstMinPartialPaise ? { first_min_partial_amount: input.firstMinPartialPaise } : {}),
        ...(input.expiresAt ? { expire_by: Math.floor(input.expiresAt.getTime() / 1000) } : {}),
        reference_id: input.reference,
        description: input.description,
        customer: { name: input.customer.name, ...(input.customer.email ? { email: input.customer.email } : {}), ...(input.customer.contact ? { contact: input.customer.contact } : {}) },
        notify: { sms: false, email: false },
        reminder_enable: false,
        notes: input.notes,
        callback_url: input.callbackUrl,
        callback_method: "get",
      };
      return toLink(await call(rzp.paymentLink.create(body as never)));
    },
    async fetchLink(id) {
      return toLink(await call(rzp.paymentLink.fetch(id)));
    },
    async cancelLink(id) {
      return toLink(await call(rzp.paymentLink.cancel(id)));
    },
    async fetchPayment(id) {
      return toPayment(await call(rzp.payments.fetch(id)));
    },
    async listPaymentsSince(since, max = 1000) {
      const out: GatewayPayment[] = [];
      for (let skip = 0; skip < max; skip += 100) {
        const page = (await call(rzp.payments.all({ from: Math.floor(since.getTime() / 1000), count: 100, skip } as never))) as unknown as { items: unknown[] };
        out.push(...page.items.map(toPayment));
        if (page.items.length < 100) break;
      }
      return out.slice(0, max);
    },
    async refund(paymentId, amountPaise, idempotencyKey): Promise<GatewayRefund> {
      // payments.refund() cannot send X-Refund-Idempotency (the SDK passes only X-Razorpay-Account and
      // Content-Type through), so the refund goes through the SDK's own HTTP client with the header.
      const res = await call(api.rq.post(`/v1/payments/${encodeURIComponent(paymentId)}/refund`, { amount: amountPaise, speed: "normal" }, { headers: { "X-Refund-Idempotency": idempotencyKey } }));
      const r = res.data as { id: string; payment_id: string; amount: number; status: string };
      return { id: r.id, paymentId: r.payment_id, amountPaise: r.amount, status: r.status === "processed" ? "processed" : r.status === "failed" ? "failed" : "pending" };
    },
    verifyWebhook(rawBody, headers) {
      return verifyRazorpayWebhook(rawBody, headers, cfg.webhookSecret);
    },
    readEvent: readRazorpayEvent,
    orders: {
      async create(input) {
        const body = {
          amount: input.amountPaise,
          currency: input.currency,
          // Razorpay caps receipt at 40 characters.
          receipt: input.receipt.slice(0, 40),
          notes: input.notes,
          ...(input.partialPayment ? { partial_payment: true, ...(input.firstMinPartialPaise ? { first_payment_min_amount: input.firstMinPartialPaise } : {}) } : {}),
        };
        return toOrder(await call(rzp.orders.create(body as never)));
      },
      async fetch(orderId) {
        return toOrder(await call(rzp.orders.fetch(orderId)));
      },
      async paymentIds(orderId) {
        const res = (await call(rzp.orders.fetchPayments(orderId))) as unknown as { items?: { id?: unknown }[] };
        return (res.items ?? []).map((p) => p.id).filter((x): x is string => typeof x === "string");
      },
      verifyCheckout(r) {
        return verifyRazorpayCheckout(cfg.keySecret, r);
      },
    },
  };
}

function toOrder(raw: unknown): GatewayOrder {
  const o = raw as { id: string; status: string; amount: number; amount_paid?: number; currency: string; receipt?: string | null; notes?: unknown };
  return { id: o.id, status: razorpayOrderStatus(o.status), amountPaise: Number(o.amount), amountPaidPaise: Number(o.amount_paid ?? 0), currency: String(o.currency).toUpperCase(), receipt: o.receipt ?? null, notes: stringNotes(o.notes) };
}

function toLink(raw: unknown): GatewayLink {
  const l = raw as { id: string; short_url: string; status: string; amount: number; amount_paid?: number; currency: string; payments?: unknown };
  // The API returns `payments` as a list (or null); the SDK's type says a single object.
  const list = Array.isArray(l.payments) ? l.payments : l.payments ? [l.payments] : [];
  return {
    id: l.id,
    shortUrl: l.short_url,
    status: razorpayLinkStatus(l.status),
    amountPaise: Number(l.amount),
    amountPaidPaise: Number(l.amount_paid ?? 0),
    currency: String(l.currency).toUpperCase(),
    paymentIds: list.map((p) => (p as { payment_id?: string }).payment_id).filter((x): x is string => typeof x === "string"),
  };
}

function toPayment(raw: unknown): GatewayPayment {
  const p = raw as { id: string; status: string; amount: number; amount_refunded?: number; currency: string; method?: string; order_id?: string | null; notes?: unknown; error_description?: string | null };
  return {
    id: p.id,
    status: razorpayPaymentStatus(p.status),
    amountPaise: Number(p.amount),
    amountRefundedPaise: Number(p.amount_refunded ?? 0),
    currency: String(p.currency).toUpperCase(),
    method: p.method ?? null,
    linkId: null,
    orderId: p.order_id ?? null,
    notes: stringNotes(p.notes),
    errorReason: p.error_description ?? null,
  };
}

/** The SDK rejects with { statusCode, error: { code, description } } for API errors, or a plain Error. */
function toGatewayError(err: unknown): GatewayError {
  const e = err as { statusCode?: number; error?: { description?: string } } | undefined;
  const status = e?.statusCode;
  // The SDK (2.9.x) reads err.response.status even when there was no response, so a network failure
  // surfaces as a TypeError about "status": that means Razorpay was not reached.
  const msg = e?.error?.description ?? (err instanceof TypeError && /status/.test(err.message) ? "no answer (network error)" : err instanceof Error ? err.message : "Razorpay did not answer");
  if (status === 401) return new GatewayError("auth", `Razorpay refused the key id / key secret: ${msg}`);
  if (status === 404) return new GatewayError("not_found", `Razorpay: ${msg}`);
  if (status && status >= 400 && status < 500) return new GatewayError("bad_request", `Razorpay: ${msg}`);
  return new GatewayError("unavailable", `Razorpay is unavailable: ${msg}`);
}
