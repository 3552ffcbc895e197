// OpenAPI operations for pay links (/api/v1) and the payment-gateway webhook routes (/api/webhooks),
// which the gateways call: no cookie, no bearer token, the signature over the raw body is the auth.
import { createCheckoutOrderInput, createPayLinkInput, refundGatewayPaymentInput, sendPayLinkInput } from "@/lib/billing/gateway/gateway.schemas";
import type { Operation } from "@/lib/http/openapi-operation";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const paise = { type: "integer", description: "The same amount in paise, as sent to the gateway" };

const paymentAttempt = {
  title: "GatewayPayment",
  type: "object",
  properties: {
    id: str,
    gatewayPaymentId: { type: "string", description: "Razorpay pay_…, Stripe pi_…, sandbox pay_…" },
    status: { enum: ["CREATED", "AUTHORIZED", "CAPTURED", "PARTLY_REFUNDED", "REFUNDED", "FAILED"], description: "Forward-only; FAILED is a side state a late authorisation can leave" },
    amount: money,
    amountPaise: paise,
    amountRefunded: money,
    currency: str,
    method: nullableStr,
    errorReason: nullableStr,
    receiptId: { type: ["string", "null"], description: "The receipt (GET /payments/{id}) booked when it was captured" },
    needsReview: { type: "boolean", description: "True when the money was kept as an advance (more than was open, document cancelled, other currency)" },
    reviewReason: nullableStr,
    createdAt: { type: "string", format: "date-time" },
  },
};

const payLink = {
  title: "PayLink",
  type: "object",
  properties: {
    id: str,
    provider: { enum: ["RAZORPAY", "STRIPE", "SANDBOX"] },
    sandbox: { type: "boolean", description: "True for the local payment sandbox: no real money moves" },
    invoice: { type: ["object", "null"], properties: { id: str, number: str } },
    connectionId: str,
    reference: { type: "string", description: "Sent to the gateway as reference_id / client_reference_id: the document number and a suffix" },
    description: str,
    amount: money,
    amountPaise: paise,
    amountPaid: money,
    amountPaidPaise: paise,
    currency: { type: "string", description: '"INR"' },
    kind: { enum: ["LINK", "CHECKOUT"], description: "LINK: a hosted pay link (shortUrl). CHECKOUT: a Razorpay Order paid in Standard Checkout (no shortUrl)" },
    status: { enum: ["CREATED", "PARTLY_PAID", "PAID", "CANCELLED", "EXPIRED"] },
    acceptPartial: { type: "boolean" },
    shortUrl: { type: ["string", "null"], description: "Where the payer pays (the gateway's hosted page)" },
    expiresAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
    payments: { type: "array", items: paymentAttempt },
  },
};

const checkoutOrder = {
  title: "CheckoutOrder",
  type: "object",
  properties: {
    checkoutId: { type: "string", description: "Our record of it (GET /pay-links/{id} shows its payments)" },
    provider: { enum: ["RAZORPAY", "SANDBOX"] },
    sandbox: { type: "boolean", description: "The local payment sandbox: no real money moves; open the sandbox checkout instead of Razorpay's SDK" },
    keyId: { type: "string", description: "Razorpay key id: the SDK's `key` option. The key secret is never sent" },
    orderId: { type: "string", description: "Razorpay order id (order_…): the SDK's `order_id` option" },
    amount: money,
    amountPaise: { type: "integer", description: "The SDK's `amount` option (paise)" },
    currency: { type: "string", description: '"INR"' },
    acceptPartial: { type: "boolean", description: "The order takes part payments (Razorpay partial_payment)" },
    name: { type: "string", description: "The vendor: the SDK's `name` option" },
    description: str,
    prefill: { type: "object", properties: { name: str, email: nullableStr, contact: nullableStr } },
    notes: { type: "object", additionalProperties: { type: "string" }, description: "Our ids (pay_link_id, invoice_id, company_id, invoice_number), also on the order" },
    invoice: { type: "object", properties: { id: str, number: str } },
    callbackUrl: { type: "string", description: "POST the SDK's razorpay_payment_id, razorpay_order_id and razorpay_signature here as JSON" },
  },
};

