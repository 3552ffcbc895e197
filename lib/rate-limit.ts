// Fixed-window counters in PostgreSQL, so limits hold across every app instance.
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type Limit = { key: string; limit: number; windowSeconds: number };

function windowOf(now: Date, windowSeconds: number) {
  const ms = windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  return { start, end: new Date(start.getTime() + ms) };
}

/** Counts one hit and says whether it is still within the limit. */
export async function hit(db: PrismaClient, l: Limit, now: Date): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const { start, end } = windowOf(now, l.windowSeconds);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${l.key}, ${start}, 1, ${end})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0].count);
  return { allowed: count <= l.limit, count, retryAfterSeconds: Math.ceil((end.getTime() - now.getTime()) / 1000) };
}

/** Reads the current count without adding to it. */
export async function peek(db: PrismaClient, l: Limit, now: Date): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const { start, end } = windowOf(now, l.windowSeconds);
  const row = await db.rateLimitBucket.findUnique({ where: { key_windowStart: { key: l.key, windowStart: start } } });
  const count = row?.count ?? 0;
  return { allowed: count < l.limit, count, retryAfterSeconds: Math.ceil((end.getTime() - now.getTime()) / 1000) };
}

export function rateLimited(retryAfterSeconds: number, what = "Too many attempts") {
  const wait = retryAfterSeconds < 60 ? plural(Math.max(1, Math.ceil(retryAfterSeconds)), "second") : plural(Math.ceil(retryAfterSeconds / 60), "minute");
  return new AppError("rate_limited", `${what}. Try again in ${wait}.`, { details: { retryAfterSeconds } });
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** Old windows are useless; dropped opportunistically. */
export async function pruneRateLimits(db: PrismaClient, now: Date) {
  await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
}
