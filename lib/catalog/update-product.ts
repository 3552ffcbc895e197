import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { productQuantityIssues, productRuleIssues, updateProductInput } from "@/lib/catalog/catalog.schemas";
import { assertCategoryInCompany, assertSkuFree, rethrowSkuRace } from "@/lib/catalog/product-guards";
import { auditFields, toProductView, type ProductView } from "@/lib/catalog/product-view";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/** Changes some fields of a product. Cross-field rules are checked on the product as it will be. */
export async function updateProduct(ctx: Ctx, productId: string, input: unknown): Promise<ProductView> {
  assertCan(ctx.actor, "catalog.write");
  const data = definedOnly(parseInput(updateProductInput, input));
  if (Object.keys(data).length === 0) throw new AppError("validation", "Nothing to change");
  const companyId = ctx.actor.companyId;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const row = await tx.product.findFirst({ where: { id: productId, companyId } });
      if (!row) throw notFound("Product");
      const before = toProductView(row);
      const merged = { ...before, ...data };
      // A product's quantities are checked against its unit when either changes: a legacy value
      // (a fractional reorder level of pieces) does not block renaming the product.
      const unitChanged = data.unit !== undefined && data.unit !== row.unit;
      const issues = [
        ...productRuleIssues({ ...merged, unit: undefined }),
        ...productQuantityIssues(merged).filter((i) => unitChanged || data[i.field] !== undefined),
      ];
      if (issues.length) {
        const fieldErrors: FieldErrors = {};
        for (const i of issues) (fieldErrors[i.field] ??= []).push(i.message);
        throw new AppError("validation", `Invalid input: ${Object.keys(fieldErrors).join(", ")}`, { fieldErrors });
      }
      if (data.sku && data.sku !== row.sku) await assertSkuFree(tx, companyId, data.sku, productId);
      if (data.categoryId) await assertCategoryInCompany(tx, companyId, data.categoryId);
      const updated = await tx.product.update({ where: { id: productId, companyId }, data });
      const after = toProductView(updated);
      const changed = Object.keys(data).filter((k) => JSON.stringify(before[k as keyof ProductView]) !== JSON.stringify(after[k as keyof ProductView]));
      if (changed.length) {
        await recordAudit(ctx, tx, { action: "product.update", entityType: "Product", entityId: productId, before: auditFields(before, changed), after: auditFields(after, changed) });
      }
      return after;
    });
  } catch (err) {
    return rethrowSkuRace(err, ctx.db, companyId, data.sku);
  }
}

/** Drops keys the caller did not send, so "absent" never overwrites a stored value. */
function definedOnly<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
