// The hourly housekeeping job removes idempotency keys older than a day and expired rate-limit
// windows, and nothing else.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { handlers } from "@/lib/jobs/handlers";
import { pruneExpiredRecords } from "@/lib/jobs/prune";

describe("maintenance-prune", () => {
  it("deletes idempotency keys older than 24 hours and expired rate-limit windows; keeps the rest", async () => {
    const now = new Date();
    const scope = `prune-${randomUUID()}`;
    const key = (hoursAgo: number) => ({ scope, key: `k-${hoursAgo}`, method: "POST", path: "/api/v1/orders", requestHash: "x", statusCode: 201, createdAt: new Date(now.getTime() - hoursAgo * 3_600_000) });
    await prisma.idempotencyKey.createMany({ data: [key(25), key(48), key(23), key(1)] });
    const bucket = (minutes: number) => ({ key: `prune:${scope}:${minutes}`, windowStart: new Date(now.getTime() - 3_600_000), count: 3, expiresAt: new Date(now.getTime() + minutes * 60_000) });
    await prisma.rateLimitBucket.createMany({ data: [bucket(-5), bucket(10)] });
    const throttle = (minutes: number) => ({ key: `prune:${scope}:${minutes}`, email: null, failures: 3, firstFailureAt: now, lastFailureAt: now, expiresAt: new Date(now.getTime() + minutes * 60_000) });
    await prisma.loginThrottle.createMany({ data: [throttle(-5), throttle(10)] });

    const removed = await pruneExpiredRecords(now);
    expect(removed.idempotencyKeys).toBeGreaterThanOrEqual(2);
    expect((await prisma.idempotencyKey.findMany({ where: { scope }, orderBy: { key: "asc" } })).map((k) => k.key)).toEqual(["k-1", "k-23"]);
    expect((await prisma.rateLimitBucket.findMany({ where: { key: { startsWith: `prune:${scope}:` } } })).map((b) => b.key)).toEqual([`prune:${scope}:10`]);
    expect(removed.loginThrottles).toBeGreaterThanOrEqual(1);
    expect((await prisma.loginThrottle.findMany({ where: { key: { startsWith: `prune:${scope}:` } } })).map((b) => b.key)).toEqual([`prune:${scope}:10`]);
    // What the scheduled job runs; a second run finds nothing of these left to do.
    await handlers["maintenance-prune"]({}, { id: "test", retryCount: 0, retryLimit: 2, finalAttempt: false });
    expect(await prisma.idempotencyKey.count({ where: { scope } })).toBe(2);
  });
});
