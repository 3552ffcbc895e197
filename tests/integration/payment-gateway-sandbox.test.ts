// Paying invoices through the local gateway sandbox end to end: the sandbox sends Razorpay-signed
// webhooks (as pg-boss jobs) to the app's own route, which stores each event once; the apply job
// re-fetches the payment and books exactly one receipt, whatever order or how often events arrive.
import { describe, expect, it } from "vitest";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { listGatewayAccounts } from "@/lib/billing/gateway/gateway-accounts";
import { applyWebhookEvent } from "@/lib/billing/gateway/apply-webhook-event";
import { paySandboxLink, settleSandboxPayment } from "@/lib/billing/gateway/sandbox-checkout";
import { listWebhookEvents, replayWebhookEvent } from "@/lib/billing/gateway/webhook-events";
import { decryptSecret } from "@/lib/billing/secrets";
import { validatePaymentVerification } from "razorpay/dist/utils/razorpay-utils";
import * as callbackRoute from "@/app/api/payments/callback/[accountId]/route";
import { syncGatewayPayment } from "@/lib/billing/gateway/gateway-callback";
import { prisma } from "@/lib/db/client";
import { applyStoredEvents, deliverSandboxJobs, gatewayShop, invoiceFor, invoiceState } from "../support/gateway-helpers";
import { insertInvoiceRow } from "../support/billing-factories";
import { rejects } from "../support/rejects";

async function linkFor(shop: Awaited<ReturnType<typeof gatewayShop>>, invoiceId: string, input: Record<string, unknown> = {}) {
  const view = await createPayLink(shop.staff, invoiceId, input);
  const row = await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } });
  return { view, row, plink: row.gatewayLinkId! };
}

const receiptsOf = (co: string) => prisma.payment.findMany({ where: { companyId: co, kind: "RECEIPT" }, include: { allocationsOut: true } });

describe("gateway accounts", () => {
  it("keeps secrets encrypted and never shows them; the sandbox makes its own keys", async () => {
    const shop = await gatewayShop("SANDBOX");
    expect(shop.account.keySecretEnc).toMatch(/^v1:/);
    expect(decryptSecret(shop.account.webhookSecretEnc).length).toBeGreaterThanOrEqual(32);
    const list = await listGatewayAccounts(shop.staff);
    expect(list).toHaveLength(1);
    const text = JSON.stringify(list);
    expect(text).not.toContain(decryptSecret(shop.account.webhookSecretEnc));
    expect(text).not.toContain(decryptSecret(shop.account.keySecretEnc));
    expect(text).not.toContain("Enc");
    expect(list[0].webhookUrl).toMatch(/\/api\/webhooks\/razorpay\/gwa_[A-Za-z0-9]{24}$/);
  });
});

