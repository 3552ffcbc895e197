// The webhook doors with the real SDK drivers: Razorpay events signed as Razorpay signs them (HMAC-SHA256
// of the raw body; the SDK's own validateWebhookSignature agrees), Stripe events signed with
// stripe.webhooks.generateTestHeaderString. The drivers re-fetch through the official SDKs from local
// servers speaking each API. Bad or missing signatures, stale timestamps and unknown accounts store nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateWebhookSignature } from "razorpay/dist/utils/razorpay-utils";
import Stripe from "stripe";
import { applyWebhookEvent } from "@/lib/billing/gateway/apply-webhook-event";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { gatewayFor } from "@/lib/billing/gateway/gateway-for";
import { verifyGatewayAccount } from "@/lib/billing/gateway/verify-gateway-account";
import { prisma } from "@/lib/db/client";
import { razorpaySignature } from "@/lib/integrations/payments/razorpay-webhook";
import { fakeRazorpay, fakeStripe, type FakeRazorpayPayment } from "../support/fake-gateways";
import { applyStoredEvents, gatewayShop, invoiceFor, invoiceState, postWebhook } from "../support/gateway-helpers";

const RZP = { keyId: "rzp_test_AbCdEf123456", keySecret: "rzp-key-secret-0123456789", webhookSecret: "rzp-webhook-secret-9876543210" };
const STRIPE = { keySecret: "sk_test_51Fake0123456789", webhookSecret: "whsec_fake0123456789abcdef" };
let rzp: Awaited<ReturnType<typeof fakeRazorpay>>;
let stp: Awaited<ReturnType<typeof fakeStripe>>;
beforeAll(async () => {
  rzp = await fakeRazorpay(RZP.keyId, RZP.keySecret);
  stp = await fakeStripe(STRIPE.keySecret);
});
afterAll(async () => {
  await rzp.close();
  await stp.close();
});
const deps = () => ({ apiBase: { razorpay: rzp.base, stripe: stp.base } });
const stripeSdk = new Stripe("sk_test_unused");

let seq = 0;
function razorpayEvent(event: string, payment: FakeRazorpayPayment | null, link?: { id: string; notes?: Record<string, string> }) {
  const payload: Record<string, unknown> = {};
  if (link) payload.payment_link = { entity: { id: link.id, entity: "payment_link", notes: link.notes ?? {} } };
  // A snapshot: the status in the body is the one at the time of the event, not now.
  if (payment) payload.payment = { entity: { ...payment, status: event === "payment.authorized" ? "authorized" : payment.status } };
  return { id: `evt_test${Date.now()}${++seq}`, body: JSON.stringify({ entity: "event", account_id: "acc_test", event, contains: Object.keys(payload), payload, created_at: Math.floor(Date.now() / 1000) }) };
}
const rzpHeaders = (e: { id: string; body: string }, secret = RZP.webhookSecret) => ({ "x-razorpay-signature": razorpaySignature(e.body, secret), "x-razorpay-event-id": e.id });

