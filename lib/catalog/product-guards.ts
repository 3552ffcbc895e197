import "server-only";
// Checks shared by create and update: the SKU is free in this company, the category is this company's.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export async function assertSkuFree(tx: Tx, companyId: string, sku: string, exceptProductId?: string) {
  const taken = await tx.product.findFirst({ where: { companyId, sku, ...(exceptProductId ? { id: { not: exceptProductId } } : {}) }, select: { name: true } });
  if (taken) throw skuTaken(taken.name);
}

export async function assertCategoryInCompany(tx: Tx, companyId: string, categoryId: string) {
  const found = await tx.category.findFirst({ where: { id: categoryId, companyId }, select: { id: true } });
  if (!found) throw new AppError("validation", "Invalid input: categoryId", { fieldErrors: { categoryId: ["Choose one of your categories"] } });
}

export const skuTaken = (productName: string) => new AppError("conflict", `SKU already used by ${productName}`, { fieldErrors: { sku: [`SKU already used by ${productName}`] } });

/** Two saves racing for one SKU: the unique index decides; answer like the check above would. */
export async function rethrowSkuRace(err: unknown, db: Tx, companyId: string, sku: string | undefined): Promise<never> {
  if (sku && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    const other = await db.product.findFirst({ where: { companyId, sku }, select: { name: true } });
    throw skuTaken(other?.name ?? "another product");
  }
  throw err;
}
