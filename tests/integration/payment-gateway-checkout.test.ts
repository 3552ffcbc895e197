// Razorpay Orders + Standard Checkout for the portal's (and the mobile app's) Pay now: the order is
// made through the official SDK against a local server speaking Razorpay's Orders API (amount in
// paise, receipt, notes, partial_payment); checkout's answer posted to our callback is verified with
// the key secret (HMAC of order_id|payment_id, as the SDK's validatePaymentVerification) and only
// hurries the webhook's job: a bad signature applies nothing, callback and webhook racing give one
// receipt. The local sandbox's checkout signs and sends webhooks exactly as Razorpay does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePaymentVerification } from "razorpay/dist/utils/razorpay-utils";
import * as callbackRoute from "@/app/api/payments/callback/[accountId]/route";
import * as checkoutRoute from "@/app/api/v1/me/invoices/[id]/checkout/route";
import { createCheckoutOrder } from "@/lib/billing/gateway/create-checkout-order";
import { syncGatewayPayment } from "@/lib/billing/gateway/gateway-callback";
import { paySandboxOrder } from "@/lib/billing/gateway/sandbox-order-checkout";
import { startInvoicePayment } from "@/lib/billing/gateway/start-invoice-payment";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import type { JobData } from "@/lib/jobs/queues";
import { razorpayCheckoutSignature, razorpaySignature } from "@/lib/integrations/payments/razorpay-webhook";
import { fakeRazorpay, fakeStripe, type FakeRazorpayOrder, type FakeRazorpayPayment } from "../support/fake-gateways";
import { applyStoredEvents, deliverSandboxJobs, gatewayShop, invoiceFor, invoiceState, postWebhook } from "../support/gateway-helpers";
import { call } from "../support/http";
import { rejects } from "../support/rejects";

const RZP = { keyId: "rzp_test_Chk0123456789", keySecret: "rzp-key-secret-checkout-0123", webhookSecret: "rzp-webhook-secret-checkout-99" };
const STRIPE = { keySecret: "sk_test_51FakeCheckout0123", webhookSecret: "whsec_fakecheckout0123456789" };
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
const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

/** The callback route as the browser's handler (or the mobile SDK) posts to it. */
const postCallback = (publicId: string, body: unknown) => call(callbackRoute.POST, { method: "POST", path: `/api/payments/callback/${publicId}`, params: { accountId: publicId }, body });

