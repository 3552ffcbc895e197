import "server-only";
// Packed orders on no live shipment, grouped by consignee (connection + ship-to) and warehouse:
// each group can become one shipment. Oldest packing first. Invoiced or not is shown, since a
// taxable supply cannot leave before its invoice.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";

export type ShippableOrder = { id: string; number: string; packedAt: string | null; grandTotal: string; invoiced: boolean };
export type ShippableGroup = {
  key: string;
  connectionId: string;
  retailerName: string;
  customerCode: string | null;
  warehouse: { id: string; code: string };
  shipTo: { name: string; line1: string; city: string; pincode: string };
  orders: ShippableOrder[];
};

export async function listShippableOrders(ctx: Ctx, opts: { orderId?: string } = {}): Promise<ShippableGroup[]> {
  assertCan(ctx.actor, "logistics.read");
  const rows = await ctx.db.order.findMany({
    where: { companyId: ctx.actor.companyId, status: "PACKED", shipments: { none: { shipment: { status: { not: "CANCELLED" } } } } },
    select: {
      id: true, number: true, packedAt: true, grandTotal: true, connectionId: true, warehouseId: true,
      shippingName: true, shippingLine1: true, shippingLine2: true, shippingCity: true, shippingStateCode: true, shippingPincode: true,
      warehouse: { select: { code: true } },
      retailer: { select: { legalName: true, tradeName: true } },
      connection: { select: { customerCode: true } },
      lines: { select: { quantity: true, invoicedQty: true, returnedQty: true, gstRate: true, cessRate: true } },
    },
    orderBy: [{ packedAt: "asc" }, { number: "asc" }],
    take: 500,
  });
  const groups = new Map<string, ShippableGroup>();
  for (const o of rows) {
    const key = [o.connectionId, o.warehouseId, o.shippingName, o.shippingLine1, o.shippingLine2 ?? "", o.shippingCity, o.shippingStateCode, o.shippingPincode].join("|");
    let g = groups.get(key);
    if (!g) {
      g = { key, connectionId: o.connectionId, retailerName: o.retailer.tradeName ?? o.retailer.legalName, customerCode: o.connection.customerCode, warehouse: { id: o.warehouseId, code: o.warehouse.code }, shipTo: { name: o.shippingName, line1: o.shippingLine1, city: o.shippingCity, pincode: o.shippingPincode }, orders: [] };
      groups.set(key, g);
    }
    const taxable = o.lines.some((l) => l.gstRate.gt(0) || l.cessRate.gt(0));
    const invoiced = !taxable || o.lines.every((l) => l.quantity.minus(l.invoicedQty).minus(l.returnedQty).lte(0));
    g.orders.push({ id: o.id, number: o.number, packedAt: o.packedAt?.toISOString() ?? null, grandTotal: o.grandTotal.toFixed(2), invoiced });
  }
  const all = [...groups.values()];
  return opts.orderId ? all.filter((g) => g.orders.some((o) => o.id === opts.orderId)) : all;
}
