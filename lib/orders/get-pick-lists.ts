import "server-only";
// The pick lists of several orders, for one printed run (the orders list's "Print pick lists"):
// each order's sheet exactly as getPickList makes it, in the order chosen; orders that have no pick
// list (drafts, cancelled) or that the caller cannot reach are named instead of failing the run.
import { assertCan } from "@/lib/auth/permissions";
import { pickListsInput } from "@/lib/bulk/bulk.schemas";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getPickList } from "@/lib/orders/get-pick-list";
import type { PickListView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export type PickListsView = { sheets: PickListView[]; left: { id: string; number: string | null; reason: string }[] };

export async function getPickLists(ctx: Ctx, input: unknown): Promise<PickListsView> {
  const { ids } = parseInput(pickListsInput, input);
  assertCan(ctx.actor, "orders.read");
  const numbers = new Map((await ctx.db.order.findMany({ where: { id: { in: ids }, companyId: ctx.actor.companyId }, select: { id: true, number: true } })).map((o) => [o.id, o.number]));
  const sheets: PickListView[] = [];
  const left: PickListsView["left"] = [];
  for (const id of [...new Set(ids)]) {
    try {
      sheets.push(await getPickList(ctx, id));
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "not_found" && err.code !== "conflict")) throw err;
      left.push({ id, number: numbers.get(id) ?? null, reason: err.code === "not_found" ? "Order not found" : err.message });
    }
  }
  return { sheets, left };
}
