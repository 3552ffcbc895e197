import "server-only";
// Stock adjustments: a signed change to one product in one warehouse with a reason from a fixed
// list (damaged, expired, found, theft/loss, correction, other + note). Taking away more than is
// available (on hand − reserved) is insufficient_stock: reserved units belong to orders.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { activeWarehouseOrThrow, productsOrThrow } from "@/lib/inventory/documents";
import { ADJUSTMENT_REASONS, adjustStockInput } from "@/lib/inventory/inventory.schemas";
import { applyMovements } from "@/lib/inventory/ledger";
import { plainQuantity } from "@/lib/format";
import { qty } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

export async function adjustStock(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "inventory.write");
  const data = parseInput(adjustStockInput, input);
  const companyId = ctx.actor.companyId;
  const reason = `${ADJUSTMENT_REASONS[data.reason]}${data.note ? `: ${data.note}` : ""}`;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const warehouse = await activeWarehouseOrThrow(tx, companyId, data.warehouseId);
      const product = (await productsOrThrow(tx, companyId, [data.productId])).get(data.productId)!;
      assertQuantitiesFitUnits([{ field: "quantity", quantity: data.quantity, unit: product.unit }]);
      const before = await tx.stockLevel.findUnique({ where: { productId_warehouseId: { productId: product.id, warehouseId: warehouse.id } } });
      await applyMovements(tx, {
        companyId,
        userId: ctx.actor.userId,
        at: ctx.now(),
        movements: [{ productId: product.id, warehouseId: warehouse.id, kind: "ADJUSTMENT", onHandDelta: data.quantity, reservedDelta: "0", reason }],
      });
      const after = await tx.stockLevel.findUniqueOrThrow({ where: { productId_warehouseId: { productId: product.id, warehouseId: warehouse.id } } });
      await recordAudit(ctx, tx, {
        action: "stock.adjust",
        entityType: "StockLevel",
        entityId: `${product.id}:${warehouse.id}`,
        before: { onHand: qty(before?.onHand ?? 0), reserved: qty(before?.reserved ?? 0) },
        after: { onHand: qty(after.onHand), reserved: qty(after.reserved), quantity: data.quantity, reason: data.reason, note: data.note ?? null },
      });
      return {
        product: { id: product.id, sku: product.sku, name: product.name, unit: product.unit },
        warehouse: { id: warehouse.id, code: warehouse.code, name: warehouse.name },
        quantity: qty(data.quantity)!,
        reason: data.reason,
        note: data.note ?? null,
        onHand: qty(after.onHand)!,
        reserved: qty(after.reserved)!,
        available: qty(after.onHand.minus(after.reserved))!,
      };
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "insufficient_stock") {
      const item = (err.details?.items as { available: string }[] | undefined)?.[0];
      throw new AppError("insufficient_stock", err.message, { details: err.details, fieldErrors: { quantity: [`Only ${plainQuantity(item?.available ?? "0")} available to remove`] } });
    }
    throw err;
  }
}
