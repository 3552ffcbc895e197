// A vendor with a warehouse, a connected retailer and stocked products, ready to take orders; and
// orders driven into any state through the domain functions themselves.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreditPolicy, OrderStatus, Role } from "@/lib/generated/prisma/enums";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { returnOrder } from "@/lib/orders/return-order";
import type { OrderView } from "@/lib/orders/views";
import { createProduct, createWarehouse, stockUp } from "./catalog-factories";
import { createRetailerUser, createStaff, tenant } from "./factories";

const uid = () => randomUUID().slice(0, 6).toUpperCase();

export type Shop = Awaited<ReturnType<typeof orderShop>>;

/** A vendor (Maharashtra, "27") with a default warehouse and one ACTIVE retailer connection. */
export async function orderShop(opts: { creditLimit?: string; creditPolicy?: CreditPolicy; placeOfSupply?: string; now?: Date } = {}) {
  const t = await tenant();
  const co = t.company.id;
  if (opts.creditPolicy) await prisma.company.update({ where: { id: co }, data: { creditPolicy: opts.creditPolicy } });
  const wh = await createWarehouse(co, { code: "MAIN", isDefault: true });
  const shopper = await createRetailerUser();
  const connection = await prisma.connection.create({
    data: { companyId: co, retailerId: shopper.retailer.id, status: "ACTIVE", customerCode: `C-${uid()}`, creditLimit: opts.creditLimit ?? "0", placeOfSupply: opts.placeOfSupply ?? "27", activatedAt: new Date() },
  });
  const clock = opts.now ? () => opts.now! : undefined;
  const ctxOf = (actor: Actor) => makeCtx(actor, clock ? { now: clock } : {});
  return {
    company: t.company,
    co,
    wh,
    owner: t.actor,
    staff: ctxOf(t.actor),
    retailer: shopper.retailer,
    retailerActor: shopper.actor,
    shopper: ctxOf(shopper.actor),
    connection,
    ctxOf,
    /** Another staff member of this company with `role`. */
    async staffAs(role: Role): Promise<Ctx> {
      return ctxOf((await createStaff(co, role)).actor);
    },
  };
}

/** A product of the shop with `stock` units in its main warehouse. */
export async function stockedProduct(shop: Pick<Shop, "co" | "wh">, stock: string | number = 100, over: Partial<Prisma.ProductUncheckedCreateInput> = {}) {
  const p = await createProduct(shop.co, { basePrice: "100.00", gstRate: "18", ...over });
  if (Number(stock) > 0) await stockUp(shop.co, p.id, shop.wh.id, stock);
  return p;
}

/** Staff place an order for the shop's retailer. */
export function staffPlace(shop: Shop, lines: { productId: string; quantity: string | number }[], extra: Record<string, unknown> = {}) {
  return placeOrder(shop.staff, { connectionId: shop.connection.id, lines: lines.map((l) => ({ productId: l.productId, quantity: String(l.quantity) })), ...extra });
}

/** An order of `quantity` × product, driven by the owner through the lifecycle into `status`. */
export async function orderIn(shop: Shop, status: OrderStatus, productId: string, quantity: string | number = 2): Promise<OrderView> {
  const lines = [{ productId, quantity: String(quantity) }];
  if (status === "DRAFT") return placeOrder(shop.staff, { connectionId: shop.connection.id, lines, draft: true });
  let o = await placeOrder(shop.staff, { connectionId: shop.connection.id, lines });
  const path: OrderStatus[] = ["CONFIRMED", "PACKED", "DISPATCHED", "DELIVERED", "RETURNED"];
  if (status === "PLACED") return o;
  if (status === "CANCELLED") return cancelOrder(shop.staff, o.id, { reason: "Test cancel" });
  for (const step of path) {
    if (step === "CONFIRMED") o = await confirmOrder(shop.staff, o.id);
    if (step === "PACKED") o = await packOrder(shop.staff, o.id);
    if (step === "DISPATCHED") o = await invoiceAndDispatch(shop, o.id);
    if (step === "DELIVERED") o = await deliverOrder(shop.staff, o.id, { receivedBy: "Ramesh" });
    if (step === "RETURNED") o = await returnOrder(shop.staff, o.id, { reason: "Damaged", lines: [{ productId, quantity: "1" }] });
    if (step === status) return o;
  }
  throw new Error(`orderIn: unknown status ${status}`);
}

/** The GST order of documents: a packed taxable supply is invoiced (by the owner), then dispatched by `by`. */
export async function invoiceAndDispatch(shop: Pick<Shop, "staff">, orderId: string, input: Record<string, unknown> = {}, by: Ctx = shop.staff): Promise<OrderView> {
  await invoiceOrder(shop.staff, orderId, {});
  return dispatchOrder(by, orderId, input);
}
