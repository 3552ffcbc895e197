// Brute-force limits on sign-in that cannot be turned against the account's owner. Failures are
// counted (in PostgreSQL, so every instance sees them) three ways:
//   pair     one account from one client address: 5 free failures, then each further attempt waits
//            2^(n-5) × 2 s after the last failure, at most 15 minutes (the guesser slows, nobody else)
//   address  one address across all accounts: 50 failures (credential stuffing) → wait 15 minutes
//   account  one account from everywhere: 100 failures → a correct password alone no longer signs in;
//            the owner sets a new password with an emailed code, which clears every count
// An attempt is counted as a failure before the password is checked (rows locked, so parallel guesses
// queue up behind the limit) and the count is given back when the password was right. A count starts
// over after a quiet spell of its length with no failure. Unknown emails are counted like real ones,
// so the answers never tell which accounts exist.
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { rateLimited } from "@/lib/rate-limit";

export const LOGIN_THROTTLE = {
  pair: { freeFailures: 5, baseDelaySeconds: 2, maxDelaySeconds: 15 * 60, quietSeconds: 24 * 3600 },
  address: { limit: 50, quietSeconds: 15 * 60 },
  account: { limit: 100, quietSeconds: 24 * 3600 },
} as const;

export const RESET_REQUIRED_MESSAGE =
  "This account has had too many failed sign-ins, so a password alone no longer opens it. Request a code by email (Forgot password) and set a new password; then sign in.";

type Scope = keyof typeof LOGIN_THROTTLE;
export type ThrottleRow = { key: string; failures: number; lastFailureAt: Date; expiresAt: Date };
type Key = { scope: Scope; key: string; email: string | null };

export type Verdict = { ok: true } | { ok: false; code: "rate_limited"; retryAfterSeconds: number } | { ok: false; code: "reset_required" };

/** Seconds an attempt must wait after the last failure, once a pair has `failures` failures. */
export function pairDelaySeconds(failures: number): number {
  const p = LOGIN_THROTTLE.pair;
  if (failures < p.freeFailures) return 0;
  return Math.min(2 ** (failures - p.freeFailures) * p.baseDelaySeconds, p.maxDelaySeconds);
}

/** May this attempt go ahead, given the current rows? Pure: expired rows count as nothing. */
export function loginVerdict(rows: Partial<Record<Scope, ThrottleRow>>, now: Date): Verdict {
  const live = (r?: ThrottleRow) => (r && r.expiresAt > now ? r.failures : 0);
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  if (live(rows.account) >= LOGIN_THROTTLE.account.limit) return { ok: false, code: "reset_required" };
  if (live(rows.address) >= LOGIN_THROTTLE.address.limit) return { ok: false, code: "rate_limited", retryAfterSeconds: seconds(rows.address!.expiresAt.getTime() - now.getTime()) };
  const pair = rows.pair;
  const delay = pairDelaySeconds(live(pair));
  if (pair && delay > 0) {
    const readyAt = pair.lastFailureAt.getTime() + delay * 1000;
    if (readyAt > now.getTime()) return { ok: false, code: "rate_limited", retryAfterSeconds: seconds(readyAt - now.getTime()) };
  }
  return { ok: true };
}

/**
 * Counts one sign-in attempt as a failure, or throws (429 with the wait, or 403 reset_required)
 * without counting. Call releaseLoginAttempt when the password turns out right.
 */
export async function claimLoginAttempt(db: PrismaClient, email: string, address: string | undefined, now: Date): Promise<void> {
  const keys = keysFor(email, address);
  const verdict = await db.$transaction(async (tx) => {
    // Create missing rows first, so that FOR UPDATE has a row to lock even on a first attempt.
    await tx.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "email", "failures", "firstFailureAt", "lastFailureAt", "expiresAt")
      SELECT k, NULLIF(e, ''), 0, ${now}, ${now}, ${now} FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.email ?? "")}::text[]) AS t(k, e)
      ON CONFLICT ("key") DO NOTHING`;
    const rows = await tx.$queryRaw<ThrottleRow[]>`
      SELECT "key", "failures", "lastFailureAt", "expiresAt" FROM "LoginThrottle"
      WHERE "key" = ANY(${keys.map((k) => k.key)}::text[]) ORDER BY "key" FOR UPDATE`;
    const byScope: Partial<Record<Scope, ThrottleRow>> = {};
    for (const k of keys) byScope[k.scope] = rows.find((r) => r.key === k.key);
    const v = loginVerdict(byScope, now);
    if (v.ok) for (const k of keys) await countFailure(tx, k, now);
    return v;
  });
  if (verdict.ok) return;
  if (verdict.code === "reset_required") throw new AppError("reset_required", RESET_REQUIRED_MESSAGE);
  throw rateLimited(verdict.retryAfterSeconds, "Too many sign-in attempts");
}

/** The password was right: the pair starts afresh, and the attempt no longer counts for the address and account. */
export async function releaseLoginAttempt(db: PrismaClient, email: string, address: string | undefined) {
  const keys = keysFor(email, address);
  const others = keys.filter((k) => k.scope !== "pair").map((k) => k.key);
  await db.$transaction([
    db.loginThrottle.deleteMany({ where: { key: keys.find((k) => k.scope === "pair")!.key } }),
    db.loginThrottle.updateMany({ where: { key: { in: others }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } }),
  ]);
}

/** A new password was set (with an emailed code): every count about this account ends. */
export async function clearLoginThrottle(db: PrismaClient | Tx, email: string) {
  await db.loginThrottle.deleteMany({ where: { email: email.trim().toLowerCase() } });
}

function keysFor(email: string, address: string | undefined): Key[] {
  // Without a known address every client shares one pair per account, and no address count is kept.
  const keys: Key[] = [
    { scope: "account", key: `account:${email}`, email },
    { scope: "pair", key: `pair:${email} ${address ?? "unknown"}`, email },
  ];
  if (address) keys.push({ scope: "address", key: `address:${address}`, email: null });
  return keys.sort((a, b) => a.key.localeCompare(b.key));
}

async function countFailure(tx: Tx, k: Key, now: Date) {
  const expiresAt = new Date(now.getTime() + LOGIN_THROTTLE[k.scope].quietSeconds * 1000);
  await tx.$executeRaw`
    UPDATE "LoginThrottle" SET
      "failures" = CASE WHEN "expiresAt" <= ${now} THEN 1 ELSE "failures" + 1 END,
      "firstFailureAt" = CASE WHEN "expiresAt" <= ${now} THEN ${now} ELSE "firstFailureAt" END,
      "lastFailureAt" = ${now},
      "expiresAt" = ${expiresAt}
    WHERE "key" = ${k.key}`;
}
