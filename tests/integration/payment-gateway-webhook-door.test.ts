// The webhook door's fast path and the apply queue's batches: a local-sandbox account in a deployment
// whose sandbox is switched off is an unknown account (400 problem+json, nothing stored, never a 500);
// the apply queue is worked in batches, and a failing event in a batch retries alone while the
// others complete.
import { afterAll, describe, expect, it, vi } from "vitest";
import { receiveWebhook } from "@/lib/billing/gateway/receive-webhook";
import { prisma } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { startWorkers, stopWorkers } from "@/lib/jobs/worker";
import { razorpaySignature } from "@/lib/integrations/payments/razorpay-webhook";
import { decryptSecret } from "@/lib/billing/secrets";
import { gatewayShop, postWebhook } from "../support/gateway-helpers";

const sandbox = vi.hoisted(() => ({ allowed: true }));
vi.mock("@/lib/env", async (original) => ({ ...(await original<typeof import("@/lib/env")>()), paymentSandboxAllowed: () => sandbox.allowed }));

afterAll(async () => {
  sandbox.allowed = true;
  await stopWorkers();
});

let seq = 0;
function signed(secret: string, event: string, payload: Record<string, unknown>) {
  const id = `evt_door${Date.now()}${++seq}`;
  const body = JSON.stringify({ entity: "event", account_id: "acc_sandbox", event, contains: Object.keys(payload), payload, created_at: Math.floor(Date.now() / 1000) });
  return { id, body, headers: { "x-razorpay-signature": razorpaySignature(body, secret), "x-razorpay-event-id": id } };
}

describe("webhook door", () => {
  it("a sandbox account while the sandbox is switched off (production): 400 unknown_account problem+json, nothing stored", async () => {
    const shop = await gatewayShop("SANDBOX");
    const secret = decryptSecret(shop.account.webhookSecretEnc);
    const e = signed(secret, "payment_link.expired", {});
    sandbox.allowed = false;
    try {
      const res = await postWebhook("razorpay", shop.account.publicId, e.body, e.headers);
      expect(res.status).toBe(400);
      expect(res.contentType).toContain("application/problem+json");
      expect(res.json.code).toBe("unknown_account");
    } finally {
      sandbox.allowed = true;
    }
    expect(await prisma.webhookEvent.count({ where: { companyId: shop.co } })).toBe(0);
    // The same delivery with the sandbox allowed is stored once, a repeat is a 200 duplicate.
    const ok = await postWebhook("razorpay", shop.account.publicId, e.body, e.headers);
    expect([ok.status, ok.json]).toEqual([200, { received: true, duplicate: false }]);
    const again = await postWebhook("razorpay", shop.account.publicId, e.body, e.headers);
    expect([again.status, again.json]).toEqual([200, { received: true, duplicate: true }]);
    const stored = await prisma.webhookEvent.findMany({ where: { companyId: shop.co } });
    expect(stored.map((s) => [s.eventId, s.status])).toEqual([[e.id, "VERIFIED"]]);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'gateway-event-apply' AND data->>'eventId' = ${stored[0].id}`;
    expect(jobs[0].n).toBe(1);
  });

  it("with a caller's own Prisma client (the demo seeder) the same statements run in its transaction: stored once, one job, a repeat is a duplicate", async () => {
    const shop = await gatewayShop("SANDBOX");
    const e = signed(decryptSecret(shop.account.webhookSecretEnc), "payment_link.expired", {});
    const post = async () => {
      const res = await receiveWebhook({ door: "razorpay", publicId: shop.account.publicId, rawBody: e.body, headers: new Headers(e.headers), db: prisma });
      return [res.status, await res.json()];
    };
    expect(await post()).toEqual([200, { received: true, duplicate: false }]);
    expect(await Promise.all([post(), post(), post()])).toEqual(Array.from({ length: 3 }, () => [200, { received: true, duplicate: true }]));
    const stored = await prisma.webhookEvent.findMany({ where: { companyId: shop.co } });
    expect(stored.map((r) => [r.eventId, r.provider, r.status, r.type, r.accountId])).toEqual([[e.id, "SANDBOX", "VERIFIED", "payment_link.expired", shop.account.id]]);
    expect(stored[0].rawBody).toBe(e.body);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'gateway-event-apply' AND data->>'eventId' = ${stored[0].id}`;
    expect(jobs[0].n).toBe(1);
  });

  it("the apply queue runs in batches; a failing event retries alone, the others of its batch complete", async () => {
    const shop = await gatewayShop("SANDBOX");
    const secret = decryptSecret(shop.account.webhookSecretEnc);
    // Five events naming nothing we know (ignored, done) and one naming a payment the sandbox has not
    // got (the re-fetch fails: the job fails and is retried).
    const good = Array.from({ length: 5 }, () => signed(secret, "payment_link.expired", {}));
    const bad = signed(secret, "payment.captured", { payment: { entity: { id: "pay_doesNotExist0001", entity: "payment" } } });
    for (const e of [...good.slice(0, 3), bad, ...good.slice(3)]) expect((await postWebhook("razorpay", shop.account.publicId, e.body, e.headers)).status).toBe(200);
    const rows = await prisma.webhookEvent.findMany({ where: { companyId: shop.co } });
    const idOf = (eventId: string) => rows.find((r) => r.eventId === eventId)!.id;

    await startWorkers({ pollingIntervalSeconds: 0.5, concurrency: 1 });
    const boss = await getBoss();
    const stateOf = async (id: string) => (await boss.findJobs("gateway-event-apply", { data: { eventId: id } }))[0];
    const until = Date.now() + 60_000;
    for (;;) {
      const states = await Promise.all([...good.map((g) => stateOf(idOf(g.id))), stateOf(idOf(bad.id))]);
      if (states.slice(0, 5).every((s) => s?.state === "completed") && states[5]?.state === "retry") break;
      if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify(states.map((s) => [s?.state, s?.retryCount]))}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Failed once and waiting for its retry (its own backoff); the others were not failed with it.
    expect((await stateOf(idOf(bad.id))).state).toBe("retry");
    for (const g of good) expect((await stateOf(idOf(g.id))).retryCount).toBe(0);
    const after = await prisma.webhookEvent.findMany({ where: { companyId: shop.co } });
    for (const r of after) {
      if (r.eventId === bad.id) expect([r.status, r.attempts, r.reason]).toEqual(["VERIFIED", 1, expect.stringContaining("pay_doesNotExist0001")]);
      else expect([r.status, r.attempts]).toEqual(["IGNORED", 1]);
    }
  });
});
