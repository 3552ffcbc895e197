import "server-only";
// Placing an order — by vendor staff for a connection, or by a retailer with a vendor's code. One
// transaction writes the order (numbered SO/25-26/000001), its priced lines, the stock
// reservation, the "placed" event with its notification job and the audit row; any failure
// (insufficient stock, credit limit, bad line) leaves nothing behind.
// Locks: the connection row first (credit), then stock levels (reserveStock, in product order).
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Prisma as P } from "@/lib/generated/prisma/client";
type Tx = P.TransactionClient;
import { AppError, notFound } from "@/lib/errors";
import type { OrderSource } from "@/lib/generated/prisma/enums";
import { activeWarehouseOrThrow, shortLinesToFields } from "@/lib/inventory/documents";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { reserveStock } from "@/lib/inventory/reservations";
import { checkCredit, lockConnection, type LockedConnection } from "@/lib/orders/credit";
import { loadOrderView } from "@/lib/orders/order-access";
import { lineRow, priceOrderLines, totalsRow } from "@/lib/orders/order-lines";
import { placeOrderInput, shippingAddressInput, type PlaceOrderInput } from "@/lib/orders/orders.schemas";
import type { z } from "zod";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { defaultShippingAddress } from "@/lib/orders/shipping-address";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

/** `input` is a PlaceOrderInput (parsed here; doors pass the request body as it came). */
export type PlaceOrderOptions = {
  source?: OrderSource;
  /** Runs last inside the order's transaction (checkout takes the ordered lines out of the cart there). */
  inTransaction?: (tx: Tx, order: { id: string; number: string }) => Promise<void>;
};

