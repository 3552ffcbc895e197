import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { categoryInput } from "@/lib/catalog/catalog.schemas";
import { assertNameFreeAmongSiblings, assertParentInCompany } from "@/lib/catalog/category-guards";
import { toCategoryView, type CategoryView } from "@/lib/catalog/category-view";
import type { Ctx } from "@/lib/ctx";
import { parseInput } from "@/lib/validation";

/** Adds a category at the top level or under `parentId`. Names are unique among siblings. */
export async function createCategory(ctx: Ctx, input: unknown): Promise<CategoryView> {
  assertCan(ctx.actor, "catalog.write");
  const data = parseInput(categoryInput, input);
  const companyId = ctx.actor.companyId;
  const parentId = data.parentId ?? null;
  return ctx.db.$transaction(async (tx) => {
    if (parentId) await assertParentInCompany(tx, companyId, parentId);
    await assertNameFreeAmongSiblings(tx, companyId, parentId, data.name);
    const created = await tx.category.create({ data: { companyId, name: data.name, parentId } });
    await recordAudit(ctx, tx, { action: "category.create", entityType: "Category", entityId: created.id, after: { name: created.name, parentId } });
    return toCategoryView(created);
  });
}
