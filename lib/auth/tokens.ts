// API tokens: a short-lived access JWT (HS256 via jose) and a rotating opaque refresh token,
// stored only as a sha256 hash. A sign-in starts a session (lib/auth/sessions.ts) whose id is the
// refresh-token family and rides in every access token as `sid`; each request checks that session,
// so logout or a password change stops an access token at once, not when it expires. Presenting a
// spent refresh token ends every session of that user.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { endAllSessions, endSession, startSession, type SessionEndReason } from "@/lib/auth/sessions";
import type { PrismaClient } from "@/lib/db/client";
import { authSecret, env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const ISSUER = "vendor-erp";
const AUDIENCE = "vendor-erp-api";

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number; tokenType: "Bearer" };

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

// The signing key, imported once per secret: given the raw bytes, jose imports a WebCrypto key on every
// call (an async crypto job of its own on every API request).
let signingKey: { secret: string; key: Promise<CryptoKey> } | null = null;
function accessTokenKey(): Promise<CryptoKey> {
  const secret = env().AUTH_SECRET;
  if (!signingKey || signingKey.secret !== secret) {
    const raw = new Uint8Array(authSecret()); // throws when AUTH_SECRET is not set
    signingKey = { secret: secret!, key: crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]) };
  }
  return signingKey.key;
}

export async function signAccessToken(actor: Actor, sessionId: string, now = new Date()): Promise<{ token: string; expiresIn: number }> {
  if (actor.kind === "system") throw new Error("system actors do not get tokens");
  const expiresIn = env().ACCESS_TOKEN_TTL_SECONDS;
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ kind: actor.kind, cid: actor.kind === "staff" ? actor.companyId : undefined, sid: sessionId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(actor.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresIn)
    .setJti(randomUUID())
    .sign(await accessTokenKey());
  return { token, expiresIn };
}

/** Verifies a bearer token and returns the current Actor, or throws `unauthenticated`. */
export async function actorFromAccessToken(db: PrismaClient, token: string): Promise<Actor> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, await accessTokenKey(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] }));
  } catch {
    throw new AppError("unauthenticated", "The access token is invalid or expired");
  }
  const actor = await loadActor(db, String(payload.sub), typeof payload.cid === "string" ? payload.cid : null, typeof payload.sid === "string" ? payload.sid : null);
  if (!actor) throw new AppError("unauthenticated", "The session behind this token has ended (signed out, password changed or account deactivated). Sign in again.");
  return actor;
}

/** A new sign-in (no familyId: starts an API session) or a rotation within an existing one. */
export async function issueTokenPair(
  db: PrismaClient,
  actor: Actor,
  now = new Date(),
  familyId?: string,
  meta: { userAgent?: string | null; ip?: string | null } = {},
): Promise<TokenPair> {
  if (actor.kind === "system") throw new Error("system actors do not get tokens");
  if (!familyId) familyId = await startSession(db, { id: randomUUID(), userId: actor.userId, kind: "api", ...meta }, now);
  const refreshToken = randomBytes(32).toString("base64url");
  await db.refreshToken.create({
    data: {
      userId: actor.userId,
      familyId,
      tokenHash: sha256(refreshToken),
      companyId: actor.kind === "staff" ? actor.companyId : null,
      expiresAt: new Date(now.getTime() + env().REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    },
  });
  const access = await signAccessToken(actor, familyId, now);
  return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn, tokenType: "Bearer" };
}

const invalidRefresh = () => new AppError("unauthenticated", "The refresh token is invalid, expired or revoked. Sign in again.");

export async function rotateRefreshToken(db: PrismaClient, presented: string, now = new Date()): Promise<TokenPair> {
  const row = await db.refreshToken.findUnique({ where: { tokenHash: sha256(String(presented ?? "")) } });
  if (!row) throw invalidRefresh();
  if (row.revokedAt || row.expiresAt <= now) throw invalidRefresh();
  // Spend it with a conditional update: of two concurrent uses, exactly one wins.
  const spent = await db.refreshToken.updateMany({ where: { id: row.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
  if (spent.count === 0) {
    // A spent token presented again means it was copied: end every session of this user.
    await endAllSessions(db, row.userId, "refresh_reuse", now);
    throw new AppError("unauthenticated", "This refresh token was already used. Every session of this account was signed out for safety.");
  }
  const actor = await loadActor(db, row.userId, row.companyId, row.familyId, now);
  if (!actor) {
    await revokeFamily(db, row.familyId, now, "deactivated");
    throw invalidRefresh();
  }
  return issueTokenPair(db, actor, now, row.familyId);
}

export async function revokeFamily(db: PrismaClient, familyId: string, now = new Date(), reason: SessionEndReason = "sign_out") {
  await endSession(db, familyId, reason, now);
}

/** Logout: revokes the family of the presented token. Unknown tokens are ignored (idempotent). */
export async function revokeRefreshToken(db: PrismaClient, presented: string, now = new Date()) {
  const row = await db.refreshToken.findUnique({ where: { tokenHash: sha256(String(presented ?? "")) } });
  if (row) await revokeFamily(db, row.familyId, now);
}

/** Every session and token of the user ends (password reset, deactivation, sign out everywhere). */
export async function revokeAllForUser(db: PrismaClient, userId: string, now = new Date(), reason: SessionEndReason = "password_reset") {
  await endAllSessions(db, userId, reason, now);
}
