import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { bulkSetActiveInput } from "@/lib/catalog/catalog.schemas";
import type { Ctx } from "@/lib/ctx";
import { parseInput } from "@/lib/validation";

/**
 * Activates or deactivates many products at once. Ids of other companies (or unknown ids) are
 * ignored; the answer counts the products whose flag actually changed. One audit row per product.
 */
export async function bulkSetActive(ctx: Ctx, input: unknown): Promise<{ count: number }> {
  assertCan(ctx.actor, "catalog.write");
  const { ids, active } = parseInput(bulkSetActiveInput, input);
  const actor = ctx.actor;
  return ctx.db.$transaction(async (tx) => {
    const changed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Product" SET active = ${active}, "updatedAt" = ${ctx.now()}
      WHERE "companyId" = ${actor.companyId} AND id = ANY(${[...new Set(ids)]}::text[]) AND active <> ${active}
      RETURNING id`;
    if (changed.length) {
      await tx.auditLog.createMany({
        data: changed.map((p) => ({
          action: active ? "product.activate" : "product.deactivate",
          entityType: "Product",
          entityId: p.id,
          companyId: actor.companyId,
          actorUserId: actor.userId,
          actorKind: actor.kind,
          before: { active: !active },
          after: { active },
          requestId: ctx.requestId,
        })),
      });
    }
    return { count: changed.length };
  });
}
