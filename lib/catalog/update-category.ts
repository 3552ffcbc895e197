import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { updateCategoryInput } from "@/lib/catalog/catalog.schemas";
import { ancestorIds, assertNameFreeAmongSiblings, assertParentInCompany } from "@/lib/catalog/category-guards";
import { toCategoryView, type CategoryView } from "@/lib/catalog/category-view";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/**
 * Renames a category and/or moves it under another parent (null = top level). A category cannot
 * move under itself or one of its own sub-categories.
 */
export async function updateCategory(ctx: Ctx, categoryId: string, input: unknown): Promise<CategoryView> {
  assertCan(ctx.actor, "catalog.write");
  const data = parseInput(updateCategoryInput, input);
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    // Moves lock the company's tree, so two moves at once cannot build a cycle between them.
    if (data.parentId !== undefined) await tx.$queryRaw`SELECT id FROM "Category" WHERE "companyId" = ${companyId} ORDER BY id FOR UPDATE`;
    const before = await tx.category.findFirst({ where: { id: categoryId, companyId } });
    if (!before) throw notFound("Category");
    const parentId = data.parentId === undefined ? before.parentId : data.parentId;
    const name = data.name ?? before.name;
    if (parentId && parentId !== before.parentId) {
      await assertParentInCompany(tx, companyId, parentId);
      if (parentId === categoryId || (await ancestorIds(tx, companyId, parentId)).includes(categoryId)) {
        throw new AppError("validation", "A category cannot move under itself or one of its sub-categories", { fieldErrors: { parentId: ["Choose a category outside this one"] } });
      }
    }
    if (name !== before.name || parentId !== before.parentId) await assertNameFreeAmongSiblings(tx, companyId, parentId, name, categoryId);
    const after = await tx.category.update({ where: { id: categoryId, companyId }, data: { name, parentId } });
    const action = parentId !== before.parentId ? (name !== before.name ? "category.update" : "category.move") : "category.rename";
    await recordAudit(ctx, tx, { action, entityType: "Category", entityId: categoryId, before: { name: before.name, parentId: before.parentId }, after: { name, parentId } });
    return toCategoryView(after);
  });
}
