import "server-only";
// The acting retailer's carts, one per vendor with something in it: in full for the cart page, as a
// summary for GET /api/v1/cart, and as a bare line count for a nav badge.
import type { Ctx } from "@/lib/ctx";
import { buildCartView, cartItemInclude, listCartConnections, type CartView } from "@/lib/orders/cart-view";

/** Every non-empty cart, priced for today, by vendor name (a cart does not jump when a line changes). */
export async function listMyCartViews(ctx: Ctx): Promise<CartView[]> {
  const connections = await listCartConnections(ctx);
  if (connections.length === 0) return [];
  const carts = await ctx.db.cart.findMany({
    where: { retailerId: connections[0].retailerId, companyId: { in: connections.map((c) => c.companyId) }, items: { some: {} } },
    include: { items: { include: cartItemInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  const byCompany = new Map(connections.map((c) => [c.companyId, c]));
  const views = await Promise.all(carts.map((cart) => buildCartView(ctx, byCompany.get(cart.companyId)!, cart)));
  return views.sort((a, b) => a.vendor.name.localeCompare(b.vendor.name, "en-IN"));
}

export async function listMyCarts(ctx: Ctx) {
  const views = await listMyCartViews(ctx);
  const carts = views.map((v) => ({
    vendor: { code: v.vendor.code, name: v.vendor.name },
    connectionStatus: v.connection.status,
    orderable: v.connection.orderable,
    lineCount: v.totals.lineCount,
    taxable: v.totals.taxable,
    tax: v.totals.tax,
    grandTotal: v.totals.grandTotal,
    hasProblems: v.hasProblems,
    canCheckout: v.canCheckout,
    updatedAt: v.updatedAt!,
  }));
  return { carts, lineCount: carts.reduce((n, c) => n + c.lineCount, 0) };
}

/** Just the number of lines over all carts (a nav badge), one query. */
export async function countMyCartLines(ctx: Ctx): Promise<number> {
  const connections = await listCartConnections(ctx);
  if (connections.length === 0) return 0;
  return ctx.db.cartItem.count({ where: { cart: { retailerId: connections[0].retailerId, companyId: { in: connections.map((c) => c.companyId) } } } });
}

export type MyCarts = Awaited<ReturnType<typeof listMyCarts>>;
