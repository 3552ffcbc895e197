// Refunds of gateway payments: staff refund part of a payment through the app, someone refunds the
// rest in the gateway's dashboard; both become refund records funded from the receipt, the invoice is
// open again by exactly that much, and repeated events book nothing twice.
import { describe, expect, it } from "vitest";
import * as refundRoute from "@/app/api/v1/gateway-payments/[id]/refund/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { paySandboxLink, sandboxDashboardRefund } from "@/lib/billing/gateway/sandbox-checkout";
import { getOutstanding } from "@/lib/billing/outstanding";
import { prisma } from "@/lib/db/client";
import { applyStoredEvents, deliverSandboxJobs, gatewayShop, invoiceFor, invoiceState } from "../support/gateway-helpers";
import { createStaff } from "../support/factories";
import { call } from "../support/http";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

async function paidInvoice() {
  const shop = await gatewayShop();
  const inv = await invoiceFor(shop, "1180.00");
  const view = await createPayLink(shop.staff, inv.id, {});
  const link = await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } });
  const paid = await paySandboxLink(link.gatewayLinkId!, { method: "upi", outcome: "succeed" });
  await deliverSandboxJobs(shop.account.id);
  await applyStoredEvents(shop.account.id);
  const attempt = await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: paid.paymentId } });
  return { shop, inv, attempt, paymentId: paid.paymentId };
}

const refundsOf = (co: string) => prisma.payment.findMany({ where: { companyId: co, kind: "REFUND" }, orderBy: { createdAt: "asc" } });

describe("refunds of gateway payments", () => {
  it("a part refund by staff and the rest from the gateway dashboard: two refund records, the invoice open again, nothing twice", async () => {
    const { shop, inv, attempt, paymentId } = await paidInvoice();
    const outstanding = () => getOutstanding(prisma, { companyId: shop.co, connectionId: shop.connection.id });
    expect(await outstanding()).toBe("0.00");
    const t = await token(shop.owner);

    const res = await call(refundRoute.POST, { method: "POST", token: t, params: { id: attempt.id }, body: { amount: "180" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "PARTLY_REFUNDED", amountRefunded: "180.00" });
    expect((await prisma.gatewaySandboxPayment.findUniqueOrThrow({ where: { id: paymentId } })).amountRefunded).toBe(18000n);
    let refunds = await refundsOf(shop.co);
    expect(refunds.map((r) => [r.method, r.amount.toFixed(2), r.allocatedAmount.toFixed(2)])).toEqual([["GATEWAY", "180.00", "180.00"]]);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1000.00", open: "180.00" });
    expect(await outstanding()).toBe("180.00");

    // The rest refunded in the gateway's dashboard: the app learns it from refund.processed, delivered twice.
    await sandboxDashboardRefund(paymentId, 100000n);
    const jobs = await prisma.$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = 'gateway-sandbox-deliver' AND data->>'accountId' = ${shop.account.id}`;
    expect(jobs).toHaveLength(1);
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    refunds = await refundsOf(shop.co);
    expect(refunds.map((r) => r.amount.toFixed(2))).toEqual(["180.00", "1000.00"]);
    expect(await invoiceState(inv.id)).toEqual({ settled: "0.00", open: "1180.00" });
    expect(await outstanding()).toBe("1180.00");
    expect(await prisma.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "REFUNDED", amountRefundedPaise: 118000n, refundBookedPaise: 118000n });
    // Every event applied again (a replay) books nothing more.
    await prisma.webhookEvent.updateMany({ where: { accountId: shop.account.id }, data: { status: "VERIFIED" } });
    await applyStoredEvents(shop.account.id, { parallel: true });
    expect(await refundsOf(shop.co)).toHaveLength(2);
    expect(await prisma.notification.count({ where: { companyId: shop.co, event: "payment.review", title: "Online payment refunded" } })).toBeGreaterThan(0);

    // Nothing left to refund.
    const more = await call(refundRoute.POST, { method: "POST", token: t, params: { id: attempt.id }, body: {} });
    expect(more.status).toBe(409);
  });

  it("refund input: more than is left names amount, bad amounts and unknown fields are 400, another company 404, sales 403; nothing refunded", async () => {
    const { shop, attempt, paymentId } = await paidInvoice();
    const t = await token(shop.owner);
    for (const [body, field] of [
      [{ amount: "1180.01" }, "amount"],
      [{ amount: "0" }, "amount"],
      [{ amount: "ten" }, "amount"],
      [{ reason: "x" }, "reason"],
    ] as const) {
      const res = await call(refundRoute.POST, { method: "POST", token: t, params: { id: attempt.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json.errors ?? {}).join(",") + res.json.detail).toContain(field);
    }
    const other = await gatewayShop();
    expect((await call(refundRoute.POST, { method: "POST", token: await token(other.owner), params: { id: attempt.id }, body: { amount: "1" } })).status).toBe(404);
    const s = await createStaff(shop.co, "SALES");
    expect((await call(refundRoute.POST, { method: "POST", token: await token(s.actor), params: { id: attempt.id }, body: { amount: "1" } })).status).toBe(403);
    expect((await prisma.gatewaySandboxPayment.findUniqueOrThrow({ where: { id: paymentId } })).amountRefunded).toBe(0n);
    expect(await refundsOf(shop.co)).toHaveLength(0);
  });
});
