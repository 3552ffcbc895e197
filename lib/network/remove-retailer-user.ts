import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { endAllSessions } from "@/lib/auth/sessions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { assertRetailer } from "@/lib/network/guards";

/**
 * The retailer business's owner removes one of its users: the membership is deactivated (history
 * keeps the name) and every session and API token of that user ends at once.
 */
export async function removeRetailerUser(ctx: Ctx, memberId: string): Promise<void> {
  assertRetailer(ctx.actor);
  const actor = ctx.actor;
  await ctx.db.$transaction(async (tx) => {
    const me = await tx.retailerMembership.findUnique({ where: { retailerId_userId: { retailerId: actor.retailerId, userId: actor.userId } } });
    if (me?.role !== "OWNER") throw new AppError("forbidden", "Only the business owner can remove team members");
    const member = await tx.retailerMembership.findFirst({ where: { id: String(memberId), retailerId: actor.retailerId } });
    if (!member) throw notFound("Team member");
    if (member.userId === actor.userId) throw new AppError("conflict", "You cannot remove yourself");
    if (!member.active) return;
    await tx.retailerMembership.update({ where: { id: member.id, retailerId: actor.retailerId }, data: { active: false } });
    await endAllSessions(tx, member.userId, "removed", ctx.now());
    await recordAudit(ctx, tx, { action: "retailer.user_remove", entityType: "RetailerMembership", entityId: member.id, before: { active: true }, after: { active: false } });
  });
}
