import "server-only";
import { updateCategory } from "@/lib/catalog/update-category";
import type { CategoryView } from "@/lib/catalog/category-view";
import type { Ctx } from "@/lib/ctx";

/** Gives a category a new name (unique among its siblings). */
export function renameCategory(ctx: Ctx, categoryId: string, name: unknown): Promise<CategoryView> {
  return updateCategory(ctx, categoryId, { name });
}