describe("paying through the local gateway sandbox", () => {
  it("a successful payment: three signed webhooks, one receipt allocated to the invoice, link paid", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop);
    const { view, plink } = await linkFor(shop, inv.id);
    expect(view).toMatchObject({ amount: "1180.00", amountPaise: 118000, status: "CREATED", sandbox: true });
    expect(view.shortUrl).toContain(`/sandbox-gateway/pay/${plink}`);

    const paid = await paySandboxLink(plink, { method: "upi", outcome: "succeed" });
    expect(paid.status).toBe("captured");
    expect(await deliverSandboxJobs(shop.account.id)).toBe(3);
    const events = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } });
    expect(events.map((e) => e.type).sort()).toEqual(["payment.authorized", "payment.captured", "payment_link.paid"]);
    // One apply job per stored event, enqueued with it.
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'gateway-event-apply' AND data->>'eventId' = ANY(${events.map((e) => e.id)})`;
    expect(jobs[0].n).toBe(3);

    await applyStoredEvents(shop.account.id);
    const receipts = await receiptsOf(shop.co);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ method: "GATEWAY", gatewayProvider: "SANDBOX", gatewayPaymentId: paid.paymentId, reference: paid.paymentId });
    expect(receipts[0].amount.toFixed(2)).toBe("1180.00");
    expect(receipts[0].allocationsOut.map((a) => [a.invoiceId, a.amount.toFixed(2)])).toEqual([[inv.id, "1180.00"]]);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    const attempt = await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: paid.paymentId } });
    expect(attempt).toMatchObject({ status: "CAPTURED", paymentId: receipts[0].id, needsReview: false });
    expect(await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({ status: "PAID", amountPaidPaise: 118000n });
    expect((await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } })).every((e) => e.status === "APPLIED")).toBe(true);
  });

  it("the same event delivered 10 times at once is stored once, and applying all events in parallel books one receipt", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop);
    const { plink } = await linkFor(shop, inv.id);
    await paySandboxLink(plink, { method: "card", outcome: "succeed", delivery: "twice" });
    const jobs = await prisma.$queryRaw<{ data: { eventId: string } }[]>`SELECT data FROM pgboss.job WHERE name = 'gateway-sandbox-deliver' AND data->>'accountId' = ${shop.account.id}`;
    expect(jobs).toHaveLength(6);
    // Deliver the first event ten times in parallel (on top of the sandbox's own double delivery).
    const { deliverSandboxWebhook } = await import("@/lib/billing/gateway/sandbox-checkout");
    const { postWebhook } = await import("../support/gateway-helpers");
    const one = jobs[0].data as never;
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        deliverSandboxWebhook(one, { post: async (url, init) => new Response(null, { status: (await postWebhook("razorpay", url.split("/").pop()!, String(init.body), init.headers as Record<string, string>)).status }) }),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await prisma.webhookEvent.count({ where: { accountId: shop.account.id } })).toBe(1);
    await deliverSandboxJobs(shop.account.id);
    expect(await prisma.webhookEvent.count({ where: { accountId: shop.account.id } })).toBe(3);
    const results = await applyStoredEvents(shop.account.id, { parallel: true });
    expect(results).toEqual(["applied", "applied", "applied"]);
    expect(await receiptsOf(shop.co)).toHaveLength(1);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    // Applying an event again (a pg-boss redelivery) changes nothing.
    const ev = await prisma.webhookEvent.findFirstOrThrow({ where: { accountId: shop.account.id } });
    expect(await applyWebhookEvent(ev.id)).toBe("already_done");
    expect(await receiptsOf(shop.co)).toHaveLength(1);
  });

  it("captured before authorized (webhooks in reverse order): one receipt, and the late authorized event does not move it back", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop);
    const { plink } = await linkFor(shop, inv.id);
    const paid = await paySandboxLink(plink, { method: "netbanking", outcome: "succeed", delivery: "out_of_order" });
    await deliverSandboxJobs(shop.account.id, "reversed");
    const events = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id }, orderBy: { receivedAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["payment_link.paid", "payment.captured", "payment.authorized"]);
    await applyStoredEvents(shop.account.id);
    expect(await receiptsOf(shop.co)).toHaveLength(1);
    expect(await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: paid.paymentId } })).toMatchObject({ status: "CAPTURED" });
  });

  it("failed, then authorised late by the bank, then captured: no receipt until captured, then exactly one", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop);
    const { plink, view } = await linkFor(shop, inv.id);
    const paid = await paySandboxLink(plink, { method: "upi", outcome: "fail" });
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    const attempt = () => prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: paid.paymentId } });
    expect(await attempt()).toMatchObject({ status: "FAILED", errorReason: "Payment declined by the bank (sandbox)", paymentId: null });

    await settleSandboxPayment(paid.paymentId, "authorized");
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    expect(await attempt()).toMatchObject({ status: "AUTHORIZED", paymentId: null });
    expect(await receiptsOf(shop.co)).toHaveLength(0);

    await settleSandboxPayment(paid.paymentId, "captured");
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    expect((await attempt()).status).toBe("CAPTURED");
    expect(await receiptsOf(shop.co)).toHaveLength(1);
    expect((await createPayLinkView(shop, view.id)).status).toBe("PAID");
  });

  it("part payments through one link: each is a receipt against the invoice, the rest stays open, then paid", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    const { plink, view } = await linkFor(shop, inv.id, { acceptPartial: true });
    await paySandboxLink(plink, { method: "upi", outcome: "pay_part", amount: "500" });
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    expect(await invoiceState(inv.id)).toEqual({ settled: "500.00", open: "680.00" });
    expect(await createPayLinkView(shop, view.id)).toMatchObject({ status: "PARTLY_PAID", amountPaid: "500.00" });

    const bad = await rejects(paySandboxLink(plink, { method: "upi", outcome: "pay_part", amount: "680" }));
    expect(bad.fieldErrors?.amount).toBeDefined();
    await paySandboxLink(plink, { method: "card", outcome: "succeed" });
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    expect(await receiptsOf(shop.co)).toHaveLength(2);
    expect(await createPayLinkView(shop, view.id)).toMatchObject({ status: "PAID", amountPaid: "1180.00" });
  });

  it("money that no longer fits (paid meanwhile by cheque, or the invoice cancelled) becomes an advance with a review flag and a notification", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    const { plink } = await linkFor(shop, inv.id);
    // The retailer also paid 1000 by cheque before the online payment came in.
    await prisma.invoice.update({ where: { id: inv.id }, data: { settledAmount: "1000.00" } });
    const paid = await paySandboxLink(plink, { method: "upi", outcome: "succeed" });
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    const [receipt] = await receiptsOf(shop.co);
    expect(receipt.amount.toFixed(2)).toBe("1180.00");
    expect(receipt.allocatedAmount.toFixed(2)).toBe("0.00");
    const attempt = await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: paid.paymentId } });
    expect(attempt.needsReview).toBe(true);
    expect(attempt.reviewReason).toContain("only ₹180.00 was open");
    expect(await prisma.notification.count({ where: { companyId: shop.co, event: "payment.review" } })).toBe(1);

    const inv2 = await invoiceFor(shop, "590.00");
    const second = await linkFor(shop, inv2.id);
    await prisma.invoice.update({ where: { id: inv2.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "Wrong rate" } });
    await paySandboxLink(second.plink, { method: "card", outcome: "succeed" });
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    const all = await receiptsOf(shop.co);
    expect(all).toHaveLength(2);
    const r2 = all.find((r) => r.amount.toFixed(2) === "590.00")!;
    expect(r2.allocatedAmount.toFixed(2)).toBe("0.00");
    expect(await prisma.paymentAttempt.count({ where: { companyId: shop.co, needsReview: true } })).toBe(2);
  });

  it("events stored while no worker ran are applied once later (twice at once too); the event log lists them and replay re-queues one that failed", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop);
    const { plink } = await linkFor(shop, inv.id);
    await paySandboxLink(plink, { method: "upi", outcome: "succeed" });
    await deliverSandboxJobs(shop.account.id);
    // Stored and acknowledged, but the worker "died" before applying anything.
    expect(await receiptsOf(shop.co)).toHaveLength(0);
    const log = await listWebhookEvents(shop.staff);
    expect(log).toHaveLength(3);
    expect(log.every((e) => e.status === "VERIFIED")).toBe(true);
    // After the restart, pg-boss may hand the same job to two workers: still one receipt.
    const events = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } });
    await Promise.all(events.flatMap((e) => [applyWebhookEvent(e.id), applyWebhookEvent(e.id)]));
    expect(await receiptsOf(shop.co)).toHaveLength(1);

    expect((await rejects(replayWebhookEvent(shop.staff, events[0].id))).code).toBe("invalid_transition");
    // An event whose apply failed for good (say the gateway was down for hours) can be replayed.
    await prisma.webhookEvent.update({ where: { id: events[1].id }, data: { status: "FAILED", reason: "Razorpay is unavailable" } });
    expect(await replayWebhookEvent(shop.staff, events[1].id)).toEqual({ queued: true });
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'gateway-event-apply' AND data->>'eventId' = ${events[1].id}`;
    expect(jobs[0].n).toBe(2);
    expect(await applyWebhookEvent(events[1].id)).toBe("applied");
    expect(await receiptsOf(shop.co)).toHaveLength(1);
    // Another company cannot see or replay them.
    const other = await gatewayShop();
    expect(await listWebhookEvents(other.staff)).toHaveLength(0);
    expect((await rejects(replayWebhookEvent(other.staff, events[1].id))).code).toBe("not_found");
  });

  it("the browser's signed return (callback) and the webhooks racing give one receipt; a forged callback queues nothing", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop);
    const { plink } = await linkFor(shop, inv.id);
    const paid = await paySandboxLink(plink, { method: "upi", outcome: "succeed" });
    const back = new URL(paid.callbackUrl!);
    expect(back.pathname).toBe(`/api/payments/callback/${shop.account.publicId}`);
    // Signed as Razorpay signs a payment link's callback: the SDK's own check accepts it.
    const p = Object.fromEntries(back.searchParams);
    expect(validatePaymentVerification({ payment_link_id: p.razorpay_payment_link_id, payment_link_reference_id: p.razorpay_payment_link_reference_id, payment_link_status: p.razorpay_payment_link_status, payment_id: p.razorpay_payment_id }, p.razorpay_signature, decryptSecret(shop.account.keySecretEnc))).toBe(true);

    const get = (url: string) => callbackRoute.GET(new Request(url.replace(/^https?:\/\/[^/]+/, "http://localhost")), { params: Promise.resolve({ accountId: shop.account.publicId }) });
    const forged = new URL(back);
    forged.searchParams.set("razorpay_signature", "0".repeat(64));
    const r1 = await get(forged.toString());
    expect(r1.status).toBe(303);
    expect(r1.headers.get("location")).toBe(`http://localhost/portal/invoices/${inv.id}?paid=1`);
    const syncJobs = () => prisma.$queryRaw<{ data: { accountId: string; linkId: string | null; paymentId: string | null } }[]>`DELETE FROM pgboss.job WHERE name = 'gateway-payment-sync' AND data->>'accountId' = ${shop.account.id} RETURNING data`;
    expect(await syncJobs()).toHaveLength(0);

    // The genuine return and the webhooks arrive together, and the sync job runs alongside the event jobs.
    const [r2] = await Promise.all([get(back.toString()), deliverSandboxJobs(shop.account.id)]);
    expect(r2.status).toBe(303);
    const [job] = await syncJobs();
    expect(job.data).toMatchObject({ paymentId: paid.paymentId, linkId: plink });
    await Promise.all([syncGatewayPayment(job.data), applyStoredEvents(shop.account.id, { parallel: true }), syncGatewayPayment(job.data)]);
    expect(await receiptsOf(shop.co)).toHaveLength(1);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
  });

  it("a pay link cannot be made for a credit note, a cancelled or a paid document, or for more than is due", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    expect((await rejects(createPayLink(shop.staff, inv.id, { amount: "1180.01" }))).fieldErrors?.amount).toBeDefined();
    expect((await rejects(createPayLink(shop.staff, inv.id, { expiresInDays: 0 }))).fieldErrors?.expiresInDays).toBeDefined();
    expect((await rejects(createPayLink(shop.staff, inv.id, { colour: "red" }))).code).toBe("validation");
    const note = await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-11-21", type: "CREDIT_NOTE", originalInvoiceId: inv.id });
    expect((await rejects(createPayLink(shop.staff, note.id, {}))).fieldErrors?.invoiceId).toBeDefined();
    await prisma.invoice.update({ where: { id: inv.id }, data: { settledAmount: "1180.00" } });
    expect((await rejects(createPayLink(shop.staff, inv.id, {}))).code).toBe("conflict");
    expect(await prisma.payLink.count({ where: { companyId: shop.co } })).toBe(0);
  });
});

async function createPayLinkView(shop: Awaited<ReturnType<typeof gatewayShop>>, id: string) {
  const { getPayLinkOrThrow } = await import("@/lib/billing/gateway/get-pay-link-or-throw");
  return getPayLinkOrThrow(shop.staff, id);
}
