import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";

/** Products without a category (shown next to the category tree, linking to the filtered list). */
export async function countUncategorisedProducts(ctx: Ctx): Promise<number> {
  assertCan(ctx.actor, "catalog.read");
  return ctx.db.product.count({ where: { companyId: ctx.actor.companyId, categoryId: null } });
}
