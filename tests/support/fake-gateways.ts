// Local HTTP servers that speak just enough of Razorpay's and Stripe's REST APIs for the real SDK
// drivers to run against them (no internet here): payment links / orders / checkout sessions, payments /
// payment intents, refunds, and the authenticated read used by "verify credentials".
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const rid = (prefix: string) => `${prefix}_${randomBytes(7).toString("hex")}`;

type Handler = (req: IncomingMessage, body: string, url: URL) => { status: number; json: unknown };

async function serve(handler: Handler): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const out = handler(req, body, url);
      res.writeHead(out.status, { "content-type": "application/json" });
      res.end(JSON.stringify(out.json));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export type FakeRazorpayPayment = { id: string; entity: "payment"; amount: number; currency: string; status: string; method: string; amount_refunded: number; notes: Record<string, string>; error_description: string | null; order_id: string | null };
export type FakeRazorpayLink = { id: string; short_url: string; status: string; amount: number; amount_paid: number; currency: string; accept_partial: boolean; reference_id: string; expire_by?: number; notes: Record<string, string>; payments: { payment_id: string; amount: number; status: string }[] | null };

export type FakeRazorpayOrder = { id: string; entity: "order"; amount: number; amount_paid: number; amount_due: number; currency: string; receipt: string | null; status: string; partial_payment: boolean; first_payment_min_amount?: number; notes: Record<string, string>; attempts: number; created_at: number };

