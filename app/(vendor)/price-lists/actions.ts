"use server";
// Doors for the price list screens. Rules live in lib/pricing.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { findProductsForPricing, setItemPrices, type PricedProduct } from "@/lib/pricing/price-list-items";
import { createPriceList, deletePriceList, setDefaultPriceList, updatePriceList } from "@/lib/pricing/price-lists";

export async function createPriceListAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => createPriceList(ctx, input));
  if (!res.ok) return res;
  revalidatePath("/price-lists");
  redirect(`/price-lists/${res.data.id}?created=1`);
}

export async function updatePriceListAction(id: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => updatePriceList(ctx, String(id), input));
  revalidatePath("/price-lists", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function setDefaultPriceListAction(id: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setDefaultPriceList(ctx, String(id)));
  revalidatePath("/price-lists", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function deletePriceListAction(id: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => deletePriceList(ctx, String(id)));
  if (!res.ok) return res;
  revalidatePath("/price-lists", "layout");
  redirect("/price-lists?deleted=1");
}

export async function setItemPricesAction(priceListId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setItemPrices(ctx, String(priceListId), input));
  revalidatePath(`/price-lists/${priceListId}`);
  revalidatePath("/price-lists");
  return res.ok ? { ok: true, data: null } : res;
}

export async function findProductsAction(q: string): Promise<ActionResult<PricedProduct[]>> {
  return runAction((ctx) => findProductsForPricing(ctx, { q: String(q ?? "").slice(0, 100) }));
}
