import "server-only";
// Goods coming back after delivery, in part or in full, possibly in several returns: each line at
// most what was delivered minus what already came back. Stock goes back on the shelf of the
// order's warehouse (or the one named) and the returned value is kept on the order.
import { quantityUnitError } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import { AppError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeWarehouseOrThrow } from "@/lib/inventory/documents";
import { plainQuantity } from "@/lib/format";
import { returnStock } from "@/lib/inventory/reservations";
import { lineKey, returnOrderInput } from "@/lib/orders/orders.schemas";
import type { LockedOrder } from "@/lib/orders/order-access";
import { transitionOrder, transitionOrderInTx } from "@/lib/orders/transition-order";
import type { z } from "zod";

type Tx = Prisma.TransactionClient;
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

const D = Prisma.Decimal;

export async function returnOrder(ctx: Ctx, orderId: string, input: unknown): Promise<OrderView> {
  const data = parseInput(returnOrderInput, input);
  return transitionOrder(ctx, orderId, { action: "return", event: "returned", work: (tx, order) => returnWork(ctx, tx, order, data) });
}

/** Inside the caller's transaction: goods that did not stay with the retailer (a short or refused delivery on a trip). */
export async function returnOrderInTx(ctx: Ctx, tx: Tx, orderId: string, data: ReturnOrderData): Promise<OrderView> {
  return transitionOrderInTx(ctx, tx, orderId, { action: "return", event: "returned", work: (t, order) => returnWork(ctx, t, order, data) });
}

type ReturnOrderData = z.output<typeof returnOrderInput>;

async function returnWork(ctx: Ctx, tx: Tx, order: LockedOrder, data: ReturnOrderData) {
  // A line is its product, paid or free (freeGoods: true names the free line of a scheme).
  const byLine = new Map(order.lines.map((l) => [lineKey(l), l]));
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  data.lines.forEach((r, i) => {
    const line = byLine.get(lineKey(r));
    if (!line) errors[`lines.${i}.productId`] = [r.freeGoods ? "This product is not on the order as free goods" : "This product is not on the order"];
    else if (seen.has(lineKey(r))) errors[`lines.${i}.productId`] = ["This product appears twice"];
    else {
      const left = line.quantity.minus(line.returnedQty);
      const unitError = quantityUnitError(r.quantity, line.unit);
      if (unitError) errors[`lines.${i}.quantity`] = [unitError];
      else if (new D(r.quantity).gt(left)) errors[`lines.${i}.quantity`] = [`At most ${plainQuantity(left.toFixed(3))} ${line.unit} can still come back`];
    }
    seen.add(lineKey(r));
  });
  if (Object.keys(errors).length) throw new AppError("validation", `Check the returned lines: ${Object.values(errors).map((m) => m[0]).join("; ")}`, { fieldErrors: errors });

  const warehouseId = data.warehouseId ? (await activeWarehouseOrThrow(tx, order.companyId, data.warehouseId)).id : order.warehouseId;
  await returnStock(tx, { companyId: order.companyId, warehouseId, refType: "Order", refId: order.id, userId: ctx.actor.userId, at: ctx.now(), lines: data.lines, reason: data.reason });

  // The value of a line that came back, telescoping so a line returned in full returns its whole total.
  let value = new D(0);
  const returned: { productId: string; freeGoods: boolean; quantity: string; value: string }[] = [];
  for (const r of data.lines) {
    const line = byLine.get(lineKey(r))!;
    const after = line.returnedQty.plus(r.quantity);
    const lineValue = share(line.lineTotal, after, line.quantity).minus(share(line.lineTotal, line.returnedQty, line.quantity));
    value = value.plus(lineValue);
    returned.push({ productId: r.productId, freeGoods: line.freeGoods, quantity: new D(r.quantity).toFixed(3), value: lineValue.toFixed(2) });
    await tx.orderLine.update({ where: { id: line.id, orderId: order.id }, data: { returnedQty: after } });
  }
  return {
    patch: { returnedAt: ctx.now(), returnedTotal: order.returnedTotal.plus(value) },
    note: data.reason,
    data: { warehouseId, value: value.toFixed(2), lines: returned },
  };
}

function share(total: Prisma.Decimal, part: Prisma.Decimal, whole: Prisma.Decimal) {
  return whole.isZero() ? new D(0) : total.times(part).div(whole).toDecimalPlaces(2, D.ROUND_HALF_UP);
}
