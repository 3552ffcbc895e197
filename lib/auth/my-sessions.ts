import "server-only";
import type { SessionView } from "@/lib/auth/auth.schemas";
import { endAllSessions, endSession } from "@/lib/auth/sessions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";

// A user's own sessions: where they are signed in, end one, or end all ("sign out everywhere").
// Scoped by the acting user: another user's session id is a 404.

function userOf(ctx: Ctx) {
  if (ctx.actor.kind === "system") throw new AppError("forbidden", "Only a signed-in user has sessions");
  return ctx.actor;
}

export async function listMySessions(ctx: Ctx): Promise<SessionView[]> {
  const actor = userOf(ctx);
  const rows = await ctx.db.userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: ctx.now() } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind === "api" ? "api" : "browser",
    userAgent: r.userAgent,
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    current: r.id === actor.sessionId,
  }));
}

export async function endMySession(ctx: Ctx, sessionId: string): Promise<void> {
  const actor = userOf(ctx);
  const row = await ctx.db.userSession.findFirst({ where: { id: String(sessionId), userId: actor.userId, revokedAt: null }, select: { id: true } });
  if (!row) throw notFound("Session");
  await endSession(ctx.db, row.id, "ended_by_user", ctx.now());
}

/** Ends every session and API token of the acting user, this one included. */
export async function signOutEverywhere(ctx: Ctx): Promise<{ endedSessions: number }> {
  const actor = userOf(ctx);
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    const { ended } = await endAllSessions(tx, actor.userId, "sign_out_everywhere", now);
    await tx.auditLog.create({
      data: { action: "user.sign_out_everywhere", entityType: "User", entityId: actor.userId, actorUserId: actor.userId, actorKind: actor.kind, requestId: ctx.requestId, after: { endedSessions: ended } },
    });
    return { endedSessions: ended };
  });
}
