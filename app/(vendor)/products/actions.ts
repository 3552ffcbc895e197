"use server";
import { revalidatePath } from "next/cache";
import { bulkSetActive } from "@/lib/catalog/bulk-set-active";
import type { CategoryView } from "@/lib/catalog/category-view";
import { createCategory } from "@/lib/catalog/create-category";
import { createProduct } from "@/lib/catalog/create-product";
import { deleteCategory } from "@/lib/catalog/delete-category";
import type { ProductView } from "@/lib/catalog/product-view";
import { updateCategory } from "@/lib/catalog/update-category";
import { updateProduct } from "@/lib/catalog/update-product";
import { runAction, type ActionResult } from "@/lib/http/action";

export async function createProductAction(input: unknown): Promise<ActionResult<ProductView>> {
  const result = await runAction((ctx) => createProduct(ctx, input));
  if (result.ok) revalidatePath("/products");
  return result;
}

export async function updateProductAction(id: string, input: unknown): Promise<ActionResult<ProductView>> {
  const result = await runAction((ctx) => updateProduct(ctx, String(id), input));
  if (result.ok) revalidatePath("/products");
  return result;
}

export async function bulkSetActiveAction(input: unknown): Promise<ActionResult<{ count: number }>> {
  const result = await runAction((ctx) => bulkSetActive(ctx, input));
  if (result.ok) revalidatePath("/products");
  return result;
}

export async function createCategoryAction(input: unknown): Promise<ActionResult<CategoryView>> {
  const result = await runAction((ctx) => createCategory(ctx, input));
  if (result.ok) revalidatePath("/products", "layout");
  return result;
}

export async function updateCategoryAction(id: string, input: unknown): Promise<ActionResult<CategoryView>> {
  const result = await runAction((ctx) => updateCategory(ctx, String(id), input));
  if (result.ok) revalidatePath("/products", "layout");
  return result;
}

export async function deleteCategoryAction(id: string): Promise<ActionResult<null>> {
  const result = await runAction(async (ctx) => {
    await deleteCategory(ctx, String(id));
    return null;
  });
  if (result.ok) revalidatePath("/products", "layout");
  return result;
}
