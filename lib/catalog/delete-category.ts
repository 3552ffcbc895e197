import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";

/** Deletes an empty category. One with products or sub-categories is refused, naming what is left. */
export async function deleteCategory(ctx: Ctx, categoryId: string): Promise<void> {
  assertCan(ctx.actor, "catalog.write");
  const companyId = ctx.actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    // Lock the row so a product or sub-category added meanwhile waits for this decision.
    const [row] = await tx.$queryRaw<{ id: string; name: string; parentId: string | null }[]>`
      SELECT id, name, "parentId" FROM "Category" WHERE id = ${categoryId} AND "companyId" = ${companyId} FOR UPDATE`;
    if (!row) throw notFound("Category");
    // One after the other: a transaction is one connection, and pg is deprecating overlapping queries on it.
    const products = await tx.product.count({ where: { companyId, categoryId } });
    const children = await tx.category.count({ where: { companyId, parentId: categoryId } });
    if (products || children) {
      const left = [products ? `${products} product${products === 1 ? "" : "s"}` : null, children ? `${children} sub-categor${children === 1 ? "y" : "ies"}` : null].filter(Boolean).join(" and ");
      throw new AppError("conflict", `"${row.name}" still has ${left}. Move them to another category first.`, { details: { products, subcategories: children } });
    }
    await tx.category.delete({ where: { id: categoryId, companyId } });
    await recordAudit(ctx, tx, { action: "category.delete", entityType: "Category", entityId: categoryId, before: { name: row.name, parentId: row.parentId } });
  });
}
