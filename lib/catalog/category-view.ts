import type { Category } from "@/lib/generated/prisma/client";

export type CategoryView = { id: string; name: string; parentId: string | null; createdAt: string; updatedAt: string };

export function toCategoryView(c: Category): CategoryView {
  return { id: c.id, name: c.name, parentId: c.parentId, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}
