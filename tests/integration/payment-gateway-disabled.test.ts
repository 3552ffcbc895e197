// A disabled gateway account: its open links are cancelled at the gateway (a job queued with the
// change), no new link or checkout can be made on it (409 naming why), and webhooks for payments
// already made on it are still verified, stored and applied — money received is never lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelDisabledAccountLinks } from "@/lib/billing/gateway/cancel-disabled-account-links";
import { createCheckoutOrder } from "@/lib/billing/gateway/create-checkout-order";
import { createOutstandingPayLink } from "@/lib/billing/gateway/create-outstanding-pay-link";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { setGatewayAccountActive } from "@/lib/billing/gateway/gateway-accounts";
import { paySandboxLink } from "@/lib/billing/gateway/sandbox-checkout";
import { prisma } from "@/lib/db/client";
import type { JobData } from "@/lib/jobs/queues";
import { razorpaySignature } from "@/lib/integrations/payments/razorpay-webhook";
import { fakeRazorpay } from "../support/fake-gateways";
import { applyStoredEvents, deliverSandboxJobs, gatewayShop, invoiceFor, invoiceState, postWebhook } from "../support/gateway-helpers";
import { rejects } from "../support/rejects";

const RZP = { keyId: "rzp_test_Dis0123456789", keySecret: "rzp-key-secret-disabled-0123", webhookSecret: "rzp-webhook-secret-disabled-99" };
let rzp: Awaited<ReturnType<typeof fakeRazorpay>>;
beforeAll(async () => {
  rzp = await fakeRazorpay(RZP.keyId, RZP.keySecret);
});
afterAll(() => rzp.close());
const deps = () => ({ apiBase: { razorpay: rzp.base } });

/** The disable jobs queued for the account (taken off the queue, as a worker would). */
async function takeDisableJobs(accountId: string) {
  return prisma.$queryRaw<{ data: JobData["gateway-account-disabled"] }[]>`DELETE FROM pgboss.job WHERE name = 'gateway-account-disabled' AND data->>'accountId' = ${accountId} RETURNING data`;
}

