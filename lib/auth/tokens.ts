// API tokens: a short-lived access JWT (HS256: signed with jose, verified with node:crypto) and a
// rotating opaque refresh token, stored only as a sha256 hash. A sign-in starts a session
// (lib/auth/sessions.ts) whose id is the refresh-token family and rides in every access token as `sid`;
// each request checks that session, so logout or a password change stops an access token at once, not
// when it expires. Presenting a spent refresh token ends every session of that user.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { SignJWT, type JWTPayload } from "jose";
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

// The key, made once per secret: the secret's bytes for node:crypto (every request verifies), and a
// WebCrypto key for jose (signing, at sign-in and refresh; given the raw bytes, jose would import one on
// every call).
let keys: { secret: string; bytes: Buffer; signing: Promise<CryptoKey> } | null = null;
function accessTokenKeys() {
  const secret = env().AUTH_SECRET;
  if (!keys || keys.secret !== secret) {
    const raw = new Uint8Array(authSecret()); // throws when AUTH_SECRET is not set
    keys = { secret: secret!, bytes: Buffer.from(raw), signing: crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]) };
  }
  return keys;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const jsonPart = (part: string): Record<string, unknown> | null => {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * Verifies an access token — an HS256 JWT in compact form — with node:crypto, and returns its claims, or
 * null. The same checks jose's jwtVerify makes for these tokens, and stricter where a token of ours
 * never differs: three base64url parts; a header that says HS256 and nothing critical; the signature over
 * the first two parts, 32 bytes, compared in constant time; our issuer and audience; an expiry after
 * now (required: a token without one would never end) and no not-before after now. jose's verify is a
 * WebCrypto job, a hand-off to libuv's thread pool and back on every API request: under the mixed load
 * that took 4.6 % of the request thread. This takes 7.7 µs of CPU against jose's 52.6
 * (bench/token-verify.ts, bench/README.md).
 */
export function verifyAccessJwt(token: string, key: Buffer, nowSeconds: number): JWTPayload | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return null;
  const [h, p, sig] = parts;
  const given = Buffer.from(sig, "base64url");
  if (given.length !== 32 || given.toString("base64url") !== sig) return null;
  const expected = createHmac("sha256", key).update(`${h}.${p}`).digest();
  if (!timingSafeEqual(expected, given)) return null;
  const header = jsonPart(h);
  if (!header || header.alg !== "HS256" || "crit" in header) return null;
  const claims = jsonPart(p);
  if (!claims || claims.iss !== ISSUER) return null;
  const aud = claims.aud;
  if (!(aud === AUDIENCE || (Array.isArray(aud) && aud.includes(AUDIENCE)))) return null;
  if (typeof claims.exp !== "number" || !Number.isFinite(claims.exp) || claims.exp <= nowSeconds) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf > nowSeconds)) return null;
  if (claims.iat !== undefined && typeof claims.iat !== "number") return null;
  return claims as JWTPayload;
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
    .sign(await accessTokenKeys().signing);
  return { token, expiresIn };
}

/** Verifies a bearer token and returns the current Actor, or throws `unauthenticated`. */
export async function actorFromAccessToken(db: PrismaClient, token: string): Promise<Actor> {
  const payload = verifyAccessJwt(token, accessTokenKeys().bytes, Math.floor(Date.now() / 1000));
  if (!payload) throw new AppError("unauthenticated", "The access token is invalid or expired");
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
