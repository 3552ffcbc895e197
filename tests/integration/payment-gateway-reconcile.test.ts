// The nightly reconciliation repairs what lost webhooks left undone — a payment never delivered, a
// refund made in the dashboard — through the same apply path, and a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { reconcileGatewayAccounts } from "@/lib/billing/gateway/reconcile-gateway-accounts";
import { paySandboxLink } from "@/lib/billing/gateway/sandbox-checkout";
import { prisma } from "@/lib/db/client";
import { fakeRazorpay } from "../support/fake-gateways";
import { gatewayShop, invoiceFor, invoiceState } from "../support/gateway-helpers";

const RZP = { keyId: "rzp_test_Reconcile0001", keySecret: "rzp-key-secret-reconcile", webhookSecret: "rzp-webhook-secret-reconcile" };
let rzp: Awaited<ReturnType<typeof fakeRazorpay>>;
beforeAll(async () => {
  rzp = await fakeRazorpay(RZP.keyId, RZP.keySecret);
});
afterAll(() => rzp.close());

describe("nightly reconciliation", () => {
  it("books a sandbox payment whose webhooks were all lost, once; the run is recorded", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    const view = await createPayLink(shop.staff, inv.id, {});
    const link = await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } });
    await paySandboxLink(link.gatewayLinkId!, { method: "upi", outcome: "succeed" });
    // The app was down: every delivery is lost.
    await prisma.$executeRaw`DELETE FROM pgboss.job WHERE name = 'gateway-sandbox-deliver' AND data->>'accountId' = ${shop.account.id}`;
    expect(await prisma.payment.count({ where: { companyId: shop.co } })).toBe(0);

    const [first] = await reconcileGatewayAccounts({ accountIds: [shop.account.id] });
    expect(first).toMatchObject({ checked: 1, repaired: 1, error: null });
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    const [second] = await reconcileGatewayAccounts({ accountIds: [shop.account.id] });
    expect(second).toMatchObject({ repaired: 0, error: null });
    expect(await prisma.payment.count({ where: { companyId: shop.co } })).toBe(1);
    const runs = await prisma.gatewayReconciliation.findMany({ where: { accountId: shop.account.id }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.repaired)).toEqual([1, 0]);
    expect(runs[0].details).toContain("receipt RCT/");
  });

  it("Razorpay through its SDK: a paid link without any webhook, then a refund made in the dashboard, are both repaired", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const inv = await invoiceFor(shop, "590.00");
    const deps = { apiBase: { razorpay: rzp.base } };
    const view = await createPayLink(shop.staff, inv.id, {}, deps);
    const link = await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } });
    const pay = rzp.pay(link.gatewayLinkId!, 59000, "captured");

    const [r1] = await reconcileGatewayAccounts({ ...deps, accountIds: [shop.account.id] });
    expect(r1).toMatchObject({ repaired: 1, error: null });
    expect(await invoiceState(inv.id)).toEqual({ settled: "590.00", open: "0.00" });
    expect((await prisma.payLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("PAID");

    rzp.payments.get(pay.id)!.amount_refunded = 9000;
    const [r2] = await reconcileGatewayAccounts({ ...deps, accountIds: [shop.account.id] });
    expect(r2).toMatchObject({ repaired: 1, error: null });
    const refunds = await prisma.payment.findMany({ where: { companyId: shop.co, kind: "REFUND" } });
    expect(refunds.map((r) => r.amount.toFixed(2))).toEqual(["90.00"]);
    expect(await invoiceState(inv.id)).toEqual({ settled: "500.00", open: "90.00" });
    const [r3] = await reconcileGatewayAccounts({ ...deps, accountIds: [shop.account.id] });
    expect(r3.repaired).toBe(0);
  });

  it("a gateway that does not answer is recorded as the run's error, and nothing changes", async () => {
    const shop = await gatewayShop("RAZORPAY", RZP);
    const [r] = await reconcileGatewayAccounts({ apiBase: { razorpay: "http://127.0.0.1:9" }, accountIds: [shop.account.id] });
    expect(r.error).toContain("Razorpay");
    expect((await prisma.gatewayReconciliation.findFirstOrThrow({ where: { accountId: shop.account.id } })).error).toContain("Razorpay");
  });
});
