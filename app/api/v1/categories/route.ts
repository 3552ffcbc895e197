// GET /api/v1/categories — the category tree with product counts; POST — add a category
import { createCategory } from "@/lib/catalog/create-category";
import { listCategoryTree } from "@/lib/catalog/list-category-tree";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx }) => ({ data: await listCategoryTree(ctx) }));

export const POST = apiRoute(async ({ ctx, body }) => created(await createCategory(ctx, body ?? {})));
