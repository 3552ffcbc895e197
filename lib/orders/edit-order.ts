import "server-only";
// Changing a placed order (or a draft): lines and quantities, address, reference, notes. Lines
// whose quantity did not change keep their order price; new or changed lines are priced today.
// For a placed order the reservation follows in the same transaction (adjustReservation; short
// stock changes nothing) and the credit limit is checked again on the new total.
// Locks: the order row, then the connection (credit), then stock.
import type { Ctx } from "@/lib/ctx";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { shortLinesToFields } from "@/lib/inventory/documents";
import { adjustReservation } from "@/lib/inventory/reservations";
import { checkCredit, lockConnection } from "@/lib/orders/credit";
import { keptPrices, priceOrderLines, replaceOrderLines, totalsRow } from "@/lib/orders/order-lines";
import { editOrderInput } from "@/lib/orders/orders.schemas";
import { connectionClosedMessage } from "@/lib/orders/place-order";
import { transitionOrder, type TransitionWork } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function editOrder(ctx: Ctx, orderId: string, input: unknown): Promise<OrderView> {
  const data = parseInput(editOrderInput, input);
  const now = ctx.now();
  return transitionOrder(ctx, orderId, {
    action: "edit",
    event: "edited",
    work: async (tx, order) => {
      const placed = order.status === "PLACED";
      const connection = placed ? await lockConnection(tx, order.companyId, order.connectionId) : null;
      if (placed && connection?.status !== "ACTIVE") throw new AppError("conflict", connectionClosedMessage(connection?.status ?? "ENDED"));

      const placeOfSupply = data.shippingAddress?.stateCode ?? order.placeOfSupply;
      const lines = data.lines ?? order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity.toFixed(3), freeGoods: l.freeGoods }));
      if (ctx.actor.kind !== "staff") assertNoNewFreeGoods(lines, order.lines);
      const priced = await priceOrderLines(tx, { companyId: order.companyId, connectionId: order.connectionId, intraState: order.supplierStateCode === placeOfSupply, date: now, lines, keep: keptPrices(order.lines) });

      const work: TransitionWork = { extraEvents: [] };
      let hold = { creditHold: order.creditHold, holdReason: order.holdReason };
      if (placed && connection) {
        const credit = await checkCredit(tx, { companyId: order.companyId, connectionId: order.connectionId, creditLimit: connection.creditLimit, policy: connection.company.creditPolicy, orderTotal: priced.totals.grandTotal, excludeOrderId: order.id });
        if (credit.hold && !order.creditHold) {
          hold = { creditHold: true, holdReason: credit.reason };
          work.extraEvents!.push({ kind: "held", note: credit.reason });
        }
        try {
          await adjustReservation(tx, { companyId: order.companyId, refType: "Order", refId: order.id, userId: ctx.actor.userId, at: ctx.now(), lines });
        } catch (err) {
          throw shortLinesToFields(err, lines);
        }
      }
      await replaceOrderLines(tx, order, priced.lines);

      const summary = (ls: { productId: string; freeGoods: boolean; quantity: { toFixed(n: number): string } }[]) => ls.map((l) => ({ productId: l.productId, quantity: l.quantity.toFixed(3), ...(l.freeGoods ? { freeGoods: true } : {}) }));
      const shipping = data.shippingAddress
        ? { shippingName: data.shippingAddress.name, shippingLine1: data.shippingAddress.line1, shippingLine2: data.shippingAddress.line2 ?? null, shippingCity: data.shippingAddress.city, shippingStateCode: data.shippingAddress.stateCode, shippingPincode: data.shippingAddress.pincode }
        : {};
      work.patch = {
        ...totalsRow(priced.totals),
        ...hold,
        ...shipping,
        placeOfSupply,
        ...(data.buyerReference !== undefined ? { buyerReference: data.buyerReference } : {}),
        ...(data.notes !== undefined ? { notes: data.notes } : {}),
      };
      work.data = {
        before: { lines: summary(order.lines), grandTotal: order.grandTotal.toFixed(2), placeOfSupply: order.placeOfSupply },
        after: { lines: summary(priced.lines), grandTotal: priced.totals.grandTotal.toFixed(2), placeOfSupply },
      };
      return work;
    },
  });
}

/** A retailer may keep the free goods the vendor gave (same product, same quantity) or drop them, never add or grow them. */
function assertNoNewFreeGoods(lines: { productId: string; quantity: string; freeGoods?: boolean }[], current: { productId: string; quantity: Prisma.Decimal; freeGoods: boolean }[]) {
  const given = new Map(current.filter((l) => l.freeGoods).map((l) => [l.productId, l.quantity]));
  const fieldErrors: FieldErrors = {};
  lines.forEach((l, i) => {
    if (l.freeGoods && !given.get(l.productId)?.eq(l.quantity)) fieldErrors[`lines.${i}.freeGoods`] = ["Only the vendor gives free goods"];
  });
  if (Object.keys(fieldErrors).length) throw new AppError("validation", "Only the vendor gives free goods", { fieldErrors });
}
