import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { createProductInput } from "@/lib/catalog/catalog.schemas";
import { assertCategoryInCompany, assertSkuFree, rethrowSkuRace } from "@/lib/catalog/product-guards";
import { auditFields, toProductView, type ProductView } from "@/lib/catalog/product-view";
import type { Ctx } from "@/lib/ctx";
import { parseInput } from "@/lib/validation";

/** Adds a product to the company's catalog. SKU is unique per company. */
export async function createProduct(ctx: Ctx, input: unknown): Promise<ProductView> {
  assertCan(ctx.actor, "catalog.write");
  const data = parseInput(createProductInput, input);
  const companyId = ctx.actor.companyId;
  try {
    return await ctx.db.$transaction(async (tx) => {
      await assertSkuFree(tx, companyId, data.sku);
      if (data.categoryId) await assertCategoryInCompany(tx, companyId, data.categoryId);
      const created = await tx.product.create({ data: { ...data, companyId } });
      const view = toProductView(created);
      await recordAudit(ctx, tx, { action: "product.create", entityType: "Product", entityId: created.id, after: auditFields(view) });
      return view;
    });
  } catch (err) {
    return rethrowSkuRace(err, ctx.db, companyId, data.sku);
  }
}
