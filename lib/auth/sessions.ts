// Server-side sessions. A browser sign-in and an API sign-in (a refresh-token family) each get a
// UserSession row; the session cookie and every access token carry its id, and every request checks
// the row (lib/auth/load-actor.ts), so ending a session takes effect on the very next request.
import type { PrismaClient, Tx } from "@/lib/db/client";

/** A session never lives longer than this, however active (the cookie's idle timeout is shorter). */
export const SESSION_ABSOLUTE_DAYS = 30;

export type SessionEndReason =
  | "sign_out"
  | "sign_out_everywhere"
  | "password_changed"
  | "password_reset"
  | "deactivated"
  | "removed"
  | "refresh_reuse"
  | "ended_by_user";

type Db = PrismaClient | Tx;

export async function startSession(
  db: Db,
  input: { userId: string; kind: "browser" | "api"; id?: string; userAgent?: string | null; ip?: string | null },
  now = new Date(),
): Promise<string> {
  const row = await db.userSession.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      userId: input.userId,
      kind: input.kind,
      userAgent: input.userAgent?.slice(0, 300) || null,
      ip: input.ip?.slice(0, 64) || null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_DAYS * 86_400_000),
    },
    select: { id: true },
  });
  return row.id;
}

/** Ends one session (and, for an API session, its refresh tokens). Idempotent. */
export async function endSession(db: Db, sessionId: string, reason: SessionEndReason, now = new Date()) {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  await db.refreshToken.updateMany({ where: { familyId: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session and refresh token of a user: password change or reset, sign out everywhere, deactivation. */
export async function endAllSessions(db: Db, userId: string, reason: SessionEndReason, now = new Date(), opts: { except?: string } = {}) {
  const except = opts.except ? { id: { not: opts.except } } : {};
  const ended = await db.userSession.updateMany({ where: { userId, revokedAt: null, ...except }, data: { revokedAt: now, revokedReason: reason } });
  await db.refreshToken.updateMany({ where: { userId, revokedAt: null, ...(opts.except ? { familyId: { not: opts.except } } : {}) }, data: { revokedAt: now } });
  return { ended: ended.count };
}

/** Is this session still good? (one indexed primary-key read) */
export function isLiveSession(row: { revokedAt: Date | null; expiresAt: Date } | null | undefined, now = new Date()) {
  return !!row && row.revokedAt === null && row.expiresAt > now;
}
