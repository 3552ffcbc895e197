import "server-only";
// Tree rules for categories: names are unique among siblings, a category never moves under itself.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Case-insensitive: "Pulses" and "pulses" under the same parent would confuse everyone. */
export async function assertNameFreeAmongSiblings(tx: Tx, companyId: string, parentId: string | null, name: string, exceptId?: string) {
  const clash = await tx.category.findFirst({
    where: { companyId, parentId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) {
    const where = parentId ? "in this category" : "at the top level";
    throw new AppError("conflict", `A category named "${name}" already exists ${where}`, { fieldErrors: { name: [`"${name}" already exists ${where}`] } });
  }
}

export async function assertParentInCompany(tx: Tx, companyId: string, parentId: string) {
  const parent = await tx.category.findFirst({ where: { id: parentId, companyId }, select: { id: true } });
  if (!parent) throw new AppError("validation", "Invalid input: parentId", { fieldErrors: { parentId: ["Choose one of your categories"] } });
}

/** Ids of the category's ancestors, nearest first (walks up with one recursive query). */
export async function ancestorIds(tx: Tx, companyId: string, categoryId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId", 0 AS depth FROM "Category" WHERE id = ${categoryId} AND "companyId" = ${companyId}
      UNION ALL
      SELECT c.id, c."parentId", up.depth + 1 FROM "Category" c JOIN up ON c.id = up."parentId" WHERE c."companyId" = ${companyId} AND up.depth < 100
    )
    SELECT id FROM up WHERE id <> ${categoryId} ORDER BY depth`;
  return rows.map((r) => r.id);
}

/** "Groceries › Pulses › Dal", for a category and its ancestors. */
export async function categoryPath(tx: Tx, companyId: string, categoryId: string): Promise<{ id: string; name: string }[]> {
  const rows = await tx.$queryRaw<{ id: string; name: string }[]>`
    WITH RECURSIVE up AS (
      SELECT id, name, "parentId", 0 AS depth FROM "Category" WHERE id = ${categoryId} AND "companyId" = ${companyId}
      UNION ALL
      SELECT c.id, c.name, c."parentId", up.depth + 1 FROM "Category" c JOIN up ON c.id = up."parentId" WHERE c."companyId" = ${companyId} AND up.depth < 100
    )
    SELECT id, name FROM up ORDER BY depth DESC`;
  return rows;
}
