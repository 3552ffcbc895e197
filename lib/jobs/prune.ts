// Housekeeping, hourly (the "maintenance-prune" schedule): rows that only matter for a while.
//   IdempotencyKey   a stored first response answers replays for 24 hours (as payment APIs do)
//   RateLimitBucket  a window is useless once it has expired
//   LoginThrottle    a failure count starts over once its quiet spell has passed
// Deleting in batches keeps each statement short on a busy table.
import { prisma } from "@/lib/db/client";

export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
const BATCH = 5_000;

export async function pruneExpiredRecords(now = new Date()): Promise<{ idempotencyKeys: number; rateLimitBuckets: number; loginThrottles: number }> {
  const keysBefore = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000);
  const idempotencyKeys = await inBatches(
    () => prisma.$executeRaw`DELETE FROM "IdempotencyKey" WHERE id IN (SELECT id FROM "IdempotencyKey" WHERE "createdAt" < ${keysBefore} LIMIT ${BATCH})`,
  );
  const rateLimitBuckets = await inBatches(
    () => prisma.$executeRaw`DELETE FROM "RateLimitBucket" WHERE ctid IN (SELECT ctid FROM "RateLimitBucket" WHERE "expiresAt" < ${now} LIMIT ${BATCH})`,
  );
  const loginThrottles = await inBatches(
    () => prisma.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" IN (SELECT "key" FROM "LoginThrottle" WHERE "expiresAt" < ${now} LIMIT ${BATCH})`,
  );
  return { idempotencyKeys, rateLimitBuckets, loginThrottles };
}

async function inBatches(run: () => Promise<number>) {
  let total = 0;
  for (;;) {
    const n = await run();
    total += n;
    if (n < BATCH) return total;
  }
}
