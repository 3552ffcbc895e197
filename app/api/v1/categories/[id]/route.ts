// PATCH /api/v1/categories/{id} — rename and/or move (parentId null = top level); DELETE — remove an empty category
import { deleteCategory } from "@/lib/catalog/delete-category";
import { updateCategory } from "@/lib/catalog/update-category";
import { apiRoute, noContent } from "@/lib/http/route";

export const PATCH = apiRoute(({ ctx, params, body }) => updateCategory(ctx, params.id, body ?? {}));

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteCategory(ctx, params.id);
  return noContent();
});