export const gatewayOperations: Operation[] = [
  {
    method: "post",
    path: "/me/invoices/{id}/checkout",
    tag: "Online payments",
    summary: "As the retailer, open Razorpay Standard Checkout for an invoice",
    description:
      "For a vendor whose gateway is Razorpay (or the local payment sandbox): makes (or reuses, while open) a Razorpay Order for the invoice's whole balance — amount in paise, currency INR, receipt = the document number and a suffix, our ids in notes, partial_payment when acceptPartial is true — and answers what Razorpay's checkout SDK needs: keyId, orderId, amount, currency, name, description, prefill. On success the SDK gives razorpay_payment_id, razorpay_order_id and razorpay_signature: POST them to callbackUrl. The receipt is booked from the gateway's webhook (payment.captured / order.paid), never from the app; poll GET /pay-links/{checkoutId} or the invoice. Only the retailer's own invoice (another's is 404); staff are 403 (they make pay links). 409 when the document is cancelled or paid, the vendor takes no online payments, or its gateway is Stripe (use POST /invoices/{id}/pay-links); 502 gateway_unavailable when Razorpay refuses.",
    auth: true,
    idempotent: true,
    body: createCheckoutOrderInput,
    response: { status: 201, description: "What the checkout SDK needs", schema: checkoutOrder },
  },
  {
    method: "post",
    path: "/invoices/{id}/pay-links",
    tag: "Online payments",
    summary: "Make a pay link for an invoice or debit note",
    description:
      "Staff with payments.write: amount (default the balance due, at most that), acceptPartial (Razorpay instalments; Stripe Checkout takes the whole amount), expiresInDays (1–180, default 30), accountId (default the company's first active gateway account). A retailer (its own document) sends {} and gets the open link for the whole balance, made if there is none. The receipt is booked from the gateway's webhook, never from the browser. 409 when the document is cancelled or paid or no gateway is set up; 502 gateway_unavailable when the gateway refuses.",
    auth: true,
    idempotent: true,
    body: createPayLinkInput,
    response: { status: 201, description: "The pay link", schema: payLink },
  },
  {
    method: "post",
    path: "/retailers/{id}/pay-links",
    tag: "Online payments",
    summary: "Make a pay link for a retailer's whole outstanding",
    description:
      "{id} is the connection id (as in /retailers/{id}). Staff with payments.write: amount (default the whole outstanding = the ledger balance, at most that), acceptPartial, expiresInDays (1–180, default 30), accountId. A retailer (its own connection) sends {} and gets the open link for all it owes, made if there is none. The link has invoice null; when paid, the one receipt is allocated to the open documents oldest due first; money above the outstanding by then is kept as an advance and flagged for review. 409 when nothing is outstanding or no gateway is set up; 502 gateway_unavailable when the gateway refuses.",
    auth: true,
    idempotent: true,
    body: createPayLinkInput,
    response: { status: 201, description: "The pay link (invoice null)", schema: payLink },
  },
  { method: "get", path: "/retailers/{id}/pay-links", tag: "Online payments", summary: "A retailer's whole-outstanding pay links with their payments", auth: true, response: { status: 200, description: "{ data: PayLink[] }", schema: { type: "object", properties: { data: { type: "array", items: payLink } } } } },
  { method: "get", path: "/invoices/{id}/pay-links", tag: "Online payments", summary: "A document's pay links with their payments", auth: true, response: { status: 200, description: "{ data: PayLink[] }", schema: { type: "object", properties: { data: { type: "array", items: payLink } } } } },
  { method: "get", path: "/pay-links/{id}", tag: "Online payments", summary: "One pay link: status, amount paid and each gateway payment", description: "Another company's (or another retailer's) link is 404.", auth: true, response: { status: 200, description: "The pay link", schema: payLink } },
  {
    method: "post",
    path: "/gateway-payments/{id}/refund",
    tag: "Online payments",
    summary: "Refund a received gateway payment, in full or in part",
    description:
      "{id} is a payment's id from a pay link's payments. Needs payments.write. amount (rupees) defaults to everything not yet refunded; more than that is 400 naming amount. The gateway refunds first (with an idempotency key), then the refund record in the books follows from the payment's re-fetched state: funded from its receipt, and the documents it had paid are open again by that much. Refunds made in the gateway's dashboard are booked the same way when their webhook arrives.",
    auth: true,
    idempotent: true,
    body: refundGatewayPaymentInput,
    response: { status: 200, description: "The payment after the refund", schema: paymentAttempt },
  },
  {
    method: "post",
    path: "/pay-links/{id}/send",
    tag: "Online payments",
    summary: "Send a pay link to the retailer by e-mail and SMS",
    description:
      'Needs payments.write. channels: ["email", "sms"] (default both). The e-mail goes to each active user of the retailer (else the retailer\'s address) with the link, the amount left to pay, the document number and its due date; the SMS (to the retailer\'s phone) is short, with the URL. Both are queued with the audit row. Once per link per day: a second send the same day queues nothing and answers alreadySent: true with the first send\'s sentAt. 409 when the link is paid, cancelled or expired, or the retailer has no address for the chosen channels.',
    auth: true,
    body: sendPayLinkInput,
    response: {
      status: 200,
      description: "What was sent",
      schema: { type: "object", properties: { payLinkId: str, sentAt: { type: "string", format: "date-time" }, alreadySent: { type: "boolean" }, emailedTo: { type: "array", items: str }, smsTo: nullableStr } },
    },
  },
  { method: "post", path: "/pay-links/{id}/cancel", tag: "Online payments", summary: "Cancel a pay link at the gateway and here", description: "Needs payments.write. A paid or expired link is 409 invalid_transition; payments already made stay recorded.", auth: true, response: { status: 200, description: "The cancelled pay link", schema: payLink } },
];

