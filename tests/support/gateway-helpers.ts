// Payment-gateway test helpers: a company with a gateway account and an invoice, the sandbox's
// queued webhook deliveries run against the real webhook route, stored events applied by the job.
import * as razorpayRoute from "@/app/api/webhooks/razorpay/[accountId]/route";
import * as stripeRoute from "@/app/api/webhooks/stripe/[accountId]/route";
import { addGatewayAccount } from "@/lib/billing/gateway/gateway-accounts";
import { applyWebhookEvent, type ApplyDeps } from "@/lib/billing/gateway/apply-webhook-event";
import { deliverSandboxWebhook } from "@/lib/billing/gateway/sandbox-checkout";
import { prisma } from "@/lib/db/client";
import type { JobData } from "@/lib/jobs/queues";
import { insertInvoiceRow } from "./billing-factories";
import { orderShop, type Shop } from "./order-factories";

export async function gatewayShop(provider: "SANDBOX" | "RAZORPAY" | "STRIPE" = "SANDBOX", keys: { keyId?: string; keySecret?: string; webhookSecret?: string } = {}) {
  const shop = await orderShop();
  const view = await addGatewayAccount(shop.staff, { provider, label: `${provider} test`, ...keys });
  const account = await prisma.gatewayAccount.findUniqueOrThrow({ where: { id: view.id } });
  return { ...shop, account, view };
}
export type GatewayShop = Awaited<ReturnType<typeof gatewayShop>>;

export async function invoiceFor(shop: Pick<Shop, "co" | "connection">, grandTotal = "1180.00") {
  return insertInvoiceRow(shop, { grandTotal, issueDate: "2026-11-20", dueDate: "2026-12-20" });
}

/** Posts to the webhook route exactly as a gateway would (raw body, headers), without a server. */
export async function postWebhook(door: "razorpay" | "stripe", publicId: string, body: string, headers: Record<string, string>) {
  const route = door === "razorpay" ? razorpayRoute : stripeRoute;
  const res = await route.POST(new Request(`http://localhost/api/webhooks/${door}/${publicId}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }), { params: Promise.resolve({ accountId: publicId }) });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get("content-type"), json: text ? JSON.parse(text) : null };
}

/** Runs the sandbox's queued webhook deliveries (in the order given) against the route; returns how many. */
export async function deliverSandboxJobs(accountId: string, order: "queued" | "reversed" = "queued"): Promise<number> {
  const jobs = await prisma.$queryRaw<{ id: string; data: JobData["gateway-sandbox-deliver"] }[]>`
    DELETE FROM pgboss.job WHERE name = 'gateway-sandbox-deliver' AND data->>'accountId' = ${accountId} RETURNING id, data, created_on`;
  const sorted = order === "reversed" ? [...jobs].reverse() : jobs;
  for (const j of sorted) {
    await deliverSandboxWebhook(j.data, {
      post: async (url, init) => {
        const publicId = url.split("/").pop()!;
        const r = await postWebhook("razorpay", publicId, String(init.body), init.headers as Record<string, string>);
        return new Response(JSON.stringify(r.json), { status: r.status });
      },
    });
  }
  return jobs.length;
}

/** Applies every stored, not yet applied event of the account (in parallel when asked), as the job does. */
export async function applyStoredEvents(accountId: string, opts: { parallel?: boolean; deps?: ApplyDeps } = {}) {
  const events = await prisma.webhookEvent.findMany({ where: { accountId, status: "VERIFIED" }, orderBy: { receivedAt: "asc" } });
  if (opts.parallel) return Promise.all(events.map((e) => applyWebhookEvent(e.id, { finalAttempt: false }, opts.deps)));
  const out = [];
  for (const e of events) out.push(await applyWebhookEvent(e.id, { finalAttempt: false }, opts.deps));
  return out;
}

export async function invoiceState(id: string) {
  const inv = await prisma.invoice.findUniqueOrThrow({ where: { id }, select: { grandTotal: true, settledAmount: true } });
  return { settled: inv.settledAmount.toFixed(2), open: inv.grandTotal.minus(inv.settledAmount).toFixed(2) };
}
