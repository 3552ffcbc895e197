import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { CODE_REJECTED_MESSAGE, OTP_MAX_ATTEMPTS, RESET_REQUESTED_MESSAGE, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { actorFromAccessToken, issueTokenPair, revokeRefreshToken, rotateRefreshToken } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { PASSWORD, createRetailerUser, createStaff, tenant } from "../support/factories";
import { deliverResetCodes, latestResetCode as latestCode } from "../support/reset-codes";

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("sign-in", () => {
  it("accepts the right password (any email case) and returns the staff actor of the first company", async () => {
    const t = await tenant("ACCOUNTANT");
    const actor = await authenticate(prisma, { email: t.user.email.toUpperCase(), password: PASSWORD, ip: ip() });
    expect(actor).toMatchObject({ kind: "staff", userId: t.user.id, companyId: t.company.id, role: "ACCOUNTANT" });
  });

  it("gives retailer users a retailer actor", async () => {
    const r = await createRetailerUser();
    await expect(authenticate(prisma, { email: r.user.email, password: PASSWORD })).resolves.toMatchObject({ kind: "retailer", retailerId: r.retailer.id });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const t = await tenant();
    const a = await authenticate(prisma, { email: t.user.email, password: "wrong-password" }).catch((e) => e);
    const b = await authenticate(prisma, { email: "nobody-here@test.example", password: "wrong-password" }).catch((e) => e);
    expect(a).toMatchObject({ code: "invalid_credentials", message: "Email or password is incorrect" });
    expect(b).toMatchObject({ code: "invalid_credentials", message: "Email or password is incorrect" });
  });

  it("refuses deactivated users and staff without an active membership", async () => {
    const t = await tenant();
    await prisma.user.update({ where: { id: t.user.id }, data: { isActive: false } });
    await expect(authenticate(prisma, { email: t.user.email, password: PASSWORD })).rejects.toMatchObject({ code: "forbidden" });
    const u = await tenant();
    const s = await createStaff(u.company.id, "SALES", { active: false });
    await expect(authenticate(prisma, { email: s.user.email, password: PASSWORD })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("API tokens", () => {
  it("issues an access token that resolves to the current actor and a refresh token stored only as a hash", async () => {
    const t = await tenant("SALES");
    const pair = await issueTokenPair(prisma, t.actor);
    expect(pair.expiresIn).toBe(900);
    await expect(actorFromAccessToken(prisma, pair.accessToken)).resolves.toMatchObject({ userId: t.user.id, companyId: t.company.id, role: "SALES" });
    const rows = await prisma.refreshToken.findMany({ where: { userId: t.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(pair.refreshToken);
  });

  it("sees a role change or deactivation on the next request, not at token expiry", async () => {
    const t = await tenant();
    const s = await createStaff(t.company.id, "SALES");
    const pair = await issueTokenPair(prisma, s.actor);
    await prisma.membership.update({ where: { id: s.membership.id }, data: { role: "MANAGER" } });
    await expect(actorFromAccessToken(prisma, pair.accessToken)).resolves.toMatchObject({ role: "MANAGER" });
    await prisma.membership.update({ where: { id: s.membership.id }, data: { active: false } });
    await expect(actorFromAccessToken(prisma, pair.accessToken)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("rejects forged and expired access tokens", async () => {
    const t = await tenant();
    const pair = await issueTokenPair(prisma, t.actor, new Date(Date.now() - 3600_000));
    await expect(actorFromAccessToken(prisma, pair.accessToken)).rejects.toMatchObject({ code: "unauthenticated" });
    const [h, p] = (await issueTokenPair(prisma, t.actor)).accessToken.split(".");
    await expect(actorFromAccessToken(prisma, `${h}.${p}.AAAA`)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("rotates refresh tokens; reusing a spent one revokes the whole family", async () => {
    const t = await tenant();
    const first = await issueTokenPair(prisma, t.actor);
    const second = await rotateRefreshToken(prisma, first.refreshToken);
    const third = await rotateRefreshToken(prisma, second.refreshToken);
    await expect(rotateRefreshToken(prisma, first.refreshToken)).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringContaining("already used") });
    // The thief's reuse also kills the legitimate holder's newest token.
    await expect(rotateRefreshToken(prisma, third.refreshToken)).rejects.toMatchObject({ code: "unauthenticated" });
    const family = await prisma.refreshToken.findMany({ where: { userId: t.user.id } });
    expect(family.every((r) => r.revokedAt)).toBe(true);
    expect(new Set(family.map((r) => r.familyId)).size).toBe(1);
  });

  it("of two concurrent refreshes with one token, exactly one succeeds", async () => {
    const t = await tenant();
    const pair = await issueTokenPair(prisma, t.actor);
    const results = await Promise.allSettled([rotateRefreshToken(prisma, pair.refreshToken), rotateRefreshToken(prisma, pair.refreshToken)]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThanOrEqual(1);
  });

  it("logout revokes the family and is idempotent", async () => {
    const t = await tenant();
    const pair = await issueTokenPair(prisma, t.actor);
    await revokeRefreshToken(prisma, pair.refreshToken);
    await revokeRefreshToken(prisma, pair.refreshToken);
    await revokeRefreshToken(prisma, "never-issued");
    await expect(rotateRefreshToken(prisma, pair.refreshToken)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("password reset by emailed code", () => {
  it("sends a 6-digit code that sets a new password once, and signs out existing API sessions", async () => {
    const t = await tenant();
    const pair = await issueTokenPair(prisma, t.actor);
    await expect(requestPasswordReset(prisma, { email: t.user.email }, { ip: ip() })).resolves.toEqual({ message: RESET_REQUESTED_MESSAGE });
    const code = await latestCode(t.user.email);
    const otp = await prisma.passwordResetOtp.findFirstOrThrow({ where: { userId: t.user.id } });
    expect(otp.codeHash).not.toContain(code);
    await resetPassword(prisma, { email: t.user.email, code, password: "NewPass@2026" });
    await expect(authenticate(prisma, { email: t.user.email, password: "NewPass@2026" })).resolves.toMatchObject({ userId: t.user.id });
    await expect(authenticate(prisma, { email: t.user.email, password: PASSWORD })).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(resetPassword(prisma, { email: t.user.email, code, password: "Again@2026x" })).rejects.toMatchObject({ code: "validation" });
    await expect(rotateRefreshToken(prisma, pair.refreshToken)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("does not reveal whether an email exists", async () => {
    const before = await prisma.emailMessage.count();
    await expect(requestPasswordReset(prisma, { email: "ghost-user@test.example" }, { ip: ip() })).resolves.toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(await deliverResetCodes("ghost-user@test.example")).toBe(1);
    expect(await prisma.emailMessage.count({ where: { to: "ghost-user@test.example" } })).toBe(0);
    expect(await prisma.emailMessage.count()).toBeGreaterThanOrEqual(before);
  });

  it("caps wrong guesses at 5, after which even the right code fails", async () => {
    const t = await tenant();
    await requestPasswordReset(prisma, { email: t.user.email }, { ip: ip() });
    const code = await latestCode(t.user.email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= OTP_MAX_ATTEMPTS; i++) {
      await expect(resetPassword(prisma, { email: t.user.email, code: wrong, password: "NewPass@2026" })).rejects.toMatchObject({ code: "validation", fieldErrors: { code: [expect.any(String)] } });
    }
    await expect(resetPassword(prisma, { email: t.user.email, code, password: "NewPass@2026" })).rejects.toMatchObject({ message: CODE_REJECTED_MESSAGE });
    await expect(authenticate(prisma, { email: t.user.email, password: PASSWORD })).resolves.toBeTruthy();
  });

  it("parallel guesses cannot exceed the cap", async () => {
    const t = await tenant();
    await requestPasswordReset(prisma, { email: t.user.email }, { ip: ip() });
    const code = await latestCode(t.user.email);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    await Promise.allSettled(guesses.map((g) => resetPassword(prisma, { email: t.user.email, code: g, password: "NewPass@2026" })));
    const otp = await prisma.passwordResetOtp.findFirstOrThrow({ where: { userId: t.user.id, consumedAt: null } });
    expect(otp.attempts).toBe(OTP_MAX_ATTEMPTS);
  });

  it("expires codes after 10 minutes", async () => {
    const t = await tenant();
    const now = new Date();
    await requestPasswordReset(prisma, { email: t.user.email }, { ip: ip(), now });
    const code = await latestCode(t.user.email, now);
    await expect(resetPassword(prisma, { email: t.user.email, code, password: "NewPass@2026" }, new Date(now.getTime() + 10 * 60_000 + 1))).rejects.toMatchObject({ code: "validation" });
  });

  it("rate-limits requests per email and per IP", async () => {
    const t = await tenant();
    for (let i = 0; i < 3; i++) await requestPasswordReset(prisma, { email: t.user.email }, { ip: ip() });
    await expect(requestPasswordReset(prisma, { email: t.user.email }, { ip: ip() })).rejects.toMatchObject({ code: "rate_limited" });
    const addr = ip();
    for (let i = 0; i < 10; i++) await requestPasswordReset(prisma, { email: `nobody-${i}@test.example` }, { ip: addr });
    await expect(requestPasswordReset(prisma, { email: "nobody-x@test.example" }, { ip: addr })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