const webhookResponses = {
  200: { description: "Stored (or a duplicate: { duplicate: true }); applied by a background job", content: { "application/json": { schema: { type: "object", required: ["received", "duplicate"], properties: { received: { type: "boolean" }, duplicate: { type: "boolean" } } } } } },
  400: { description: "unknown_account: no gateway account of this provider at this URL", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
  401: { description: "invalid_signature: missing or wrong signature, missing event id, or (Stripe) a timestamp older than 300 s", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
  413: { description: "payload_too_large: over 512 KB", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
  default: { description: "Any other error, as problem+json", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
};

const problem = { content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };

/** The routes gateways call (not under /api/v1). The URL's last part is the account's public id from Settings → Payments. */
export const gatewayWebhookPaths: Record<string, Record<string, unknown>> = {
  "/api/webhooks/razorpay/{accountId}": {
    post: {
      tags: ["Webhooks"],
      summary: "Razorpay webhook (also the local payment sandbox)",
      description:
        "Header X-Razorpay-Signature = hex HMAC-SHA256 of the raw body with the account's webhook secret (compared in constant time); X-Razorpay-Event-Id = the event id, each stored once. Handled events: payment.authorized, payment.captured, payment.failed, order.paid (Standard Checkout: the payment's order_id names the checkout), payment_link.paid, payment_link.partially_paid, payment_link.cancelled, payment_link.expired (and refund.* for the payment they name). Events are snapshots: the payment is re-fetched from Razorpay before it is applied. No cookie, no bearer token.",
      operationId: "postRazorpayWebhook",
      security: [],
      parameters: [{ name: "accountId", in: "path", required: true, schema: { type: "string" } }],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", description: "Razorpay's event envelope: { entity: \"event\", event, contains, payload, created_at }" } } } },
      responses: webhookResponses,
    },
  },
  "/api/payments/callback/{accountId}": {
    post: {
      tags: ["Webhooks"],
      summary: "Standard Checkout's answer (browser handler or mobile SDK)",
      description:
        "Body: the three fields Razorpay's checkout gives on success, as they are. razorpay_signature must be the hex HMAC-SHA256 of `razorpay_order_id|razorpay_payment_id` with the account's key secret (compared in constant time). A valid answer records nothing by itself: it hurries the same fetch-and-apply job the webhook runs, so the callback and the webhook together still give one receipt. No cookie, no bearer token: the signature is the auth.",
      operationId: "postCheckoutCallback",
      security: [],
      parameters: [{ name: "accountId", in: "path", required: true, schema: { type: "string" } }],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", properties: { razorpay_payment_id: str, razorpay_order_id: str, razorpay_signature: str }, required: ["razorpay_payment_id", "razorpay_order_id", "razorpay_signature"], additionalProperties: false } } } },
      responses: {
        200: { description: "Verified; the payment is being fetched and applied", content: { "application/json": { schema: { type: "object", required: ["verified", "queued", "checkoutId", "invoiceId", "redirectTo"], properties: { verified: { type: "boolean" }, queued: { type: "boolean" }, checkoutId: str, invoiceId: nullableStr, redirectTo: { type: "string", description: "Where the portal shows the invoice" } } } } } },
        400: { description: "validation (a field is missing or malformed) or bad_request: razorpay_signature does not match", ...problem },
        404: { description: "not_found: no Razorpay gateway account at this URL, or no checkout order of it with this id", ...problem },
        default: { description: "Any other error, as problem+json", ...problem },
      },
    },
    get: {
      tags: ["Webhooks"],
      summary: "Where the payer's browser returns from a gateway's hosted pay page",
      description: "The query is the gateway's own (Razorpay's razorpay_payment_link_* fields and signature, Stripe's session id). A valid signature hurries the same fetch-and-apply job the webhook runs; either way the browser is sent on to the invoice in the portal. The receipt is booked from the webhook, never from the browser.",
      operationId: "getGatewayCallback",
      security: [],
      parameters: [{ name: "accountId", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        303: { description: "On to the portal", headers: { Location: { description: "The portal page of the invoice", schema: { type: "string" } } } },
        default: { description: "Any other error, as problem+json", ...problem },
      },
    },
  },
  "/api/webhooks/stripe/{accountId}": {
    post: {
      tags: ["Webhooks"],
      summary: "Stripe webhook",
      description:
        "Header Stripe-Signature: t=<unix>,v1=<hex> over `${t}.${raw body}` with the endpoint's whsec_ secret, verified by stripe.webhooks.constructEvent with a 300 s tolerance; the event id is stored once. Handled: checkout.session.completed, checkout.session.async_payment_succeeded/failed, checkout.session.expired, payment_intent.* and charge.refunded (the PaymentIntent is re-fetched before it is applied). No cookie, no bearer token.",
      operationId: "postStripeWebhook",
      security: [],
      parameters: [{ name: "accountId", in: "path", required: true, schema: { type: "string" } }],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", description: "A Stripe Event object" } } } },
      responses: webhookResponses,
    },
  },
};
