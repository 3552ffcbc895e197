import "server-only";
// Confirm, pack or invoice many orders at once (the orders list's selection, POST /orders/bulk).
// Each order goes through the same domain function as its own button — confirmOrder, packOrder,
// invoiceOrder — in its own transaction, so one order's refusal leaves the others done. An order
// whose state already has what was asked ("already confirmed") is skipped, which makes a repeat
// of the same request harmless.
import { assertCan } from "@/lib/auth/permissions";
import { bulkOrdersInput, type BulkOrderAction } from "@/lib/bulk/bulk.schemas";
import type { BulkResult } from "@/lib/bulk/bulk-result";
import { runBulk, type RowStep } from "@/lib/bulk/run-bulk";
import { INVOICEABLE_STATUSES, invoiceOrder, remainingToInvoice } from "@/lib/billing/invoice-order";
import type { Ctx } from "@/lib/ctx";
import type { OrderLine } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { packOrder } from "@/lib/orders/pack-order";
import { transitions } from "@/lib/orders/state-machine";
import { parseInput } from "@/lib/validation";

/** Who may take each bulk action: the same permission as the single order's action. */
export const bulkOrderPermission = { confirm: transitions.confirm.staff, pack: transitions.pack.staff, invoice: "billing.write" } as const;

type Row = { id: string; number: string; status: OrderStatus; creditHold: boolean; lines: Pick<OrderLine, "quantity" | "invoicedQty" | "returnedQty">[] };

export async function bulkOrders(ctx: Ctx, input: unknown): Promise<BulkResult<BulkOrderAction>> {
  const { action, ids } = parseInput(bulkOrdersInput, input);
  // A role that may not take the action is refused whole (403), as each order's own route would be.
  assertCan(ctx.actor, bulkOrderPermission[action]);
  const companyId = ctx.actor.companyId;
  const found = await ctx.db.order.findMany({
    where: { id: { in: ids }, companyId },
    select: { id: true, number: true, status: true, creditHold: true, lines: { select: { quantity: true, invoicedQty: true, returnedQty: true } } },
  });
  const rows = new Map<string, Row>(found.map((o) => [o.id, o]));
  return runBulk(ctx, action, ids, rows, "Order", (o) => stepFor(ctx, action, o));
}

function stepFor(ctx: Ctx, action: BulkOrderAction, o: Row): RowStep {
  const skip = skipReason(action, o);
  if (skip) return skip;
  if (action === "confirm") return { run: async () => (await confirmOrder(ctx, o.id, {}), { message: "Confirmed" }) };
  if (action === "pack") return { run: async () => (await packOrder(ctx, o.id, {}), { message: "Packed" }) };
  return {
    run: async () => {
      const invoice = await invoiceOrder(ctx, o.id, {});
      return { message: `Invoiced: ${invoice.number}`, document: { id: invoice.id, number: invoice.number } };
    },
  };
}

/**
 * Why the order's state does not allow the action, in a clerk's words. The domain function checks
 * again under the row lock; this only names the usual reasons before any transaction starts.
 */
function skipReason(action: BulkOrderAction, o: Row): Extract<RowStep, { skip: string }> | null {
  const refuse = (skip: string) => ({ skip, code: "invalid_transition" as const });
  const already = (skip: string) => ({ skip, code: "already_done" as const });
  if (o.status === "CANCELLED") return refuse("Cancelled");
  if (o.status === "DRAFT") return refuse("A draft: place it first");
  const heldNote = o.status === "PLACED" && o.creditHold ? "On credit hold" : null;
  if (action === "confirm") {
    if (o.status !== "PLACED") return already("Already confirmed");
    return heldNote ? refuse(heldNote) : null;
  }
  if (action === "pack") {
    if (o.status === "PLACED") return refuse(heldNote ?? "Not confirmed yet");
    if (o.status !== "CONFIRMED") return already("Already packed");
    return null;
  }
  if (!INVOICEABLE_STATUSES.includes(o.status)) return refuse(heldNote ?? (o.status === "PLACED" ? "Not confirmed or packed yet" : "Not packed yet"));
  if (o.lines.every((l) => remainingToInvoice(l).lte(0))) return already("Already invoiced");
  return null;
}
