import "server-only";
// A draft becomes a placed order: re-priced at today's prices, credit-checked, stock reserved,
// the "placed" event and its notification — what placeOrder does, for an order saved earlier.
// Locks: the order row, then the connection (credit), then stock.
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { shortLinesToFields } from "@/lib/inventory/documents";
import { reserveStock } from "@/lib/inventory/reservations";
import { checkCredit, lockConnection } from "@/lib/orders/credit";
import { priceOrderLines, replaceOrderLines, totalsRow } from "@/lib/orders/order-lines";
import { connectionClosedMessage } from "@/lib/orders/place-order";
import { transitionOrder } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";

export async function submitDraftOrder(ctx: Ctx, orderId: string): Promise<OrderView> {
  const now = ctx.now();
  return transitionOrder(ctx, orderId, {
    action: "place",
    event: "placed",
    work: async (tx, order) => {
      const connection = await lockConnection(tx, order.companyId, order.connectionId);
      if (!connection) throw new AppError("conflict", connectionClosedMessage("ENDED"));
      if (connection.status !== "ACTIVE") throw new AppError("conflict", connectionClosedMessage(connection.status));
      const lines = order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity.toFixed(3), freeGoods: l.freeGoods }));
      const priced = await priceOrderLines(tx, { companyId: order.companyId, connectionId: order.connectionId, intraState: order.supplierStateCode === order.placeOfSupply, date: now, lines });
      const credit = await checkCredit(tx, { companyId: order.companyId, connectionId: order.connectionId, creditLimit: connection.creditLimit, policy: connection.company.creditPolicy, orderTotal: priced.totals.grandTotal, excludeOrderId: order.id });
      await replaceOrderLines(tx, order, priced.lines);
      try {
        await reserveStock(tx, { companyId: order.companyId, warehouseId: order.warehouseId, refType: "Order", refId: order.id, userId: ctx.actor.userId, at: ctx.now(), lines });
      } catch (err) {
        throw shortLinesToFields(err, lines);
      }
      return {
        patch: { ...totalsRow(priced.totals), placedAt: now, placedById: ctx.actor.userId, creditHold: credit.hold, holdReason: credit.hold ? credit.reason : null },
        data: { number: order.number, grandTotal: priced.totals.grandTotal.toFixed(2), lines: priced.lines.length, fromDraft: true },
        extraEvents: credit.hold ? [{ kind: "held", note: credit.reason }] : [],
      };
    },
  });
}
