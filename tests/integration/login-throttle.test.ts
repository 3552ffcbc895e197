// Sign-in limits, tried as the attacker: guessing from one address slows only that address, spraying
// many accounts from one address stops it, and the account-wide ceiling asks the owner for an emailed
// code instead of shutting them out.
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { LOGIN_THROTTLE, RESET_REQUIRED_MESSAGE, pairDelaySeconds } from "@/lib/auth/login-throttle";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PASSWORD, tenant } from "../support/factories";
import { latestResetCode } from "../support/reset-codes";

let n = 0;
const addr = () => `10.${(process.pid >> 8) % 250}.${process.pid % 250}.${++n}`;
const attempt = (email: string, password: string, ip: string | undefined, now: Date) =>
  authenticate(prisma, { email, password, ip }, now).then(
    () => "signed-in" as const,
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return e;
    },
  );
const later = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

describe("sign-in limits", () => {
  it("an attacker failing 50 times on the owner's account from address A does not keep the owner at address B out", async () => {
    const { user } = await tenant();
    const A = addr();
    let now = new Date();
    let failures = 0;
    let refusals = 0;
    while (failures < 50) {
      const r = await attempt(user.email, `guess-${failures}`, A, now);
      if (r instanceof AppError && r.code === "rate_limited") {
        refusals++;
        now = later(now, r.details!.retryAfterSeconds as number); // the attacker waits exactly as told
        continue;
      }
      expect(r).toMatchObject({ code: "invalid_credentials" });
      failures++;
    }
    expect(refusals).toBeGreaterThanOrEqual(45);
    // Right now, A is still held back, even with the right password...
    expect(await attempt(user.email, PASSWORD, A, now)).toMatchObject({ code: "rate_limited" });
    // ...but the owner at B signs in at once.
    expect(await attempt(user.email, PASSWORD, addr(), now)).toBe("signed-in");
  }, 60_000);

  it("gives one address growing delays on one account, up to 15 minutes, answered with the wait", async () => {
    const { user } = await tenant();
    const A = addr();
    let now = new Date();
    for (let i = 0; i < LOGIN_THROTTLE.pair.freeFailures; i++) expect(await attempt(user.email, `bad-${i}`, A, now)).toMatchObject({ code: "invalid_credentials" });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await attempt(user.email, "bad-again", A, now);
      expect(refused).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Try again in \d+ (seconds?|minutes?)\./) });
      const wait = (refused as AppError).details!.retryAfterSeconds as number;
      waits.push(wait);
      // One second early is still too early.
      if (wait > 1) expect(await attempt(user.email, "bad-again", A, later(now, wait - 1))).toMatchObject({ code: "rate_limited" });
      now = later(now, wait);
      expect(await attempt(user.email, "bad-again", A, now)).toMatchObject({ code: "invalid_credentials" });
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
    expect(waits.map((_, i) => pairDelaySeconds(LOGIN_THROTTLE.pair.freeFailures + i))).toEqual(waits);
    // The owner's own typos from this address end with the right password, which starts the pair afresh.
    now = later(now, 900);
    expect(await attempt(user.email, PASSWORD, A, now)).toBe("signed-in");
    expect(await attempt(user.email, "typo", A, now)).toMatchObject({ code: "invalid_credentials" });
    expect(await attempt(user.email, PASSWORD, A, now)).toBe("signed-in");
  });

  it("parallel guesses from one address cannot slip past the delay", async () => {
    const { user } = await tenant();
    const A = addr();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(user.email, `parallel-${i}`, A, now)));
    const codes = results.map((r) => (r instanceof AppError ? r.code : r));
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(LOGIN_THROTTLE.pair.freeFailures);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(20 - LOGIN_THROTTLE.pair.freeFailures);
  });

  it("stops one address spraying many accounts (credential stuffing), not other addresses", async () => {
    const A = addr();
    const now = new Date();
    for (let i = 0; i < LOGIN_THROTTLE.address.limit; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => attempt(`spray-${i + j}-${A}@test.example`, "Password1", A, now)));
    }
    const refused = await attempt(`spray-next-${A}@test.example`, "Password1", A, now);
    expect(refused).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: LOGIN_THROTTLE.address.quietSeconds } });
    const { user } = await tenant();
    expect(await attempt(user.email, PASSWORD, A, now)).toMatchObject({ code: "rate_limited" });
    expect(await attempt(user.email, PASSWORD, addr(), now)).toBe("signed-in");
    // Fifteen quiet minutes later the address may try again.
    expect(await attempt(user.email, PASSWORD, A, later(now, LOGIN_THROTTLE.address.quietSeconds))).toBe("signed-in");
  }, 60_000);

  it("past the account-wide ceiling a correct password is not enough: the owner is asked for an emailed code, and the reset lets them in", async () => {
    const { user } = await tenant();
    const ghost = `ghost-${addr()}@test.example`;
    const now = new Date();
    // A botnet: every failure from another address, so no pair or address limit ever applies.
    for (let i = 0; i < LOGIN_THROTTLE.account.limit; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => attempt(user.email, `bot-${i + j}`, addr(), now)));
      for (const r of batch) expect(r).toMatchObject({ code: "invalid_credentials" });
    }
    // An email with no account is counted the same way (here its count is written directly, to save time).
    await prisma.loginThrottle.create({ data: { key: `account:${ghost}`, email: ghost, failures: LOGIN_THROTTLE.account.limit, firstFailureAt: now, lastFailureAt: now, expiresAt: later(now, 3600) } });
    const owner = await attempt(user.email, PASSWORD, addr(), now);
    expect(owner).toMatchObject({ code: "reset_required", message: RESET_REQUIRED_MESSAGE, status: 403 });
    // The same answer for a wrong password (no oracle for the guesser) and for an email with no account.
    expect(await attempt(user.email, "bot-guess", addr(), now)).toMatchObject({ code: "reset_required", message: RESET_REQUIRED_MESSAGE });
    expect(await attempt(ghost, "bot-guess", addr(), now)).toMatchObject({ code: "reset_required", message: RESET_REQUIRED_MESSAGE });

    await requestPasswordReset(prisma, { email: user.email }, { ip: addr(), now });
    const code = await latestResetCode(user.email);
    await resetPassword(prisma, { email: user.email, code, password: "Fresh#Start2026" });
    expect(await prisma.loginThrottle.count({ where: { email: user.email } })).toBe(0);
    expect(await attempt(user.email, "Fresh#Start2026", addr(), now)).toBe("signed-in");
  }, 120_000);

  it("a quiet day ends the account-wide ceiling", async () => {
    const { user } = await tenant();
    const now = new Date();
    // The ceiling as the test above reaches it, written directly: a hundred failures, the last just now.
    const expiresAt = later(now, LOGIN_THROTTLE.account.quietSeconds);
    await prisma.loginThrottle.create({ data: { key: `account:${user.email}`, email: user.email, failures: LOGIN_THROTTLE.account.limit, firstFailureAt: now, lastFailureAt: now, expiresAt } });
    expect(await attempt(user.email, PASSWORD, addr(), now)).toMatchObject({ code: "reset_required" });
    expect(await attempt(user.email, PASSWORD, addr(), later(now, LOGIN_THROTTLE.account.quietSeconds))).toBe("signed-in");
  });
});
