import { describe, expect, it } from "vitest";
import { LOGIN_THROTTLE, loginVerdict, pairDelaySeconds, type ThrottleRow } from "@/lib/auth/login-throttle";

const now = new Date("2026-12-05T10:00:00Z");
const row = (failures: number, lastAgoSeconds: number, quietSeconds: number): ThrottleRow => {
  const lastFailureAt = new Date(now.getTime() - lastAgoSeconds * 1000);
  return { key: "k", failures, lastFailureAt, expiresAt: new Date(lastFailureAt.getTime() + quietSeconds * 1000) };
};
const day = 24 * 3600;

describe("pairDelaySeconds", () => {
  it("is free for 5 failures, then 2 s doubling, capped at 15 minutes", () => {
    expect([0, 4, 5, 6, 7, 13, 14, 40].map(pairDelaySeconds)).toEqual([0, 0, 2, 4, 8, 512, 900, 900]);
  });
});

describe("loginVerdict", () => {
  it("lets a first attempt through", () => {
    expect(loginVerdict({}, now)).toEqual({ ok: true });
  });

  it("holds a pair until its delay since the last failure has passed", () => {
    expect(loginVerdict({ pair: row(7, 3, day) }, now)).toEqual({ ok: false, code: "rate_limited", retryAfterSeconds: 5 });
    expect(loginVerdict({ pair: row(7, 8, day) }, now)).toEqual({ ok: true });
  });

  it("stops an address at its ceiling until its quiet spell ends", () => {
    expect(loginVerdict({ address: row(LOGIN_THROTTLE.address.limit, 60, LOGIN_THROTTLE.address.quietSeconds) }, now)).toEqual({ ok: false, code: "rate_limited", retryAfterSeconds: 840 });
    expect(loginVerdict({ address: row(LOGIN_THROTTLE.address.limit - 1, 0, LOGIN_THROTTLE.address.quietSeconds) }, now)).toEqual({ ok: true });
  });

  it("asks for a reset at the account ceiling, ahead of any wait", () => {
    expect(loginVerdict({ account: row(LOGIN_THROTTLE.account.limit, 10, day), pair: row(9, 0, day) }, now)).toEqual({ ok: false, code: "reset_required" });
  });

  it("forgets every count after its quiet spell", () => {
    expect(loginVerdict({ account: row(500, day, day), address: row(500, 900, 900), pair: row(40, day, day) }, now)).toEqual({ ok: true });
  });
});