export async function fakeRazorpay(keyId: string, keySecret: string) {
  const orders = new Map<string, FakeRazorpayOrder>();
  const links = new Map<string, FakeRazorpayLink>();
  const payments = new Map<string, FakeRazorpayPayment>();
  const requests: { method: string; path: string; body: unknown; headers: IncomingMessage["headers"] }[] = [];
  const auth = `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString("base64")}`;
  const { base, server } = await serve((req, body, url) => {
    requests.push({ method: req.method ?? "", path: url.pathname, body: body ? JSON.parse(body) : null, headers: req.headers });
    if (req.headers.authorization !== auth) return { status: 401, json: { error: { code: "BAD_REQUEST_ERROR", description: "The api key provided is invalid" } } };
    const p = url.pathname.split("/").filter(Boolean); // v1, resource, id, action
    // Orders (Standard Checkout), with Razorpay's own limits: receipt at most 40 characters, amount at least 100 paise.
    if (p[1] === "orders" && req.method === "POST" && !p[2]) {
      const b = JSON.parse(body);
      if (typeof b.receipt === "string" && b.receipt.length > 40) return { status: 400, json: { error: { code: "BAD_REQUEST_ERROR", description: "receipt: the length must be no more than 40." } } };
      if (!Number.isInteger(b.amount) || b.amount < 100) return { status: 400, json: { error: { code: "BAD_REQUEST_ERROR", description: "The amount must be atleast INR 1.00" } } };
      const o: FakeRazorpayOrder = { id: rid("order"), entity: "order", amount: b.amount, amount_paid: 0, amount_due: b.amount, currency: b.currency, receipt: b.receipt ?? null, status: "created", partial_payment: !!b.partial_payment, first_payment_min_amount: b.first_payment_min_amount, notes: b.notes ?? {}, attempts: 0, created_at: Math.floor(Date.now() / 1000) };
      orders.set(o.id, o);
      return { status: 200, json: o };
    }
    if (p[1] === "orders" && p[2]) {
      const o = orders.get(p[2]);
      if (!o) return { status: 404, json: { error: { description: "The id provided does not exist" } } };
      if (p[3] === "payments") {
        const items = [...payments.values()].filter((x) => x.order_id === o.id);
        return { status: 200, json: { entity: "collection", count: items.length, items } };
      }
      return { status: 200, json: o };
    }
    if (p[1] === "payment_links" && req.method === "GET" && !p[2]) return { status: 200, json: { count: links.size, payment_links: [...links.values()].slice(0, 1) } };
    if (p[1] === "payment_links" && req.method === "POST" && !p[2]) {
      const b = JSON.parse(body);
      const l: FakeRazorpayLink = { id: rid("plink"), short_url: `https://rzp.io/i/${randomBytes(4).toString("hex")}`, status: "created", amount: b.amount, amount_paid: 0, currency: b.currency, accept_partial: b.accept_partial, reference_id: b.reference_id, expire_by: b.expire_by, notes: b.notes ?? {}, payments: null };
      links.set(l.id, l);
      return { status: 200, json: l };
    }
    if (p[1] === "payment_links" && p[2]) {
      const l = links.get(p[2]);
      if (!l) return { status: 404, json: { error: { description: "The id provided does not exist" } } };
      if (p[3] === "cancel") l.status = "cancelled";
      return { status: 200, json: l };
    }
    if (p[1] === "payments" && p[2] && p[3] === "refund") {
      const pay = payments.get(p[2]);
      if (!pay) return { status: 404, json: { error: { description: "The id provided does not exist" } } };
      const amount = JSON.parse(body).amount ?? pay.amount - pay.amount_refunded;
      pay.amount_refunded += amount;
      if (pay.amount_refunded >= pay.amount) pay.status = "refunded";
      return { status: 200, json: { id: rid("rfnd"), entity: "refund", payment_id: pay.id, amount, status: "processed" } };
    }
    if (p[1] === "payments" && !p[2] && req.method === "GET") {
      const items = [...payments.values()].slice(Number(url.searchParams.get("skip") ?? 0), Number(url.searchParams.get("skip") ?? 0) + Number(url.searchParams.get("count") ?? 10));
      return { status: 200, json: { entity: "collection", count: items.length, items } };
    }
    if (p[1] === "payments" && p[2]) {
      const pay = payments.get(p[2]);
      return pay ? { status: 200, json: pay } : { status: 404, json: { error: { description: "The id provided does not exist" } } };
    }
    return { status: 404, json: { error: { description: "Unknown URL" } } };
  });
  return {
    base,
    orders,
    links,
    payments,
    requests,
    /** A payment against `orderId` in `status`; a captured one adds to the order's amount paid. */
    payOrder(orderId: string, amount: number, status: string): FakeRazorpayPayment {
      const o = orders.get(orderId)!;
      const pay: FakeRazorpayPayment = { id: rid("pay"), entity: "payment", amount, currency: o.currency, status, method: "upi", amount_refunded: 0, notes: o.notes, error_description: status === "failed" ? "Payment failed" : null, order_id: o.id };
      payments.set(pay.id, pay);
      o.attempts++;
      if (status === "captured") {
        o.amount_paid += amount;
        o.amount_due = o.amount - o.amount_paid;
      }
      o.status = o.amount_paid >= o.amount ? "paid" : "attempted";
      return pay;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
    /** A payment through `linkId` (or none), in `status`; a captured one adds to the link's amount paid. */
    pay(linkId: string | null, amount: number, status: string, extra: Partial<FakeRazorpayPayment> = {}): FakeRazorpayPayment {
      const l = linkId ? links.get(linkId)! : null;
      const pay: FakeRazorpayPayment = { id: rid("pay"), entity: "payment", amount, currency: "INR", status, method: "upi", amount_refunded: 0, notes: {}, error_description: status === "failed" ? "Payment failed" : null, order_id: null, ...extra };
      payments.set(pay.id, pay);
      if (l) {
        l.payments = [...(l.payments ?? []), { payment_id: pay.id, amount, status }];
        if (status === "captured") {
          l.amount_paid += amount;
          l.status = l.amount_paid >= l.amount ? "paid" : "partially_paid";
        }
      }
      return pay;
    },
  };
}

export async function fakeStripe(secretKey: string) {
  const sessions = new Map<string, Record<string, unknown>>();
  const intents = new Map<string, Record<string, unknown>>();
  const requests: { method: string; path: string; form: URLSearchParams; headers: IncomingMessage["headers"] }[] = [];
  const { base, server } = await serve((req, body, url) => {
    const form = new URLSearchParams(body);
    requests.push({ method: req.method ?? "", path: url.pathname, form, headers: req.headers });
    if (req.headers.authorization !== `Bearer ${secretKey}`) return { status: 401, json: { error: { type: "invalid_request_error", message: "Invalid API Key provided" } } };
    const p = url.pathname.split("/").filter(Boolean);
    if (p[1] === "balance") return { status: 200, json: { object: "balance", available: [], pending: [], livemode: false } };
    if (p[1] === "checkout" && p[2] === "sessions" && req.method === "POST" && !p[3]) {
      const metadata: Record<string, string> = {};
      for (const [k, v] of form) {
        const m = /^metadata\[(.+)\]$/.exec(k);
        if (m) metadata[m[1]] = v;
      }
      const s = { id: rid("cs_test"), object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${randomBytes(6).toString("hex")}`, status: "open", payment_status: "unpaid", amount_total: Number(form.get("line_items[0][price_data][unit_amount]")), currency: form.get("line_items[0][price_data][currency]"), client_reference_id: form.get("client_reference_id"), metadata, payment_intent: null as string | null };
      sessions.set(s.id, s);
      return { status: 200, json: s };
    }
    if (p[1] === "checkout" && p[2] === "sessions" && p[3]) {
      const s = sessions.get(p[3]);
      if (!s) return { status: 404, json: { error: { type: "invalid_request_error", message: "No such checkout.session" } } };
      if (p[4] === "expire") s.status = "expired";
      return { status: 200, json: s };
    }
    if (p[1] === "payment_intents" && p[2]) {
      const pi = intents.get(p[2]);
      return pi ? { status: 200, json: pi } : { status: 404, json: { error: { type: "invalid_request_error", message: "No such payment_intent" } } };
    }
    return { status: 404, json: { error: { type: "invalid_request_error", message: "Unrecognized request URL" } } };
  });
  return {
    base,
    sessions,
    intents,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
    /** Completes a checkout session with a PaymentIntent in `status` ("succeeded", "requires_capture", ...). */
    complete(sessionId: string, status: string): Record<string, unknown> {
      const s = sessions.get(sessionId)!;
      const amount = s.amount_total as number;
      const pi = { id: rid("pi"), object: "payment_intent", amount, amount_received: status === "succeeded" ? amount : 0, currency: s.currency, status, metadata: s.metadata, payment_method_types: ["card"], last_payment_error: null, cancellation_reason: null, latest_charge: { id: rid("ch"), object: "charge", amount_refunded: 0, payment_method_details: { type: "card" } } };
      intents.set(pi.id, pi);
      s.payment_intent = pi.id;
      if (status === "succeeded") {
        s.payment_status = "paid";
        s.status = "complete";
      }
      return pi;
    },
  };
}