describe("Razorpay webhooks", () => {
  it("the signature is Razorpay's: the SDK's validateWebhookSignature accepts ours and rejects a changed body", () => {
    const e = razorpayEvent("payment.captured", null);
    const sig = razorpaySignature(e.body, RZP.webhookSecret);
    expect(validateWebhookSignature(e.body, sig, RZP.webhookSecret)).toBe(true);
    expect(validateWebhookSignature(e.body.replace("captured", "failed"), sig, RZP.webhookSecret)).toBe(false);
  });

  it("bad, missing or other-secret signatures are 401, an unknown or wrong-door account 400; nothing is stored", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const stripeShop = await gatewayShop("STRIPE", STRIPE);
    const e = razorpayEvent("payment.captured", null);
    const cases: { id: string; headers: Record<string, string>; status: number; code: string }[] = [
      { id: shop.account.publicId, headers: { ...rzpHeaders(e), "x-razorpay-signature": "0".repeat(64) }, status: 401, code: "invalid_signature" },
      { id: shop.account.publicId, headers: { "x-razorpay-event-id": e.id }, status: 401, code: "invalid_signature" },
      { id: shop.account.publicId, headers: rzpHeaders(e, "some-other-secret"), status: 401, code: "invalid_signature" },
      { id: shop.account.publicId, headers: { "x-razorpay-signature": rzpHeaders(e)["x-razorpay-signature"] }, status: 401, code: "invalid_signature" },
      { id: "gwa_doesNotExist0123456789", headers: rzpHeaders(e), status: 400, code: "unknown_account" },
      { id: "../../etc", headers: rzpHeaders(e), status: 400, code: "unknown_account" },
      { id: stripeShop.account.publicId, headers: rzpHeaders(e), status: 400, code: "unknown_account" },
    ];
    for (const c of cases) {
      const res = await postWebhook("razorpay", c.id, e.body, c.headers);
      expect(res.status, JSON.stringify(c)).toBe(c.status);
      expect(res.contentType).toContain("application/problem+json");
      expect(res.json.code).toBe(c.code);
    }
    // Signed over the raw bytes: the same JSON re-serialised (spacing changed) does not verify.
    const reformatted = JSON.stringify(JSON.parse(e.body), null, 1);
    expect((await postWebhook("razorpay", shop.account.publicId, reformatted, rzpHeaders(e))).status).toBe(401);
    expect(await prisma.webhookEvent.count({ where: { companyId: { in: [shop.co, stripeShop.co] } } })).toBe(0);
  });

  it("a part payment: payment.captured alone waits for its link; payment_link.partially_paid books it; 10 parallel duplicates change nothing", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "1180.00");
    const view = await createPayLink(shop.staff, inv.id, { acceptPartial: true, expiresInDays: 10 }, deps());
    const link = await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } });
    const sent = rzp.requests.find((r) => r.method === "POST" && r.path === "/v1/payment_links" && (r.body as { reference_id: string }).reference_id === link.reference)!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ amount: 118000, currency: "INR", accept_partial: true, reference_id: `${inv.number}-1`, notes: { pay_link_id: link.id, invoice_id: inv.id, company_id: shop.co } });
    expect(sent.expire_by).toBe(Math.floor(link.expiresAt!.getTime() / 1000));
    expect(view.shortUrl).toMatch(/^https:\/\/rzp\.io\/i\//);

    const pay = rzp.pay(link.gatewayLinkId!, 50000, "captured");
    const captured = razorpayEvent("payment.captured", pay);
    expect((await postWebhook("razorpay", shop.account.publicId, captured.body, rzpHeaders(captured))).status).toBe(200);
    await applyStoredEvents(shop.account.id, { deps: deps() });
    expect(await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: pay.id } })).toMatchObject({ status: "CAPTURED", paymentId: null, payLinkId: null });

    const partly = razorpayEvent("payment_link.partially_paid", pay, { id: link.gatewayLinkId!, notes: { pay_link_id: link.id, invoice_id: inv.id, company_id: shop.co } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => postWebhook("razorpay", shop.account.publicId, partly.body, rzpHeaders(partly))));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
    expect(await prisma.webhookEvent.count({ where: { accountId: shop.account.id } })).toBe(2);
    await applyStoredEvents(shop.account.id, { deps: deps() });
    expect(await invoiceState(inv.id)).toEqual({ settled: "500.00", open: "680.00" });
    expect(await prisma.payment.count({ where: { companyId: shop.co, gatewayPaymentId: pay.id } })).toBe(1);
    expect(await prisma.payLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ status: "PARTLY_PAID", amountPaidPaise: 50000n });

    // A late payment.authorized snapshot of the same payment: re-fetched, still captured, nothing moves.
    const late = razorpayEvent("payment.authorized", pay);
    await postWebhook("razorpay", shop.account.publicId, late.body, rzpHeaders(late));
    await applyStoredEvents(shop.account.id, { deps: deps() });
    expect((await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: pay.id } })).status).toBe("CAPTURED");
    expect(await prisma.payment.count({ where: { companyId: shop.co } })).toBe(1);
  });

  it("an event whose notes name another company's invoice is not applied: flagged, the owner notified, no attempt or receipt", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const other = await gatewayShop("SANDBOX");
    const theirs = await invoiceFor(other, "590.00");
    const pay = rzp.pay(null, 59000, "captured", { notes: { invoice_id: theirs.id } });
    const e = razorpayEvent("payment.captured", pay);
    expect((await postWebhook("razorpay", shop.account.publicId, e.body, rzpHeaders(e))).status).toBe(200);
    const [ev] = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } });
    expect(await applyWebhookEvent(ev.id, { finalAttempt: false }, deps())).toBe("flagged");
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: ev.id } })).toMatchObject({ status: "FAILED", reason: expect.stringContaining("not this company's") });
    expect(await prisma.paymentAttempt.count({ where: { gatewayPaymentId: pay.id } })).toBe(0);
    expect(await prisma.payment.count({ where: { companyId: { in: [shop.co, other.co] } } })).toBe(0);
    expect(await prisma.notification.count({ where: { companyId: shop.co, event: "payment.review" } })).toBe(1);
    expect(await invoiceState(theirs.id)).toEqual({ settled: "0.00", open: "590.00" });
  });

  it("a dispute on a received payment flags it for review and notifies the owner; the receipt stays", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "590.00");
    const view = await createPayLink(shop.staff, inv.id, {}, deps());
    const link = await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } });
    const pay = rzp.pay(link.gatewayLinkId!, 59000, "captured");
    const paid = razorpayEvent("payment_link.paid", pay, { id: link.gatewayLinkId! });
    await postWebhook("razorpay", shop.account.publicId, paid.body, rzpHeaders(paid));
    await applyStoredEvents(shop.account.id, { deps: deps() });
    const dispute = { id: `evt_dispute${Date.now()}`, body: JSON.stringify({ entity: "event", event: "payment.dispute.created", contains: ["dispute"], payload: { dispute: { entity: { id: "disp_Test0001", entity: "dispute", payment_id: pay.id, amount: 59000, reason_code: "chargeback" } } }, created_at: Math.floor(Date.now() / 1000) }) };
    expect((await postWebhook("razorpay", shop.account.publicId, dispute.body, rzpHeaders(dispute))).status).toBe(200);
    await applyStoredEvents(shop.account.id, { deps: deps() });
    const attempt = await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: pay.id } });
    expect(attempt).toMatchObject({ status: "CAPTURED", needsReview: true });
    expect(attempt.reviewReason).toContain("Dispute");
    expect(await prisma.notification.count({ where: { companyId: shop.co, title: "Payment disputed" } })).toBe(1);
    expect(await prisma.payment.count({ where: { companyId: shop.co, kind: "RECEIPT" } })).toBe(1);
  });

  it("verify credentials: right keys are verified, wrong keys leave the gateway's reason", async () => {
    const good = await gatewayShop("RAZORPAY", RZP);
    expect(await verifyGatewayAccount(good.staff, good.account.id, deps())).toMatchObject({ ok: true, lastError: null });
    const bad = await gatewayShop("RAZORPAY", { ...RZP, keySecret: "not-the-right-secret" });
    const res = await verifyGatewayAccount(bad.staff, bad.account.id, deps());
    expect(res.ok).toBe(false);
    expect(res.lastError).toContain("Razorpay refused");
    expect(JSON.stringify(res)).not.toContain("not-the-right-secret");
  });

  it("a refund goes out with X-Refund-Idempotency and an explicit amount (partial refunds)", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const pay = rzp.pay(null, 100000, "captured");
    const r = await gatewayFor(prisma, shop.account, deps()).refund(pay.id, 25000, "refund-key-0001");
    expect(r).toMatchObject({ paymentId: pay.id, amountPaise: 25000, status: "processed" });
    const req = rzp.requests.find((x) => x.path === `/v1/payments/${pay.id}/refund`)!;
    expect(req.headers["x-refund-idempotency"]).toBe("refund-key-0001");
    expect(req.body).toMatchObject({ amount: 25000 });
  });
});

