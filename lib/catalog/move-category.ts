import "server-only";
import { updateCategory } from "@/lib/catalog/update-category";
import type { CategoryView } from "@/lib/catalog/category-view";
import type { Ctx } from "@/lib/ctx";

/** Moves a category (with everything under it) under `parentId`, or to the top level with null. */
export function moveCategory(ctx: Ctx, categoryId: string, parentId: unknown): Promise<CategoryView> {
  return updateCategory(ctx, categoryId, { parentId: parentId ?? null });
}
