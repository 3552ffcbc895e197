// Demo online payments: Shree Ganesh takes payments through the local payment sandbox (it signs its
// webhooks exactly as Razorpay does), with one paid, one part-paid and one failed pay link on other
// retailers' open invoices. The sandbox's webhooks are delivered and applied here, in-process, through
// the same route logic and job the running app uses, so the receipts are in the books at once.
//
// Idempotent: a vendor that already has a gateway account is left alone.
import { loadActor } from "@/lib/auth/load-actor";
import { applyWebhookEvent } from "@/lib/billing/gateway/apply-webhook-event";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { addGatewayAccount } from "@/lib/billing/gateway/gateway-accounts";
import { receiveWebhook } from "@/lib/billing/gateway/receive-webhook";
import { deliverSandboxWebhook, paySandboxLink } from "@/lib/billing/gateway/sandbox-checkout";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import type { JobData } from "@/lib/jobs/queues";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };

export async function seedGateway(db: PrismaClient, ids: Ids) {
  const companyId = ids.companyIds.get("SGAF");
  if (!companyId || (await db.gatewayAccount.count({ where: { companyId } }))) return;
  const actor = await loadActor(db, ids.userIds.get("pooja.kale@shreeganesh.example")!, companyId);
  if (!actor) return;
  const ctx = makeCtx(actor, { db });
  const account = await addGatewayAccount(ctx, { provider: "SANDBOX", label: "Razorpay (local payment sandbox)" });

  // Ravi Sharma's invoices stay untouched: the portal walkthrough pays one of them itself.
  const sharma = ids.retailerIds.get("sharma");
  const open = await db.invoice.findMany({
    where: { companyId, type: "INVOICE", status: "ISSUED", settledAmount: 0, ...(sharma ? { retailerId: { not: sharma } } : {}) },
    orderBy: { issueDate: "desc" },
    take: 3,
    select: { id: true, grandTotal: true },
  });
  const plans = [
    { outcome: "succeed", method: "upi", acceptPartial: false },
    { outcome: "pay_part", method: "netbanking", acceptPartial: true },
    { outcome: "fail", method: "card", acceptPartial: false },
  ] as const;
  for (const [i, inv] of open.entries()) {
    const plan = plans[i];
    const link = await createPayLink(ctx, inv.id, { acceptPartial: plan.acceptPartial, expiresInDays: 15 });
    const row = await db.payLink.findUniqueOrThrow({ where: { id: link.id }, select: { gatewayLinkId: true } });
    const part = inv.grandTotal.times(0.4).toDecimalPlaces(0).toFixed(2);
    await paySandboxLink(row.gatewayLinkId!, { method: plan.method, outcome: plan.outcome, ...(plan.outcome === "pay_part" ? { amount: part } : {}) }, { db });
  }

  const jobs = await db.$queryRaw<{ data: JobData["gateway-sandbox-deliver"] }[]>`
    DELETE FROM pgboss.job WHERE name = 'gateway-sandbox-deliver' AND data->>'accountId' = ${account.id} RETURNING data`;
  for (const j of jobs) {
    await deliverSandboxWebhook(j.data, {
      db,
      post: (url, init) => receiveWebhook({ door: "razorpay", publicId: url.split("/").pop()!, rawBody: String(init.body), headers: new Headers(init.headers), db }),
    });
  }
  const events = await db.webhookEvent.findMany({ where: { accountId: account.id, status: "VERIFIED" }, orderBy: { receivedAt: "asc" }, select: { id: true } });
  for (const e of events) await applyWebhookEvent(e.id, { finalAttempt: false }, { db });
}
