"use server";
// Doors for the inventory screens. Rules live in lib/inventory.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { createGoodsReceipt } from "@/lib/inventory/goods-receipts";
import { searchStockProducts } from "@/lib/inventory/product-search";
import { setShowStockToRetailers } from "@/lib/inventory/settings";
import { cancelStockCount, createStockCount, postStockCount, saveCountLines } from "@/lib/inventory/stock-counts";
import { createTransfer } from "@/lib/inventory/transfers";
import { changeWarehouseStatus, createWarehouse, updateWarehouse } from "@/lib/inventory/warehouses";
import { runAction, type ActionResult } from "@/lib/http/action";

export async function searchProductsAction(input: unknown) {
  return runAction((ctx) => searchStockProducts(ctx, input));
}

export async function createReceiptAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => createGoodsReceipt(ctx, input));
  if (!res.ok) return res;
  revalidatePath("/inventory", "layout");
  redirect(`/inventory/receipts/${res.data.id}?created=1`);
}

export async function adjustStockAction(input: unknown) {
  const res = await runAction((ctx) => adjustStock(ctx, input));
  if (res.ok) revalidatePath("/inventory", "layout");
  return res;
}

export async function createTransferAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => createTransfer(ctx, input));
  if (!res.ok) return res;
  revalidatePath("/inventory", "layout");
  redirect(`/inventory/transfers/${res.data.id}?created=1`);
}

export async function createCountAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => createStockCount(ctx, input));
  if (!res.ok) return res;
  revalidatePath("/inventory/counts");
  redirect(`/inventory/counts/${res.data.id}`);
}

export async function saveCountLinesAction(countId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => saveCountLines(ctx, String(countId), input));
  revalidatePath(`/inventory/counts/${countId}`);
  return res.ok ? { ok: true, data: null } : res;
}

export async function postCountAction(countId: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => postStockCount(ctx, String(countId)));
  revalidatePath("/inventory", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function cancelCountAction(countId: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => cancelStockCount(ctx, String(countId)));
  revalidatePath("/inventory/counts", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function saveWarehouseAction(id: string | null, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => (id ? updateWarehouse(ctx, String(id), input) : createWarehouse(ctx, input)));
  if (!res.ok) return res;
  revalidatePath("/inventory", "layout");
  redirect(`/inventory/warehouses?saved=${encodeURIComponent(res.data.code)}`);
}

export async function warehouseStatusAction(id: string, action: "set-default" | "deactivate" | "activate"): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => changeWarehouseStatus(ctx, String(id), action));
  revalidatePath("/inventory", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function setShowStockAction(show: boolean): Promise<ActionResult<{ showStockToRetailers: boolean }>> {
  const res = await runAction((ctx) => setShowStockToRetailers(ctx, Boolean(show)));
  revalidatePath("/inventory");
  return res;
}