export async function placeOrder(ctx: Ctx, input: PlaceOrderInput | unknown, opts: PlaceOrderOptions = {}): Promise<OrderView> {
  const data = parseInput(placeOrderInput, input);
  const actor = ctx.actor;
  if (actor.kind === "staff") {
    assertCan(actor, "orders.write");
    if (!data.connectionId) throw new AppError("validation", "Choose a retailer", { fieldErrors: { connectionId: ["Choose a retailer"] } });
  } else if (actor.kind === "retailer") {
    if (!data.vendorCode) throw new AppError("validation", "Choose a vendor", { fieldErrors: { vendorCode: ["Choose a vendor"] } });
    if (data.draft) throw new AppError("validation", "Only vendor staff save draft orders", { fieldErrors: { draft: ["Not available"] } });
    if (data.warehouseId) throw new AppError("validation", "The vendor chooses the warehouse", { fieldErrors: { warehouseId: ["Not available"] } });
    const free = data.lines.flatMap((l, i) => (l.freeGoods ? [`lines.${i}.freeGoods`] : []));
    if (free.length) throw new AppError("validation", "Only the vendor gives free goods", { fieldErrors: Object.fromEntries(free.map((f) => [f, ["Only the vendor gives free goods"]])) });
  } else {
    throw new AppError("forbidden", "Orders are placed by vendor staff or retailers");
  }
  const source: OrderSource = actor.kind === "staff" ? "STAFF" : (opts.source ?? "PORTAL");
  const now = ctx.now();

  return ctx.db.$transaction(
    async (tx) => {
      const connection = await connectionForActor(ctx, tx, data);
      if (connection.status !== "ACTIVE") throw new AppError("conflict", connectionClosedMessage(connection.status));
      const companyId = connection.companyId;
      const warehouse = data.warehouseId ? await activeWarehouseOrThrow(tx, companyId, data.warehouseId) : await defaultWarehouseOrThrow(tx, companyId);
      const shipping = shippingFor(connection, data.shippingAddress);
      const placeOfSupply = data.shippingAddress?.stateCode ?? connection.placeOfSupply;
      const supplierStateCode = connection.company.stateCode;
      if (data.reorderOfId) {
        const source = await tx.order.findFirst({ where: { id: data.reorderOfId, companyId, retailerId: connection.retailerId }, select: { id: true } });
        if (!source) throw new AppError("validation", "The order to repeat was not found", { fieldErrors: { reorderOfId: ["Order not found"] } });
      }
      const priced = await priceOrderLines(tx, { companyId, connectionId: connection.id, intraState: supplierStateCode === placeOfSupply, date: now, lines: data.lines });
      const draft = data.draft === true;
      const credit = draft
        ? ({ hold: false } as const)
        : await checkCredit(tx, { companyId, connectionId: connection.id, creditLimit: connection.creditLimit, policy: connection.company.creditPolicy, orderTotal: priced.totals.grandTotal });
      // The number is taken last: numbering holds a per-company lock until commit, so taking it
      // after the reservation keeps that serialized stretch short (and short stock never waits for it).
      const order = await tx.order.create({
        data: {
          companyId,
          number: `~${randomUUID()}`,
          connectionId: connection.id,
          retailerId: connection.retailerId,
          warehouseId: warehouse.id,
          status: draft ? "DRAFT" : "PLACED",
          source,
          creditHold: credit.hold,
          holdReason: credit.hold ? credit.reason : null,
          supplierStateCode,
          placeOfSupply,
          ...shipping,
          buyerReference: data.buyerReference ?? null,
          notes: data.notes ?? null,
          ...totalsRow(priced.totals),
          createdById: actor.userId,
          placedById: draft ? null : actor.userId,
          placedAt: draft ? null : now,
          reorderOfId: data.reorderOfId ?? null,
          createdAt: now,
          lines: { create: priced.lines.map((l) => lineRow(companyId, l)) },
        },
        select: { id: true },
      });
      if (!draft) {
        try {
          await reserveStock(tx, { companyId, warehouseId: warehouse.id, refType: "Order", refId: order.id, userId: actor.userId, at: ctx.now(), lines: data.lines });
        } catch (err) {
          throw shortLinesToFields(err, data.lines);
        }
      }
      const number = await nextDocumentNumber(tx, { companyId, prefix: "SO", date: now });
      await tx.order.update({ where: { id: order.id, companyId }, data: { number } });
      await recordOrderEvent(ctx, tx, { orderId: order.id, companyId, kind: draft ? "draft_saved" : "placed", toStatus: draft ? "DRAFT" : "PLACED", data: { number, grandTotal: priced.totals.grandTotal.toFixed(2), lines: priced.lines.length } });
      if (credit.hold) await recordOrderEvent(ctx, tx, { orderId: order.id, companyId, kind: "held", note: credit.reason });
      await recordAudit(ctx, tx, {
        action: draft ? "order.save_draft" : "order.place",
        entityType: "Order",
        entityId: order.id,
        companyId,
        retailerId: connection.retailerId,
        after: { number, status: draft ? "DRAFT" : "PLACED", source, creditHold: credit.hold, warehouseId: warehouse.id, placeOfSupply, grandTotal: priced.totals.grandTotal.toFixed(2), lines: data.lines },
      });
      if (opts.inTransaction) await opts.inTransaction(tx, { id: order.id, number });
      return loadOrderView(tx, actor, order.id);
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

/** Staff: the connection of their company by id. Retailer: its connection with the vendor of that code. Locked. */
async function connectionForActor(ctx: Ctx, tx: Tx, data: { connectionId?: string; vendorCode?: string }): Promise<LockedConnection> {
  const actor = ctx.actor;
  if (actor.kind === "staff") {
    const c = await lockConnection(tx, actor.companyId, data.connectionId!);
    if (!c) throw new AppError("not_found", "Retailer not found", { fieldErrors: { connectionId: ["Retailer not found"] } });
    return c;
  }
  if (actor.kind !== "retailer") throw new AppError("forbidden", "Orders are placed by vendor staff or retailers");
  const found = await tx.connection.findFirst({ where: { retailerId: actor.retailerId, company: { code: data.vendorCode! } }, select: { id: true, companyId: true } });
  const c = found ? await lockConnection(tx, found.companyId, found.id) : null;
  if (!c) throw notFound("Vendor");
  return c;
}

export function connectionClosedMessage(status: string) {
  if (status === "SUSPENDED") return "This retailer's account with the vendor is suspended; orders cannot be placed";
  if (status === "ENDED") return "This retailer is no longer connected to the vendor; orders cannot be placed";
  return "This retailer's connection with the vendor is not active yet; orders cannot be placed";
}

/** The company's default active warehouse, else its first active one. */
export async function defaultWarehouseOrThrow(tx: Tx, companyId: string) {
  const w = await tx.warehouse.findFirst({ where: { companyId, active: true }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }] });
  if (!w) throw new AppError("conflict", "Add an active warehouse before taking orders");
  return w;
}

/** Where the goods go: the address given, else the connection's default (lib/orders/shipping-address.ts), as order columns. */
export function shippingFor(c: LockedConnection, given: z.infer<typeof shippingAddressInput> | undefined) {
  const a = given ?? defaultShippingAddress(c);
  return { shippingName: a.name, shippingLine1: a.line1, shippingLine2: a.line2 ?? null, shippingCity: a.city, shippingStateCode: a.stateCode, shippingPincode: a.pincode };
}
