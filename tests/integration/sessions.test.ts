// Sessions end for real: each attack replays a credential after the event that should have killed it.
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { loadActor } from "@/lib/auth/load-actor";
import { endMySession, listMySessions, signOutEverywhere } from "@/lib/auth/my-sessions";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { endSession, startSession } from "@/lib/auth/sessions";
import { actorFromAccessToken, issueTokenPair, revokeRefreshToken, rotateRefreshToken } from "@/lib/auth/tokens";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { updateEmployee } from "@/lib/people/update-employee";
import { removeRetailerUser } from "@/lib/network/remove-retailer-user";
import { authenticate } from "@/lib/auth/authenticate";
import { call } from "../support/http";
import { latestResetCode } from "../support/reset-codes";
import { PASSWORD, createRetailerUser, createStaff, tenant } from "../support/factories";
import * as meRoute from "@/app/api/v1/me/route";
import * as passwordRoute from "@/app/api/v1/me/password/route";
import * as sessionsRoute from "@/app/api/v1/me/sessions/route";
import * as sessionRoute from "@/app/api/v1/me/sessions/[id]/route";
import * as logoutEverywhereRoute from "@/app/api/v1/auth/logout-everywhere/route";
import * as teamMemberRoute from "@/app/api/v1/me/business/users/[id]/route";

const dead = { code: "unauthenticated" };