describe("Stripe webhooks", () => {
  const signed = (payload: string, opts: { secret?: string; timestamp?: number } = {}) => ({
    "stripe-signature": stripeSdk.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? STRIPE.webhookSecret, ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) }),
  });

  it("checkout.session.completed books one receipt; stale timestamps, other secrets and missing headers are refused", async () => {
    const shop = await gatewayShop("STRIPE", STRIPE);
    const inv = await invoiceFor(shop, "2360.00");
    const view = await createPayLink(shop.staff, inv.id, {}, deps());
    const link = await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } });
    const session = stp.sessions.get(link.gatewayLinkId!)!;
    expect(session).toMatchObject({ client_reference_id: link.reference, amount_total: 236000, currency: "inr", metadata: { pay_link_id: link.id, invoice_id: inv.id } });
    const createReq = stp.requests.find((r) => r.path === "/v1/checkout/sessions" && r.method === "POST")!;
    expect(createReq.headers["idempotency-key"]).toBe(`link-${link.reference}`);

    stp.complete(session.id as string, "succeeded");
    const payload = JSON.stringify({ id: `evt_${Date.now()}`, object: "event", type: "checkout.session.completed", data: { object: { ...session } } });
    const stale = await postWebhook("stripe", shop.account.publicId, payload, signed(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect(stale.status).toBe(401);
    expect(stale.json.detail).toContain("tolerance");
    expect((await postWebhook("stripe", shop.account.publicId, payload, signed(payload, { secret: "whsec_other000000000000" }))).status).toBe(401);
    expect((await postWebhook("stripe", shop.account.publicId, payload, {})).status).toBe(401);
    expect((await postWebhook("razorpay", shop.account.publicId, payload, signed(payload))).status).toBe(400);
    expect(await prisma.webhookEvent.count({ where: { accountId: shop.account.id } })).toBe(0);

    const answers = await Promise.all(Array.from({ length: 10 }, () => postWebhook("stripe", shop.account.publicId, payload, signed(payload))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await prisma.webhookEvent.count({ where: { accountId: shop.account.id } })).toBe(1);
    await applyStoredEvents(shop.account.id, { deps: deps() });
    const receipts = await prisma.payment.findMany({ where: { companyId: shop.co } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ method: "GATEWAY", gatewayProvider: "STRIPE", gatewayPaymentId: session.payment_intent });
    expect(await invoiceState(inv.id)).toEqual({ settled: "2360.00", open: "0.00" });
    expect((await prisma.payLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("PAID");
  });
});
