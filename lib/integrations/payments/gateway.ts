// What the product needs from a payment gateway, whichever one answers: Razorpay (razorpay-client.ts,
// the official `razorpay` SDK), Stripe (stripe-client.ts, the official `stripe` SDK) or the local
// gateway sandbox (sandbox.ts). Amounts are integer paise (the currency's smallest unit) end to end.

export type GatewayKind = "razorpay" | "stripe" | "sandbox";

/** A payment's state as the gateway reports it, mapped onto our forward-only attempt states. */
export type GatewayPaymentStatus = "created" | "authorized" | "captured" | "refunded" | "failed";

export type GatewayPayment = {
  id: string;
  status: GatewayPaymentStatus;
  amountPaise: number;
  amountRefundedPaise: number;
  /** Upper case ISO 4217 ("INR"). */
  currency: string;
  method: string | null;
  /** The gateway's link / checkout session this payment was made through, when any. */
  linkId: string | null;
  /** Razorpay: the order the payment was made against (Standard Checkout), when any. */
  orderId: string | null;
  /** Our ids as we sent them (Razorpay notes, Stripe metadata): pay_link_id, invoice_id, company_id. */
  notes: Record<string, string>;
  errorReason: string | null;
};

export type GatewayLinkStatus = "created" | "partially_paid" | "paid" | "cancelled" | "expired";

export type GatewayLink = {
  id: string;
  shortUrl: string;
  status: GatewayLinkStatus;
  amountPaise: number;
  amountPaidPaise: number;
  currency: string;
  /** Payments made through the link so far (ids only; fetch each for its state). */
  paymentIds: string[];
};

export type CreateLinkInput = {
  amountPaise: number;
  currency: string;
  /** Our reference: Razorpay reference_id, Stripe client_reference_id. Unique per link. */
  reference: string;
  description: string;
  acceptPartial: boolean;
  /** Razorpay: the first part payment must be at least this much. */
  firstMinPartialPaise?: number;
  expiresAt: Date | null;
  customer: { name: string; email?: string | null; contact?: string | null };
  notes: Record<string, string>;
  /** Where the payer's browser goes afterwards (only hurries the same job; never trusted alone). */
  callbackUrl: string;
};

/** A Razorpay Order for Standard Checkout: the browser (checkout.js) or the mobile SDK pays against it. */
export type CreateOrderInput = {
  amountPaise: number;
  currency: string;
  /** Our document number and a suffix (Razorpay: receipt, at most 40 characters). */
  receipt: string;
  /** The payer may pay part of it now and the rest later (Razorpay partial_payment). */
  partialPayment: boolean;
  /** With partialPayment: the first payment must be at least this much. */
  firstMinPartialPaise?: number;
  notes: Record<string, string>;
};

export type GatewayOrderStatus = "created" | "attempted" | "paid";

export type GatewayOrder = {
  id: string;
  status: GatewayOrderStatus;
  amountPaise: number;
  amountPaidPaise: number;
  currency: string;
  receipt: string | null;
  notes: Record<string, string>;
};

/** What Standard Checkout hands back to its success handler; signed with the KEY secret. */
export type CheckoutResponse = { orderId: string; paymentId: string; signature: string };

/** Orders + Standard Checkout (Razorpay and the sandbox standing in for it). Stripe has none: it pays through Checkout Sessions. */
export interface GatewayOrders {
  create(input: CreateOrderInput): Promise<GatewayOrder>;
  fetch(orderId: string): Promise<GatewayOrder>;
  /** The payments made against the order (ids only; fetch each for its state). */
  paymentIds(orderId: string): Promise<string[]>;
  /** HMAC-SHA256(order_id|payment_id, key secret), compared in constant time. */
  verifyCheckout(r: CheckoutResponse): boolean;
}

export type GatewayRefund = { id: string; paymentId: string; amountPaise: number; status: "pending" | "processed" | "failed" };

/** One verified webhook event, reduced to what applying it needs. */
export type GatewayEvent = {
  eventId: string;
  type: string;
  /** The payment the event is about (Razorpay payment id; Stripe PaymentIntent id). */
  paymentId: string | null;
  /** The link / checkout session the event is about. */
  linkId: string | null;
  /** Razorpay: the order the event is about (order.paid, or the payment's order_id). */
  orderId: string | null;
  /** Our ids the event carries (notes / metadata), for the tenant check. */
  notes: Record<string, string>;
};

export interface PaymentGateway {
  readonly kind: GatewayKind;
  /** Calls an authenticated read; throws GatewayError("auth") for wrong keys. */
  verifyCredentials(): Promise<void>;
  createLink(input: CreateLinkInput): Promise<GatewayLink>;
  fetchLink(linkId: string): Promise<GatewayLink>;
  cancelLink(linkId: string): Promise<GatewayLink>;
  fetchPayment(paymentId: string): Promise<GatewayPayment>;
  /** Payments made since `since` (at most `max`), for the nightly reconciliation. */
  listPaymentsSince(since: Date, max?: number): Promise<GatewayPayment[]>;
  /** Refund at most what is left; the key makes a retried call refund once. */
  refund(paymentId: string, amountPaise: number, idempotencyKey: string): Promise<GatewayRefund>;
  /** Verifies the signature over the raw body (throws WebhookSignatureError) and reads the event. */
  verifyWebhook(rawBody: string, headers: Headers, now: Date): GatewayEvent;
  /** Reads a stored (already verified) event body again. */
  readEvent(rawBody: string, eventId: string): GatewayEvent;
  /** Orders + Standard Checkout, where the gateway has them (Razorpay, the sandbox); absent for Stripe. */
  readonly orders?: GatewayOrders;
}

/** A webhook whose signature, timestamp or shape is wrong: the route answers 400 and stores nothing. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}

export class GatewayError extends Error {
  readonly code: "auth" | "not_found" | "bad_request" | "unavailable";
  readonly retryable: boolean;
  constructor(code: GatewayError["code"], message: string) {
    super(message);
    this.name = "GatewayError";
    this.code = code;
    this.retryable = code === "unavailable";
  }
}

/** Notes/metadata values as plain strings (gateways echo them back as they were sent). */
export function stringNotes(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === "object" && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "string" || typeof x === "number") out[k] = String(x);
  return out;
}
