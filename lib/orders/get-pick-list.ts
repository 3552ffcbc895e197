import "server-only";
// What the warehouse picks for an order: its lines with barcode and, for products sold in packs,
// how many whole packs and loose units ("3 BOX + 4 PCS"). Staff only.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { plainQuantity } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";
import type { PickListView } from "@/lib/orders/views";

const D = Prisma.Decimal;

export async function getPickList(ctx: Ctx, orderId: string): Promise<PickListView> {
  assertCan(ctx.actor, "orders.read");
  const o = await ctx.db.order.findFirst({
    where: { id: orderId, companyId: ctx.actor.companyId },
    omit: { deliveryPhoto: true },
    include: {
      retailer: { select: { legalName: true, tradeName: true } },
      warehouse: { select: { code: true, name: true } },
      lines: { orderBy: { position: "asc" }, include: { product: { select: { barcode: true, packUnit: true, packSize: true } } } },
    },
  });
  if (!o) throw notFound("Order");
  if (o.status === "DRAFT" || o.status === "CANCELLED") throw new AppError("conflict", `A ${o.status === "DRAFT" ? "draft" : "cancelled"} order has no pick list`, { details: { currentState: o.status } });
  const total = o.lines.reduce((s, l) => s.plus(l.quantity), new D(0));
  return {
    order: {
      id: o.id,
      number: o.number,
      placedAt: o.placedAt?.toISOString() ?? null,
      retailerName: o.retailer.tradeName ?? o.retailer.legalName,
      shippingAddress: { name: o.shippingName, line1: o.shippingLine1, line2: o.shippingLine2, city: o.shippingCity, stateCode: o.shippingStateCode, stateName: stateName(o.shippingStateCode) ?? o.shippingStateCode, pincode: o.shippingPincode },
      notes: o.notes,
    },
    warehouse: o.warehouse,
    lines: o.lines.map((l) => ({
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      /** Free goods of a scheme: picked and packed like the rest, marked so the packer sends them. */
      freeGoods: l.freeGoods,
      unit: l.unit,
      quantity: l.quantity.toFixed(3),
      barcode: l.product.barcode,
      packUnit: l.product.packUnit,
      packSize: l.product.packSize?.toFixed(3) ?? null,
      packs: packsText(l.quantity, l.product.packSize, l.product.packUnit, l.unit),
    })),
    totalQuantity: total.toFixed(3),
    printedAt: ctx.now().toISOString(),
  };
}

/** "3 BOX + 4 PCS", "3 BOX", or null when the product has no pack. */
export function packsText(quantity: Prisma.Decimal, packSize: Prisma.Decimal | null, packUnit: string | null, unit: string): string | null {
  if (!packSize || packSize.lte(0) || !packUnit) return null;
  const packs = quantity.div(packSize).floor();
  const loose = quantity.minus(packs.times(packSize));
  const parts = [...(packs.gt(0) ? [`${packs.toString()} ${packUnit}`] : []), ...(loose.gt(0) ? [`${plainQuantity(loose.toFixed(3))} ${unit}`] : [])];
  return parts.length ? parts.join(" + ") : null;
}
