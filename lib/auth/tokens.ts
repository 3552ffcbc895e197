// API tokens: a short-lived access JWT (HS256 via jose) and a rotating opaque refresh token,
// stored only as a sha256 hash. Presenting a spent refresh token revokes its whole family.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import type { PrismaClient } from "@/lib/db/client";
import { authSecret, env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const ISSUER = "vendor-erp";
const AUDIENCE = "vendor-erp-api";

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number; tokenType: "Bearer" };

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export async function signAccessToken(actor: Actor, now = new Date()): Promise<{ token: string; expiresIn: number }> {
  if (actor.kind === "system") throw new Error("system actors do not get tokens");
  const expiresIn = env().ACCESS_TOKEN_TTL_SECONDS;
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ kind: actor.kind, cid: actor.kind === "staff" ? actor.companyId : undefined })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(actor.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresIn)
    .setJti(randomUUID())
    .sign(authSecret());
  return { token, expiresIn };
}

/** Verifies a bearer token and returns the current Actor, or throws `unauthenticated`. */
export async function actorFromAccessToken(db: PrismaClient, token: string): Promise<Actor> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, authSecret(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] }));
  } catch {
    throw new AppError("unauthenticated", "The access token is invalid or expired");
  }
  const actor = await loadActor(db, String(payload.sub), typeof payload.cid === "string" ? payload.cid : null);
  if (!actor) throw new AppError("unauthenticated", "The account behind this token is no longer active");
  return actor;
}

export async function issueTokenPair(db: PrismaClient, actor: Actor, now = new Date(), familyId: string = randomUUID()): Promise<TokenPair> {
  if (actor.kind === "system") throw new Error("system actors do not get tokens");
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
  const access = await signAccessToken(actor, now);
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
    await revokeFamily(db, row.familyId, now);
    throw new AppError("unauthenticated", "This refresh token was already used. All sessions from that sign-in were signed out for safety.");
  }
  const actor = await loadActor(db, row.userId, row.companyId);
  if (!actor) {
    await revokeFamily(db, row.familyId, now);
    throw invalidRefresh();
  }
  return issueTokenPair(db, actor, now, row.familyId);
}

export async function revokeFamily(db: PrismaClient, familyId: string, now = new Date()) {
  await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
}

/** Logout: revokes the family of the presented token. Unknown tokens are ignored (idempotent). */
export async function revokeRefreshToken(db: PrismaClient, presented: string, now = new Date()) {
  const row = await db.refreshToken.findUnique({ where: { tokenHash: sha256(String(presented ?? "")) } });
  if (row) await revokeFamily(db, row.familyId, now);
}

export async function revokeAllForUser(db: PrismaClient, userId: string, now = new Date()) {
  await db.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
