// The webhook door: a local-sandbox account in a deployment whose sandbox is switched off is an
// unknown account (400 problem+json, nothing stored, never a 500); a good delivery is stored once
// with one apply job, a repeat is a 200 duplicate.
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { razorpaySignature } from "@/lib/integrations/payments/razorpay-webhook";
import { decryptSecret } from "@/lib/billing/secrets";
import { gatewayShop, postWebhook } from "../support/gateway-helpers";

const sandbox = vi.hoisted(() => ({ allowed: true }));
vi.mock("@/lib/env", async (original) => ({ ...(await original<typeof import("@/lib/env")>()), paymentSandboxAllowed: () => sandbox.allowed }));

afterAll(() => {
  sandbox.allowed = true;
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
});
