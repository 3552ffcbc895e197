"use server";
// Door for the orders list's bulk bar. The rules live in lib/orders/bulk-orders.ts (the same
// function POST /api/v1/orders/bulk calls).
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { bulkOrders } from "@/lib/orders/bulk-orders";

export async function bulkOrdersAction(input: unknown) {
  const res = await runAction((ctx) => bulkOrders(ctx, input));
  if (res.ok && res.data.summary.done > 0) {
    revalidatePath("/orders", "layout");
    if (res.data.action === "invoice") revalidatePath("/invoices", "layout");
  }
  return res;
}
