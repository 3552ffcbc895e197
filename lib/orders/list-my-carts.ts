import "server-only";
// The acting retailer's carts, one per vendor with something in it: for the cart page, the nav
// badge and GET /api/v1/cart.
import type { Ctx } from "@/lib/ctx";
import { buildCartView, cartItemInclude, listCartConnections, vendorName } from "@/lib/orders/cart-view";

export async function listMyCarts(ctx: Ctx) {
  const connections = await listCartConnections(ctx);
  if (connections.length === 0) return { carts: [], lineCount: 0 };
  const carts = await ctx.db.cart.findMany({
    where: { retailerId: connections[0].retailerId, companyId: { in: connections.map((c) => c.companyId) }, items: { some: {} } },
    include: { items: { include: cartItemInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    orderBy: { updatedAt: "desc" },
  });
  const byCompany = new Map(connections.map((c) => [c.companyId, c]));
  const views = await Promise.all(
    carts.map(async (cart) => {
      const connection = byCompany.get(cart.companyId)!;
      const view = await buildCartView(ctx, connection, cart);
      return {
        vendor: { code: connection.company.code, name: vendorName(connection) },
        connectionStatus: connection.status,
        orderable: view.connection.orderable,
        lineCount: view.totals.lineCount,
        taxable: view.totals.taxable,
        tax: view.totals.tax,
        grandTotal: view.totals.grandTotal,
        hasProblems: view.hasProblems,
        canCheckout: view.canCheckout,
        updatedAt: cart.updatedAt.toISOString(),
      };
    }),
  );
  return { carts: views, lineCount: views.reduce((n, c) => n + c.lineCount, 0) };
}

/** Just the number of lines over all carts (the nav badge), one query. */
export async function countMyCartLines(ctx: Ctx): Promise<number> {
  const connections = await listCartConnections(ctx);
  if (connections.length === 0) return 0;
  return ctx.db.cartItem.count({ where: { cart: { retailerId: connections[0].retailerId, companyId: { in: connections.map((c) => c.companyId) } } } });
}

export type MyCarts = Awaited<ReturnType<typeof listMyCarts>>;
