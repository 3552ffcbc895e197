// Rows for catalog, pricing and inventory tests, written straight to the database so a test of one
// module does not depend on another module's domain functions.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

const uid = () => randomUUID().slice(0, 8).toUpperCase();

export async function createProduct(companyId: string, over: Partial<Prisma.ProductUncheckedCreateInput> = {}) {
  const id = uid();
  return prisma.product.create({
    data: { companyId, sku: `SKU-${id}`, name: `Besan 1 kg ${id}`, hsnCode: "1106", gstRate: "5", unit: "PCS", basePrice: "95.00", costPrice: "78.00", mrp: "110.00", ...over },
  });
}

export async function createWarehouse(companyId: string, over: Partial<Prisma.WarehouseUncheckedCreateInput> = {}) {
  const id = uid();
  return prisma.warehouse.create({ data: { companyId, code: `WH${id}`.slice(0, 16), name: `Godown ${id}`, stateCode: "27", city: "Pune", pincode: "411019", ...over } });
}

/** Puts `onHand` units on the shelf with the ledger's own bookkeeping: one RECEIPT movement, its level and the product total. */
export async function stockUp(companyId: string, productId: string, warehouseId: string, onHand: string | number) {
  await prisma.$transaction([
    prisma.stockMovement.create({ data: { companyId, productId, warehouseId, kind: "RECEIPT", onHandDelta: String(onHand), reservedDelta: "0", reason: "test stock" } }),
    prisma.stockLevel.upsert({
      where: { productId_warehouseId: { productId, warehouseId } },
      create: { companyId, productId, warehouseId, onHand: String(onHand) },
      update: { onHand: { increment: String(onHand) } },
    }),
    prisma.product.update({ where: { id: productId }, data: { stockOnHand: { increment: String(onHand) } } }),
  ]);
}