/** A browser sign-in as the login form makes it: a session row whose id rides in the cookie. */
async function browserSession(userId: string) {
  return startSession(prisma, { userId, kind: "browser", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0", ip: "203.0.113.7" });
}

describe("API tokens after sign-out", () => {
  it("logout kills the access token at once, not when it expires", async () => {
    const t = await tenant();
    const pair = await issueTokenPair(prisma, t.actor);
    expect((await call(meRoute.GET, { token: pair.accessToken })).status).toBe(200);
    await revokeRefreshToken(prisma, pair.refreshToken);
    const replay = await call(meRoute.GET, { token: pair.accessToken });
    expect(replay.status).toBe(401);
    expect(replay.json).toMatchObject({ code: "unauthenticated" });
  });

  it("an access token signed without a session (or for an unknown one) is refused", async () => {
    const t = await tenant();
    const { signAccessToken } = await import("@/lib/auth/tokens");
    const forged = await signAccessToken(t.actor, "no-such-session");
    await expect(actorFromAccessToken(prisma, forged.token)).rejects.toMatchObject(dead);
  });

  it("refresh-token reuse ends every session of the user, browser ones too", async () => {
    const t = await tenant();
    const sid = await browserSession(t.user.id);
    const other = await issueTokenPair(prisma, t.actor);
    const stolen = await issueTokenPair(prisma, t.actor);
    await rotateRefreshToken(prisma, stolen.refreshToken);
    await expect(rotateRefreshToken(prisma, stolen.refreshToken)).rejects.toMatchObject(dead);
    await expect(actorFromAccessToken(prisma, other.accessToken)).rejects.toMatchObject(dead);
    expect(await loadActor(prisma, t.user.id, t.company.id, sid)).toBeNull();
    const live = await prisma.userSession.count({ where: { userId: t.user.id, revokedAt: null } });
    expect(live).toBe(0);
  });
});

describe("browser sessions", () => {
  it("sign-out ends that session only; a copy of its cookie no longer opens anything", async () => {
    const t = await tenant();
    const laptop = await browserSession(t.user.id);
    const phone = await browserSession(t.user.id);
    await expect(loadActor(prisma, t.user.id, t.company.id, laptop)).resolves.toMatchObject({ userId: t.user.id, sessionId: laptop });
    await endSession(prisma, laptop, "sign_out");
    expect(await loadActor(prisma, t.user.id, t.company.id, laptop)).toBeNull();
    await expect(loadActor(prisma, t.user.id, t.company.id, phone)).resolves.toMatchObject({ sessionId: phone });
    const row = await prisma.userSession.findUniqueOrThrow({ where: { id: laptop } });
    expect(row).toMatchObject({ revokedReason: "sign_out" });
  });

  it("a cookie from before sessions were recorded (no session id) is refused", async () => {
    const t = await tenant();
    expect(await loadActor(prisma, t.user.id, t.company.id, null)).toBeNull();
  });

  it("an expired session is refused whatever the cookie says", async () => {
    const t = await tenant();
    const sid = await startSession(prisma, { userId: t.user.id, kind: "browser" }, new Date(Date.now() - 31 * 86_400_000));
    expect(await loadActor(prisma, t.user.id, t.company.id, sid)).toBeNull();
  });
});

describe("password changes end the other sessions", () => {
  it("a reset ends every browser session and access token of the user", async () => {
    const t = await tenant();
    const sid = await browserSession(t.user.id);
    const pair = await issueTokenPair(prisma, t.actor);
    await requestPasswordReset(prisma, { email: t.user.email }, { ip: "198.51.100.1" });
    const code = await latestResetCode(t.user.email);
    await resetPassword(prisma, { email: t.user.email, code, password: "Fresh@Pass2026" });
    expect(await loadActor(prisma, t.user.id, t.company.id, sid)).toBeNull();
    expect((await call(meRoute.GET, { token: pair.accessToken })).status).toBe(401);
  });

  it("a change ends the others and keeps the one that made it; the wrong current password changes nothing", async () => {
    const t = await tenant();
    const here = await browserSession(t.user.id);
    const elsewhere = await browserSession(t.user.id);
    const api = await issueTokenPair(prisma, t.actor);
    const ctx = makeCtx({ ...t.actor, sessionId: here });
    await expect(changePassword(ctx, { currentPassword: "not-it", newPassword: "Another@2026" })).rejects.toMatchObject({ code: "validation", fieldErrors: { currentPassword: expect.any(Array) } });
    await expect(loadActor(prisma, t.user.id, t.company.id, elsewhere)).resolves.not.toBeNull();
    await expect(changePassword(ctx, { currentPassword: PASSWORD, newPassword: "short" })).rejects.toMatchObject({ fieldErrors: { newPassword: expect.any(Array) } });
    await expect(changePassword(ctx, { currentPassword: PASSWORD, newPassword: "Another@2026" })).resolves.toEqual({ endedSessions: 2 });
    await expect(loadActor(prisma, t.user.id, t.company.id, here)).resolves.not.toBeNull();
    expect(await loadActor(prisma, t.user.id, t.company.id, elsewhere)).toBeNull();
    await expect(actorFromAccessToken(prisma, api.accessToken)).rejects.toMatchObject(dead);
    await expect(authenticate(prisma, { email: t.user.email, password: "Another@2026" })).resolves.toMatchObject({ userId: t.user.id });
  });

  it("through the API: names the bad field, and the token that changed it keeps working", async () => {
    const t = await tenant();
    const mine = await issueTokenPair(prisma, t.actor);
    const other = await issueTokenPair(prisma, t.actor);
    const bad = await call(passwordRoute.POST, { method: "POST", token: mine.accessToken, body: { currentPassword: PASSWORD } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toHaveProperty("newPassword");
    const unknown = await call(passwordRoute.POST, { method: "POST", token: mine.accessToken, body: { currentPassword: PASSWORD, newPassword: "Another@2026", admin: true } });
    expect(unknown.json.errors).toHaveProperty("admin");
    const ok = await call(passwordRoute.POST, { method: "POST", token: mine.accessToken, body: { currentPassword: PASSWORD, newPassword: "Another@2026" } });
    expect(ok).toMatchObject({ status: 200, json: { endedSessions: 1 } });
    expect((await call(meRoute.GET, { token: mine.accessToken })).status).toBe(200);
    expect((await call(meRoute.GET, { token: other.accessToken })).status).toBe(401);
  });
});

describe("deactivation and removal end the user's sessions", () => {
  it("a deactivated employee's cookie and token die on the next request", async () => {
    const t = await tenant();
    const s = await createStaff(t.company.id, "SALES");
    const sid = await browserSession(s.user.id);
    const pair = await issueTokenPair(prisma, s.actor);
    await updateEmployee(t.ctx, s.membership.id, { active: false });
    expect(await loadActor(prisma, s.user.id, t.company.id, sid)).toBeNull();
    expect((await call(meRoute.GET, { token: pair.accessToken })).status).toBe(401);
    await expect(rotateRefreshToken(prisma, pair.refreshToken)).rejects.toMatchObject(dead);
    expect(await prisma.userSession.count({ where: { userId: s.user.id, revokedAt: null } })).toBe(0);
  });

  it("a retailer owner removes a team member: their sessions end; staff cannot; others' ids are 404", async () => {
    const owner = await createRetailerUser();
    const member = await addTeamMember(owner.retailer.id);
    const pair = await issueTokenPair(prisma, member.actor);
    const ownerToken = (await issueTokenPair(prisma, owner.actor)).accessToken;

    const stranger = await createRetailerUser();
    const strangerToken = (await issueTokenPair(prisma, stranger.actor)).accessToken;
    expect((await call(teamMemberRoute.DELETE, { method: "DELETE", token: strangerToken, params: { id: member.membershipId } })).status).toBe(404);
    const memberToken = pair.accessToken;
    expect((await call(teamMemberRoute.DELETE, { method: "DELETE", token: memberToken, params: { id: member.membershipId } })).status).toBe(403);

    expect((await call(teamMemberRoute.DELETE, { method: "DELETE", token: ownerToken, params: { id: member.membershipId } })).status).toBe(204);
    expect((await call(meRoute.GET, { token: pair.accessToken })).status).toBe(401);
    expect(await prisma.retailerMembership.findUniqueOrThrow({ where: { id: member.membershipId } })).toMatchObject({ active: false });
    await expect(removeRetailerUser(owner.ctx, member.membershipId)).resolves.toBeUndefined(); // idempotent
  });
});

describe("my sessions", () => {
  it("lists mine with the current one marked, ends one, and never touches another user's", async () => {
    const t = await tenant();
    const here = await browserSession(t.user.id);
    const there = await browserSession(t.user.id);
    const ctx = makeCtx({ ...t.actor, sessionId: here });
    const list = await listMySessions(ctx);
    expect(list.map((s) => s.id).sort()).toEqual([here, there].sort());
    expect(list.find((s) => s.id === here)?.current).toBe(true);

    const u = await tenant();
    const theirs = await browserSession(u.user.id);
    await expect(endMySession(ctx, theirs)).rejects.toMatchObject({ code: "not_found" });
    expect(await loadActor(prisma, u.user.id, u.company.id, theirs)).not.toBeNull();

    await endMySession(ctx, there);
    expect((await listMySessions(ctx)).map((s) => s.id)).toEqual([here]);
  });

  it("API: list, end one (404 for another user's), sign out everywhere", async () => {
    const t = await tenant();
    const a = await issueTokenPair(prisma, t.actor);
    const b = await issueTokenPair(prisma, t.actor);
    const list = await call(sessionsRoute.GET, { token: a.accessToken });
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(2);
    const bId = list.json.data.find((s: { current: boolean }) => !s.current).id;

    const u = await tenant();
    const theirs = await issueTokenPair(prisma, u.actor);
    expect((await call(sessionRoute.DELETE, { method: "DELETE", token: theirs.accessToken, params: { id: bId } })).status).toBe(404);
    expect((await call(sessionRoute.DELETE, { method: "DELETE", token: a.accessToken, params: { id: bId } })).status).toBe(204);
    expect((await call(meRoute.GET, { token: b.accessToken })).status).toBe(401);

    const c = await issueTokenPair(prisma, t.actor);
    const sid = await browserSession(t.user.id);
    const all = await call(logoutEverywhereRoute.POST, { method: "POST", token: a.accessToken });
    expect(all).toMatchObject({ status: 200, json: { endedSessions: 3 } });
    expect((await call(meRoute.GET, { token: a.accessToken })).status).toBe(401);
    expect((await call(meRoute.GET, { token: c.accessToken })).status).toBe(401);
    expect(await loadActor(prisma, t.user.id, t.company.id, sid)).toBeNull();
    expect((await call(meRoute.GET, { token: theirs.accessToken })).status).toBe(200);
    await expect(signOutEverywhere(makeCtx(u.actor))).resolves.toEqual({ endedSessions: 1 });
  });
});

async function addTeamMember(retailerId: string) {
  const m = await createRetailerUser();
  // Move the new user into the first business as staff (the factory made them owner of their own).
  await prisma.retailerMembership.deleteMany({ where: { userId: m.user.id } });
  const membership = await prisma.retailerMembership.create({ data: { retailerId, userId: m.user.id, role: "STAFF" } });
  return { ...m, actor: { ...m.actor, retailerId }, membershipId: membership.id };
}
