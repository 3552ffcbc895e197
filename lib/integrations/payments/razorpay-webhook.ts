// Razorpay's webhook format, shared by the Razorpay driver and the local gateway sandbox (which signs
// exactly as Razorpay does): X-Razorpay-Signature = hex HMAC-SHA256 of the raw body with the webhook
// secret; the event id travels in the X-Razorpay-Event-Id header, not in the body.
import { createHmac, timingSafeEqual } from "node:crypto";
import { stringNotes, WebhookSignatureError, type CheckoutResponse, type GatewayEvent } from "./gateway";

export function razorpaySignature(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/** Standard Checkout's signature: hex HMAC-SHA256 of `order_id|payment_id` with the KEY secret (the SDK's validatePaymentVerification). */
export function razorpayCheckoutSignature(keySecret: string, orderId: string, paymentId: string): string {
  return createHmac("sha256", keySecret).update(`${orderId}|${paymentId}`).digest("hex");
}

/** The checkout handler's three fields checked in constant time (the SDK helper compares with `===`). */
export function verifyRazorpayCheckout(keySecret: string, r: CheckoutResponse): boolean {
  if (!keySecret || !r.orderId || !r.paymentId || !r.signature) return false;
  const expected = Buffer.from(razorpayCheckoutSignature(keySecret, r.orderId, r.paymentId), "utf8");
  const given = Buffer.from(r.signature, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The same HMAC as the SDK's validateWebhookSignature (razorpay/dist/utils/razorpay-utils), compared in
 * constant time: the SDK helper (2.9.x) compares with `===`. Tests check both agree.
 */
export function verifyRazorpayWebhook(rawBody: string, headers: Headers, secret: string): GatewayEvent {
  const signature = headers.get("x-razorpay-signature");
  if (!signature) throw new WebhookSignatureError("Missing X-Razorpay-Signature header");
  const expected = Buffer.from(razorpaySignature(rawBody, secret), "utf8");
  const given = Buffer.from(signature.trim(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WebhookSignatureError("X-Razorpay-Signature does not match the body");
  const eventId = headers.get("x-razorpay-event-id");
  if (!eventId || eventId.length > 100) throw new WebhookSignatureError("Missing X-Razorpay-Event-Id header");
  return readRazorpayEvent(rawBody, eventId);
}

/** What applying needs from a Razorpay event: its type, the payment and link it names, our notes. */
export function readRazorpayEvent(rawBody: string, eventId: string): GatewayEvent {
  let body: RazorpayEventBody;
  try {
    body = JSON.parse(rawBody) as RazorpayEventBody;
  } catch {
    throw new WebhookSignatureError("The body is not JSON");
  }
  if (!body || typeof body.event !== "string" || typeof body.payload !== "object" || body.payload === null) throw new WebhookSignatureError("Not a Razorpay event (no event / payload)");
  const payment = body.payload.payment?.entity;
  const link = body.payload.payment_link?.entity;
  const refund = body.payload.refund?.entity;
  const dispute = body.payload.dispute?.entity;
  const order = body.payload.order?.entity;
  const paymentId = str(payment?.id) ?? str(refund?.payment_id) ?? str(dispute?.payment_id);
  return {
    eventId,
    type: body.event,
    paymentId,
    linkId: str(link?.id),
    // A payment link's payments carry the link's internal order too; only our own checkout orders match a row.
    orderId: str(order?.id) ?? str(payment?.order_id),
    notes: { ...stringNotes(order?.notes), ...stringNotes(payment?.notes), ...stringNotes(link?.notes) },
  };
}

type Entity = { id?: unknown; notes?: unknown; payment_id?: unknown; order_id?: unknown };
type RazorpayEventBody = {
  entity?: string;
  event: string;
  contains?: string[];
  payload: { payment?: { entity?: Entity }; payment_link?: { entity?: Entity }; refund?: { entity?: Entity }; dispute?: { entity?: Entity }; order?: { entity?: Entity } };
  created_at?: number;
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** Razorpay payment statuses are already ours. */
export function razorpayPaymentStatus(s: unknown): "created" | "authorized" | "captured" | "refunded" | "failed" {
  return s === "authorized" || s === "captured" || s === "refunded" || s === "failed" ? s : "created";
}

export function razorpayLinkStatus(s: unknown): "created" | "partially_paid" | "paid" | "cancelled" | "expired" {
  return s === "partially_paid" || s === "paid" || s === "cancelled" || s === "expired" ? s : "created";
}

export function razorpayOrderStatus(s: unknown): "created" | "attempted" | "paid" {
  return s === "attempted" || s === "paid" ? s : "created";
}