/** Runs the queued gateway-payment-sync jobs of the account (what the callback enqueues), as the worker would. */
async function runSyncJobs(accountId: string) {
  const jobs = await prisma.$queryRaw<{ data: JobData["gateway-payment-sync"] }[]>`
    DELETE FROM pgboss.job WHERE name = 'gateway-payment-sync' AND data->>'accountId' = ${accountId} RETURNING data`;
  for (const j of jobs) await syncGatewayPayment(j.data, deps());
  return jobs.length;
}
const syncJobs = async (accountId: string) => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'gateway-payment-sync' AND data->>'accountId' = ${accountId}`)[0].n;

let seq = 0;
function orderEvent(event: "payment.captured" | "order.paid", payment: FakeRazorpayPayment, order: FakeRazorpayOrder) {
  const payload: Record<string, unknown> = { payment: { entity: payment } };
  if (event === "order.paid") payload.order = { entity: order };
  const body = JSON.stringify({ entity: "event", account_id: "acc_test", event, contains: Object.keys(payload), payload, created_at: Math.floor(Date.now() / 1000) });
  const id = `evt_chk${Date.now()}${++seq}`;
  return { body, headers: { "x-razorpay-signature": razorpaySignature(body, RZP.webhookSecret), "x-razorpay-event-id": id } };
}

describe("Razorpay Standard Checkout", () => {
  it("the order: amount in paise, INR, receipt = the document number, our ids in notes; only the key id goes out; pressed again, the same order", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "1180.50");
    const c = await createCheckoutOrder(shop.shopper, inv.id, {}, deps());
    const sent = rzp.requests.find((r) => r.method === "POST" && r.path === "/v1/orders" && (r.body as { receipt: string }).receipt === `${inv.number}-1`)!;
    expect(sent.body).toEqual({ amount: 118050, currency: "INR", receipt: `${inv.number}-1`, notes: { pay_link_id: c.checkoutId, invoice_id: inv.id, company_id: shop.co, invoice_number: inv.number } });
    expect((sent.body as { receipt: string }).receipt.length).toBeLessThanOrEqual(40);
    expect(c).toMatchObject({ provider: "RAZORPAY", sandbox: false, keyId: RZP.keyId, amount: "1180.50", amountPaise: 118050, currency: "INR", acceptPartial: false, invoice: { id: inv.id, number: inv.number } });
    expect(c.orderId).toMatch(/^order_/);
    expect(c.callbackUrl).toMatch(new RegExp(`/api/payments/callback/${shop.account.publicId}$`));
    expect(JSON.stringify(c)).not.toContain(RZP.keySecret);
    expect(await prisma.payLink.findUniqueOrThrow({ where: { id: c.checkoutId } })).toMatchObject({ kind: "CHECKOUT", gatewayLinkId: c.orderId, amountPaise: 118050n, status: "CREATED" });

    const again = await createCheckoutOrder(shop.shopper, inv.id, {}, deps());
    expect(again.orderId).toBe(c.orderId);
    // Part payments asked for: a new order with partial_payment and a ₹1 first instalment floor.
    const part = await createCheckoutOrder(shop.shopper, inv.id, { acceptPartial: true }, deps());
    expect(part.orderId).not.toBe(c.orderId);
    expect(rzp.orders.get(part.orderId)).toMatchObject({ partial_payment: true, first_payment_min_amount: 100, receipt: `${inv.number}-2` });
    // The portal's Pay now for a Razorpay vendor is this checkout, not a hosted pay link.
    expect(await startInvoicePayment(shop.shopper, inv.id, deps())).toMatchObject({ kind: "checkout", checkout: { orderId: c.orderId } });
  });

  it("a bad or missing signature on the callback is refused and nothing is applied; the good one only hurries the job; callback and webhooks racing give one receipt", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "1180.00");
    const c = await createCheckoutOrder(shop.shopper, inv.id, {}, deps());
    const pay = rzp.payOrder(c.orderId, 118000, "captured");
    const good = razorpayCheckoutSignature(RZP.keySecret, c.orderId, pay.id);
    // Our HMAC is the SDK's.
    expect(validatePaymentVerification({ order_id: c.orderId, payment_id: pay.id }, good, RZP.keySecret)).toBe(true);

    const bad = [
      { body: { razorpay_payment_id: pay.id, razorpay_order_id: c.orderId, razorpay_signature: "0".repeat(64) }, status: 400, field: "razorpay_signature" },
      { body: { razorpay_payment_id: pay.id, razorpay_order_id: c.orderId, razorpay_signature: razorpayCheckoutSignature(RZP.webhookSecret, c.orderId, pay.id) }, status: 400, field: "razorpay_signature" },
      { body: { razorpay_payment_id: pay.id, razorpay_order_id: c.orderId }, status: 400, field: "razorpay_signature" },
      { body: { razorpay_payment_id: "pay_x", razorpay_order_id: c.orderId, razorpay_signature: good }, status: 400, field: "razorpay_payment_id" },
      { body: { razorpay_payment_id: pay.id, razorpay_order_id: c.orderId, razorpay_signature: good, amount: 1 }, status: 400, field: "amount" },
    ];
    for (const b of bad) {
      const res = await postCallback(shop.account.publicId, b.body);
      expect(res.status, JSON.stringify(b.body)).toBe(b.status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(Object.keys(res.json.errors ?? {})).toContain(b.field);
    }
    // Another order id (not ours) and an unknown account are 404.
    expect((await postCallback(shop.account.publicId, { razorpay_payment_id: pay.id, razorpay_order_id: "order_NotOurs123456", razorpay_signature: good })).status).toBe(404);
    expect((await postCallback("gwa_doesNotExist0123456789", { razorpay_payment_id: pay.id, razorpay_order_id: c.orderId, razorpay_signature: good })).status).toBe(404);
    expect(await syncJobs(shop.account.id)).toBe(0);
    expect(await prisma.paymentAttempt.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await invoiceState(inv.id)).toEqual({ settled: "0.00", open: "1180.00" });

    const ok = await postCallback(shop.account.publicId, { razorpay_payment_id: pay.id, razorpay_order_id: c.orderId, razorpay_signature: good });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ verified: true, queued: true, checkoutId: c.checkoutId, invoiceId: inv.id, redirectTo: `/portal/invoices/${inv.id}?paid=1` });
    // The callback itself recorded nothing: only a job.
    expect(await syncJobs(shop.account.id)).toBe(1);
    expect(await prisma.paymentAttempt.count({ where: { companyId: shop.co } })).toBe(0);

    // The webhooks (payment.captured, order.paid — each also delivered twice) and the callback's job, all at once.
    const o = rzp.orders.get(c.orderId)!;
    const captured = orderEvent("payment.captured", pay, o);
    const paidEv = orderEvent("order.paid", pay, o);
    for (const e of [captured, paidEv, captured, paidEv]) expect((await postWebhook("razorpay", shop.account.publicId, e.body, e.headers)).status).toBe(200);
    await Promise.all([runSyncJobs(shop.account.id), applyStoredEvents(shop.account.id, { parallel: true, deps: deps() })]);

    expect(await prisma.payment.count({ where: { companyId: shop.co, gatewayPaymentId: pay.id } })).toBe(1);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    const attempt = await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: pay.id } });
    expect(attempt).toMatchObject({ status: "CAPTURED", payLinkId: c.checkoutId });
    expect(await prisma.payLink.findUniqueOrThrow({ where: { id: c.checkoutId } })).toMatchObject({ status: "PAID", amountPaidPaise: 118000n });
    expect((await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } })).map((e) => e.status)).toEqual(["APPLIED", "APPLIED"]);
  });

  it("the webhook alone (the browser never came back) books the payment: payment.captured finds the checkout by its order id", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "700.00");
    const c = await createCheckoutOrder(shop.shopper, inv.id, { acceptPartial: true }, deps());
    const pay = rzp.payOrder(c.orderId, 30000, "captured");
    // A snapshot without our notes on the payment: the order id is what ties it to our checkout.
    const e = orderEvent("payment.captured", { ...pay, notes: {} }, rzp.orders.get(c.orderId)!);
    expect((await postWebhook("razorpay", shop.account.publicId, e.body, e.headers)).status).toBe(200);
    await applyStoredEvents(shop.account.id, { deps: deps() });
    expect(await invoiceState(inv.id)).toEqual({ settled: "300.00", open: "400.00" });
    expect(await prisma.payLink.findUniqueOrThrow({ where: { id: c.checkoutId } })).toMatchObject({ status: "PARTLY_PAID", amountPaidPaise: 30000n });
  });

  it("who may: another company's (or retailer's) invoice is 404, staff 403, a Stripe vendor 409, a paid invoice 409; bad input names the field; nothing written", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "100.00");
    const other = await gatewayShop("RAZORPAY", RZP);
    const otherInv = await invoiceFor(other, "100.00");
    const rt = await token(shop.retailerActor);
    const post = (id: string, body: unknown, t = rt) => call(checkoutRoute.POST, { method: "POST", path: `/api/v1/me/invoices/${id}/checkout`, token: t, params: { id }, body });

    expect((await post(otherInv.id, {})).status).toBe(404);
    expect((await post("inv_doesNotExist", {})).status).toBe(404);
    const staff = await post(inv.id, {}, await token(shop.owner));
    expect(staff.status).toBe(403);
    for (const [body, field] of [[{ acceptPartial: "yes" }, "acceptPartial"], [{ amount: "5" }, "amount"]] as const) {
      const res = await post(inv.id, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(res.json.errors ?? {})).toContain(field);
    }
    expect(await prisma.payLink.count({ where: { companyId: { in: [shop.co, other.co] } } })).toBe(0);

    const stripeShop = await gatewayShop("STRIPE", STRIPE);
    const sInv = await invoiceFor(stripeShop, "100.00");
    const s = await call(checkoutRoute.POST, { method: "POST", path: `/api/v1/me/invoices/${sInv.id}/checkout`, token: await token(stripeShop.retailerActor), params: { id: sInv.id }, body: {} });
    expect(s.status).toBe(409);
    expect(s.json.detail).toMatch(/Stripe/);
    // A Stripe vendor's Pay now still goes to its hosted Checkout Session.
    expect(await startInvoicePayment(stripeShop.shopper, sInv.id, deps())).toMatchObject({ kind: "redirect", url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//) });

    await prisma.invoice.update({ where: { id: inv.id }, data: { settledAmount: "100.00" } });
    expect((await post(inv.id, {})).status).toBe(409);
    expect((await rejects(createCheckoutOrder(other.shopper, inv.id, {}, deps()))).code).toBe("not_found");
  });

  it("over the API: what the mobile SDK needs (key id, order id, amount, currency), 201; the same Idempotency-Key replays it", async () => {
    const shop = await gatewayShop("SANDBOX");
    const inv = await invoiceFor(shop, "250.00");
    const t = await token(shop.retailerActor);
    const post = () => call(checkoutRoute.POST, { method: "POST", path: `/api/v1/me/invoices/${inv.id}/checkout`, token: t, params: { id: inv.id }, body: {}, headers: { "idempotency-key": "chk-1" } });
    const res = await post();
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ keyId: shop.account.keyId, orderId: expect.stringMatching(/^order_/), amount: "250.00", amountPaise: 25000, currency: "INR", sandbox: true });
    expect((await post()).json.orderId).toBe(res.json.orderId);
    expect(await prisma.payLink.count({ where: { companyId: shop.co } })).toBe(1);
  });

  it("Razorpay refusing the order (below its ₹1 minimum) cancels our record and answers gateway_unavailable", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "0.50");
    // Razorpay's minimum is ₹1: its 400 comes back as 502 gateway_unavailable, our row cancelled.
    expect((await rejects(createCheckoutOrder(shop.shopper, inv.id, {}, deps()))).code).toBe("gateway_unavailable");
    expect(await prisma.payLink.findFirstOrThrow({ where: { companyId: shop.co } })).toMatchObject({ kind: "CHECKOUT", status: "CANCELLED", gatewayLinkId: null });
  });
});

describe("the local sandbox's checkout (standing in for checkout.js)", () => {
  it("signs its answer with the key secret as Razorpay does, sends payment.captured and order.paid signed as Razorpay; one receipt with the callback", async () => {
    const shop = await gatewayShop("SANDBOX");
    const inv = await invoiceFor(shop, "1180.00");
    const start = await startInvoicePayment(shop.shopper, inv.id);
    if (start.kind !== "checkout") throw new Error("expected checkout");
    const c = start.checkout;
    expect(c).toMatchObject({ provider: "SANDBOX", sandbox: true, keyId: shop.account.keyId, amountPaise: 118000 });
    expect(c.orderId).toMatch(/^order_/);

    // Opened with another key id, the sandbox knows no such order.
    expect((await rejects(paySandboxOrder("rzp_test_sandbox_other", c.orderId, { method: "upi", outcome: "succeed" }))).code).toBe("not_found");
    const failed = await paySandboxOrder(c.keyId, c.orderId, { method: "card", outcome: "fail" });
    expect(failed).toMatchObject({ status: "failed", response: null });
    const paid = await paySandboxOrder(c.keyId, c.orderId, { method: "upi", outcome: "succeed" });
    expect(paid.status).toBe("captured");
    const r = paid.response!;
    const keySecret = (await import("@/lib/billing/secrets")).decryptSecret(shop.account.keySecretEnc);
    expect(validatePaymentVerification({ order_id: r.razorpay_order_id, payment_id: r.razorpay_payment_id }, r.razorpay_signature, keySecret)).toBe(true);

    expect((await postCallback(shop.account.publicId, r)).status).toBe(200);
    expect(await deliverSandboxJobs(shop.account.id)).toBe(4);
    const types = (await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } })).map((e) => e.type).sort();
    expect(types).toEqual(["order.paid", "payment.authorized", "payment.captured", "payment.failed"]);
    await Promise.all([
      (async () => {
        const jobs = await prisma.$queryRaw<{ data: JobData["gateway-payment-sync"] }[]>`DELETE FROM pgboss.job WHERE name = 'gateway-payment-sync' AND data->>'accountId' = ${shop.account.id} RETURNING data`;
        for (const j of jobs) await syncGatewayPayment(j.data);
      })(),
      applyStoredEvents(shop.account.id, { parallel: true }),
    ]);
    expect(await prisma.payment.count({ where: { companyId: shop.co, kind: "RECEIPT" } })).toBe(1);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    const attempts = await prisma.paymentAttempt.findMany({ where: { companyId: shop.co }, orderBy: { createdAt: "asc" } });
    expect(attempts.map((a) => a.status).sort()).toEqual(["CAPTURED", "FAILED"]);
    expect(attempts.every((a) => a.payLinkId === c.checkoutId)).toBe(true);
    // The order is paid: the sandbox takes no more payments on it.
    expect((await rejects(paySandboxOrder(c.keyId, c.orderId, { method: "upi", outcome: "succeed" }))).code).toBe("conflict");
  });
});