describe("a disabled gateway account", () => {
  it("disabling queues one job that cancels its open links at the gateway and here; paid links stay; enabling queues nothing", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const a = await invoiceFor(shop, "500.00");
    const b = await invoiceFor(shop, "700.00");
    const c = await invoiceFor(shop, "900.00");
    const open1 = await createPayLink(shop.staff, a.id, {}, deps());
    const part = await createPayLink(shop.staff, b.id, { acceptPartial: true }, deps());
    const paid = await createPayLink(shop.staff, c.id, {}, deps());
    const checkout = await createCheckoutOrder(shop.shopper, a.id, {}, deps());
    await prisma.payLink.update({ where: { id: part.id }, data: { status: "PARTLY_PAID" } });
    await prisma.payLink.update({ where: { id: paid.id }, data: { status: "PAID" } });
    const gid = async (id: string) => (await prisma.payLink.findUniqueOrThrow({ where: { id } })).gatewayLinkId!;

    await setGatewayAccountActive(shop.staff, shop.account.id, { active: false });
    const jobs = await takeDisableJobs(shop.account.id);
    expect(jobs).toHaveLength(1);
    // Nothing cancelled inside the request: only the job does it.
    expect(rzp.links.get(await gid(open1.id))!.status).toBe("created");

    const res = await cancelDisabledAccountLinks(jobs[0].data, deps());
    expect(res).toEqual({ cancelled: 3, left: [] });
    expect(rzp.links.get(await gid(open1.id))!.status).toBe("cancelled");
    expect(rzp.links.get(await gid(part.id))!.status).toBe("cancelled");
    expect(rzp.links.get(await gid(paid.id))!.status).toBe("created");
    const statuses = Object.fromEntries((await prisma.payLink.findMany({ where: { companyId: shop.co } })).map((l) => [l.id, l.status]));
    expect(statuses).toEqual({ [open1.id]: "CANCELLED", [part.id]: "CANCELLED", [paid.id]: "PAID", [checkout.checkoutId]: "CANCELLED" });
    expect(await prisma.auditLog.count({ where: { action: "pay_link.cancel", entityId: { in: [open1.id, part.id, checkout.checkoutId] } } })).toBe(3);
    // Run again (a retried job): nothing more.
    expect(await cancelDisabledAccountLinks(jobs[0].data, deps())).toEqual({ cancelled: 0, left: [] });

    // Enabled again: no job.
    await setGatewayAccountActive(shop.staff, shop.account.id, { active: true });
    expect(await takeDisableJobs(shop.account.id)).toHaveLength(0);
  });

  it("the gateway unreachable: the job cancels what it can, fails to be retried, and the retry finishes", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "500.00");
    const link = await createPayLink(shop.staff, inv.id, {}, deps());
    await setGatewayAccountActive(shop.staff, shop.account.id, { active: false });
    const [job] = await takeDisableJobs(shop.account.id);
    await expect(cancelDisabledAccountLinks(job.data, { apiBase: { razorpay: "http://127.0.0.1:9" } })).rejects.toThrow(/unavailable/);
    expect((await prisma.payLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("CREATED");
    expect(await cancelDisabledAccountLinks(job.data, deps())).toEqual({ cancelled: 1, left: [] });
    expect((await prisma.payLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("CANCELLED");
  });

  it("no new link, whole-outstanding link or checkout on it: 409 naming the reason; nothing written", async () => {
    const shop = await gatewayShop("SANDBOX");
    const inv = await invoiceFor(shop, "500.00");
    await setGatewayAccountActive(shop.staff, shop.account.id, { active: false });
    const before = await prisma.payLink.count({ where: { companyId: shop.co } });
    // One call at a time (thunks): a promise made early and awaited later would reject with no handler yet.
    for (const call of [
      () => createPayLink(shop.staff, inv.id, {}),
      () => createPayLink(shop.staff, inv.id, { accountId: shop.account.id }),
      () => createOutstandingPayLink(shop.staff, shop.connection.id, {}),
      () => createPayLink(shop.shopper, inv.id, {}),
      () => createCheckoutOrder(shop.shopper, inv.id, {}),
    ]) {
      const err = await rejects(call());
      expect(err.code).toBe("conflict");
      expect(err.status).toBe(409);
      expect(err.message).toMatch(/disabled/);
    }
    const named = await rejects(createPayLink(shop.staff, inv.id, { accountId: shop.account.id }));
    expect(named.fieldErrors?.accountId?.[0]).toMatch(/disabled/);
    expect(await prisma.payLink.count({ where: { companyId: shop.co } })).toBe(before);
  });

  it("a payment made before it was disabled still arrives: its webhooks are verified, stored and applied, one receipt", async () => {
    const shop = await gatewayShop("SANDBOX");
    const inv = await invoiceFor(shop, "1180.00");
    const view = await createPayLink(shop.staff, inv.id, {});
    const plink = (await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } })).gatewayLinkId!;
    const paid = await paySandboxLink(plink, { method: "upi", outcome: "succeed" });
    await setGatewayAccountActive(shop.staff, shop.account.id, { active: false });

    // The webhooks arrive after the account was disabled.
    expect(await deliverSandboxJobs(shop.account.id)).toBe(3);
    const events = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } });
    expect(events).toHaveLength(3);
    await applyStoredEvents(shop.account.id);
    expect(await prisma.payment.count({ where: { companyId: shop.co, gatewayPaymentId: paid.paymentId } })).toBe(1);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    // Cancelling its links afterwards leaves the paid one alone.
    const [job] = await takeDisableJobs(shop.account.id);
    await cancelDisabledAccountLinks(job.data);
    expect((await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } })).status).toBe("PAID");

    // A forged delivery on the disabled account is still refused: verified first, always.
    const body = JSON.stringify({ entity: "event", event: "payment.captured", payload: {}, contains: [] });
    const forged = await postWebhook("razorpay", shop.account.publicId, body, { "x-razorpay-signature": razorpaySignature(body, "not-the-secret"), "x-razorpay-event-id": "evt_forged123" });
    expect(forged.status).toBe(401);
  });
});
