import "server-only";
import { changePasswordInput } from "@/lib/auth/auth.schemas";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/**
 * A signed-in user changes their own password. Every other session and API token of theirs ends at
 * once (a thief holding a copied cookie is out); the session that made the change stays signed in.
 */
export async function changePassword(ctx: Ctx, input: unknown): Promise<{ endedSessions: number }> {
  const actor = ctx.actor;
  if (actor.kind === "system") throw new AppError("forbidden", "Only a signed-in user can change their password");
  const data = parseInput(changePasswordInput, input);
  const user = await ctx.db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(data.currentPassword, user.passwordHash)) || !user.passwordHash) {
    throw new AppError("validation", "Your current password is not right", { fieldErrors: { currentPassword: ["Your current password is not right"] } });
  }
  if (await verifyPassword(data.newPassword, user.passwordHash)) {
    throw new AppError("validation", "Choose a password different from the current one", { fieldErrors: { newPassword: ["Choose a password different from the current one"] } });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, passwordChangedAt: now } });
    const { ended } = await endAllSessions(tx, actor.userId, "password_changed", now, { except: actor.sessionId });
    await tx.auditLog.create({
      data: { action: "user.password_change", entityType: "User", entityId: actor.userId, actorUserId: actor.userId, actorKind: actor.kind, requestId: ctx.requestId, after: { endedSessions: ended } },
    });
    return { endedSessions: ended };
  });
}
