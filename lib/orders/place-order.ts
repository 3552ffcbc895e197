import "server-only";
// Placing an order — by vendor staff for a connection, or by a retailer with a vendor's code. One
// statement reads what the order needs (no transaction, no lock); the lines are checked and priced
// in Node; then one short transaction writes the order (numbered SO/25-26/000001 from the
// company's sequence), its priced lines, the "placed" event with its notification job and the
// audit row, and — last — checks the credit limit and reserves the stock of every line in one
// statement. Any failure (insufficient stock, credit limit, bad line) leaves nothing behind.
// Locks, late and short: the connection row (only when the retailer has a credit limit) from the
// end of the write statement, the stock rows (in product order) for the last statement; Node does
// no work while they are held. The statements are in lib/orders/place-order-sql.ts.
import { toJson } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { pool, prisma } from "@/lib/db/client";
import { Prisma, type Prisma as P } from "@/lib/generated/prisma/client";
type Tx = P.TransactionClient;
import { AppError, notFound } from "@/lib/errors";
import type { CreditPolicy, OrderSource } from "@/lib/generated/prisma/enums";
import { shortLinesToFields } from "@/lib/inventory/documents";
import { insufficientStockError, type ShortLine } from "@/lib/inventory/ledger";
import { publishOrderEvent, publishOrderEventOnConnection } from "@/lib/notifications/publish-order-event";
import { creditDecision } from "@/lib/orders/credit";
import { ensureOrderNumberSequence, orderNumberSequence, orderNumberSql } from "@/lib/orders/order-number";
import { loadOrderView } from "@/lib/orders/order-access";
import { lineRow, priceLoadedLines, totalsRow } from "@/lib/orders/order-lines";
import { placeOrderInput, shippingAddressInput, type PlaceOrderInput } from "@/lib/orders/orders.schemas";
import { isPgError } from "@/lib/db/pg-error";
import { rowId } from "@/lib/db/row-id";
import { pgTransaction } from "@/lib/db/sql-runner";
import { pgRunner, prismaRunner, readOrderInputsSql, reserveParams, reserveSql, toOrderRow, writeOrderSql, type OrderInputsRow, type OrderViewJson, type ReserveRow, type SqlRunner } from "@/lib/orders/place-order-sql";
import type { z } from "zod";
import type { OrderEventKind } from "@/lib/orders/record-order-event";
import { defaultShippingAddress, type ConnectionWithAddresses } from "@/lib/orders/shipping-address";
import { toOrderView, type OrderView } from "@/lib/orders/views";
import { istDay } from "@/lib/pricing/dates";
import { quotePrices, wantedQuantities, type PriceData } from "@/lib/pricing/resolve-price";
import { toPriceRows } from "@/lib/pricing/price-data-sql";
import { parseInput } from "@/lib/validation";

const D = Prisma.Decimal;
type OrderData = z.output<typeof placeOrderInput>;

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
  // The app's own client runs the statements on a pooled pg connection; a caller's own client (a
  // seeder) or extra work in the transaction (checkout) runs the same statements through Prisma.
  const direct = ctx.db === prisma && !opts.inTransaction;
  const inputs = await readOrderInputs(direct ? pgRunner(pool()) : prismaRunner(ctx.db), ctx.actor, data, now);
  const { companyId } = inputs;

  let attempt = 0;
  for (;;) {
    try {
      const seq = await ensureOrderNumberSequence((work) => (direct ? pgTransaction(work) : ctx.db.$transaction((tx) => work(prismaRunner(tx)))), companyId, now, attempt > 0);
      const written = direct
        ? await pgTransaction((run, client) => writeOrder(ctx, run, { ...inputs, source, now, seq, data, enqueue: (eventId) => publishOrderEventOnConnection(client, eventId) }))
        : await ctx.db.$transaction(
            async (tx) => {
              const w = await writeOrder(ctx, prismaRunner(tx), { ...inputs, source, now, seq, data, enqueue: (eventId) => publishOrderEvent(tx, eventId) });
              if (opts.inTransaction) await opts.inTransaction(tx, w);
              return w;
            },
            { timeout: 20_000, maxWait: 20_000 },
          );
      // The answer: as the write statement inserted it, unless a later statement changed the order (a
      // credit hold) or it ran through a caller's client — then read after commit (no lock held):
      // loadOrderView, in one statement on the app's client.
      if (direct && written.view) return toOrderView(actor, toOrderRow(written.view));
      return loadOrderView(ctx.db, actor, written.id);
    } catch (err) {
      // The sequence was dropped with its database, or orders were numbered around it (a bulk load):
      // bring it past every number used and try once more.
      if (attempt === 0 && (isPgError(err, "42P01", "order_no_") || isPgError(err, "23505", "number"))) {
        attempt++;
        continue;
      }
      throw err;
    }
  }
}

type Inputs = Awaited<ReturnType<typeof readOrderInputs>>;

/** The read statement, then the same checks in the same order as ever, and the priced lines. */
async function readOrderInputs(run: SqlRunner, actor: Ctx["actor"], data: OrderData, now: Date) {
  const productIds = [...new Set(data.lines.map((l) => l.productId))];
  const staff = actor.kind === "staff" ? actor : null;
  const retailer = actor.kind === "retailer" ? actor : null;
  const [row] = await run.query<OrderInputsRow>(readOrderInputsSql, [
    staff?.companyId ?? null,
    staff ? data.connectionId : null,
    retailer?.retailerId ?? null,
    retailer ? data.vendorCode : null,
    data.warehouseId ?? null,
    productIds,
    istDay(now),
    data.reorderOfId ?? null,
  ]);
  const c = row.connection;
  if (!c) {
    if (staff) throw new AppError("not_found", "Retailer not found", { fieldErrors: { connectionId: ["Retailer not found"] } });
    throw notFound("Vendor");
  }
  if (c.status !== "ACTIVE") throw new AppError("conflict", connectionClosedMessage(c.status));
  const companyId = c.companyId;
  const w = row.warehouse;
  if (data.warehouseId) {
    if (!w) throw notFound("Warehouse");
    if (!w.active) throw new AppError("conflict", `Warehouse ${w.code} is inactive`, { fieldErrors: { warehouseId: [`${w.code} is inactive; reactivate it first`] } });
  } else if (!w) throw new AppError("conflict", "Add an active warehouse before taking orders");
  const connection = { ...c, creditLimit: new D(c.creditLimit) };
  const shipping = shippingFor(connection, data.shippingAddress);
  const placeOfSupply = data.shippingAddress?.stateCode ?? c.placeOfSupply;
  const supplierStateCode = c.supplierStateCode;
  if (data.reorderOfId && !row.reorderFound) throw new AppError("validation", "The order to repeat was not found", { fieldErrors: { reorderOfId: ["Order not found"] } });

  const products = row.products.map((p) => ({
    ...p,
    minOrderQty: new D(p.minOrderQty),
    packSize: p.packSize === null ? null : new D(p.packSize),
    gstRate: new D(p.gstRate),
    cessRate: new D(p.cessRate),
    basePrice: new D(p.basePrice),
    mrp: p.mrp === null ? null : new D(p.mrp),
  }));
  const priceData: PriceData = {
    products,
    connectionPriceListId: c.priceListId,
    lists: row.lists,
    rows: toPriceRows(row.items),
  };
  const priced = await priceLoadedLines({ intraState: supplierStateCode === placeOfSupply, lines: data.lines }, products, (items) => quotePrices(wantedQuantities(items), priceData));
  return { connection, companyId, warehouse: { id: w!.id }, shipping, placeOfSupply, supplierStateCode, priced, draft: data.draft === true };
}

/**
 * The order's transaction: the notification job, the order with everything it writes, and (placed,
 * not drafts) the credit check with the stock reservation — see lib/orders/place-order-sql.ts.
 */
async function writeOrder(
  ctx: Ctx,
  run: SqlRunner,
  a: Inputs & { source: OrderSource; now: Date; seq: string; data: OrderData; enqueue: (eventId: string) => Promise<unknown> },
): Promise<{ id: string; number: string; view: OrderViewJson | null }> {
  const { connection, companyId, priced, draft, now, data } = a;
  const actor = ctx.actor;
  const orderId = rowId();
  const placedEventId = rowId();
  const checkCreditLimit = !draft && connection.creditLimit.gt(0);
  if (!draft) await a.enqueue(placedEventId);
  const grandTotal = priced.totals.grandTotal.toFixed(2);
  const { head } = orderNumberSequence(companyId, now);
  const order = {
    id: orderId,
    companyId,
    connectionId: connection.id,
    retailerId: connection.retailerId,
    warehouseId: a.warehouse.id,
    status: draft ? "DRAFT" : "PLACED",
    source: a.source,
    creditHold: false,
    holdReason: null,
    supplierStateCode: a.supplierStateCode,
    placeOfSupply: a.placeOfSupply,
    ...a.shipping,
    buyerReference: data.buyerReference ?? null,
    notes: data.notes ?? null,
    ...totalsRow(priced.totals),
    createdById: actor.userId,
    placedById: draft ? null : actor.userId,
    placedAt: draft ? null : now,
    reorderOfId: data.reorderOfId ?? null,
    createdAt: now,
  };
  const lines = priced.lines.map((l) => ({ id: rowId(), ...lineRow(companyId, l) }));
  const event = (id: string, kind: OrderEventKind, e: { toStatus?: string; note?: string; data?: unknown }) => ({
    id,
    companyId,
    kind,
    fromStatus: null,
    toStatus: e.toStatus ?? null,
    actorUserId: actor.userId,
    actorName: actor.name,
    note: e.note ?? null,
    data: e.data ?? null,
    createdAt: now,
  });
  const placed = event(placedEventId, draft ? "draft_saved" : "placed", { toStatus: draft ? "DRAFT" : "PLACED", data: { number: "", grandTotal, lines: priced.lines.length } });
  const audit = {
    id: rowId(),
    companyId,
    retailerId: connection.retailerId,
    actorUserId: actor.userId,
    actorKind: actor.kind,
    action: draft ? "order.save_draft" : "order.place",
    entityType: "Order",
    after: toJson({ number: "", status: draft ? "DRAFT" : "PLACED", source: a.source, creditHold: false, warehouseId: a.warehouse.id, placeOfSupply: a.placeOfSupply, grandTotal, lines: data.lines }),
    requestId: ctx.requestId,
  };
  const [w] = await run.query<{ number: string; locked: { status: string; creditLimit: string; creditPolicy: CreditPolicy } | null; view: OrderViewJson }>(writeOrderSql(orderNumberSql("$5", "$6")), [
    JSON.stringify(order),
    JSON.stringify(lines),
    JSON.stringify([placed]),
    JSON.stringify(audit),
    a.seq,
    head,
    checkCreditLimit,
    ctx.idempotencyKeyId ?? null,
  ]);
  const number = w.number;
  if (draft) return { id: orderId, number, view: w.view };

  // Read again under the lock: the connection may have been suspended or its limit changed meanwhile.
  if (w.locked && w.locked.status !== "ACTIVE") throw new AppError("conflict", connectionClosedMessage(w.locked.status));
  const limit = w.locked ? new D(w.locked.creditLimit) : new D(0);
  const policy = w.locked?.creditPolicy ?? "BLOCK";
  const merged = mergeReservationLines(data.lines);
  const [r] = await run.query<ReserveRow>(
    reserveSql,
    reserveParams({
      companyId,
      warehouseId: a.warehouse.id,
      lines: merged,
      refType: "Order",
      refId: orderId,
      userId: actor.userId,
      at: ctx.now(),
      reservationId: rowId(),
      lineIds: merged.map(() => rowId()),
      credit: limit.gt(0) ? { connectionId: connection.id, limit: limit.toFixed(2), orderTotal: grandTotal, policy } : null,
    }),
  );
  if (r.warehouseActive === false) throw new AppError("conflict", "The warehouse was deactivated while the order was placed; choose another");
  const credit = limit.gt(0) ? creditDecision({ outstanding: new D(r.outstanding ?? 0), creditLimit: limit, policy, orderTotal: priced.totals.grandTotal }) : ({ hold: false } as const);
  if (!r.ok) throw shortLinesToFields(insufficientStockError(r.short.map((s) => shortLine(s, a.warehouse.id))), data.lines);
  if (credit.hold) {
    // Over the limit with the HOLD policy: the order is placed on hold, and the timeline says why.
    const held = event(rowId(), "held", { note: credit.reason });
    await run.query(
      `WITH o AS (UPDATE "Order" SET "creditHold" = true, "holdReason" = $3 WHERE id = $1 AND "companyId" = $2 RETURNING id),
            e AS (INSERT INTO "OrderEvent" (id, "orderId", "companyId", kind, "actorUserId", "actorName", note, "createdAt")
                  SELECT x.id, o.id, x."companyId", x.kind, x."actorUserId", x."actorName", x.note, x."createdAt"
                  FROM o, jsonb_to_record($4::jsonb) AS x(id text, "companyId" text, kind text, "actorUserId" text, "actorName" text, note text, "createdAt" timestamptz))
       UPDATE "AuditLog" SET after = jsonb_set(after, '{creditHold}', 'true') WHERE id = $5`,
      [orderId, companyId, credit.reason, JSON.stringify(held), audit.id],
    );
    return { id: orderId, number, view: null };
  }
  return { id: orderId, number, view: w.view };
}

/** One line per product (quantities summed), in product order: what the reservation locks and writes. */
function mergeReservationLines(lines: { productId: string; quantity: string }[]) {
  const merged = new Map<string, Prisma.Decimal>();
  for (const l of lines) merged.set(l.productId, (merged.get(l.productId) ?? new D(0)).plus(l.quantity));
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([productId, q]) => ({ productId, quantity: q.toFixed(3) }));
}

function shortLine(s: ReserveRow["short"][number], warehouseId: string): ShortLine {
  const onHand = new D(s.onHand ?? 0);
  const reserved = new D(s.reserved ?? 0);
  return { productId: s.productId, warehouseId, sku: s.sku, name: s.name, unit: s.unit, requested: new D(s.requested).toFixed(3), available: D.max(onHand.minus(reserved), 0).toFixed(3), onHand: onHand.toFixed(3), reserved: reserved.toFixed(3) };
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
export function shippingFor(c: ConnectionWithAddresses, given: z.infer<typeof shippingAddressInput> | undefined) {
  const a = given ?? defaultShippingAddress(c);
  return { shippingName: a.name, shippingLine1: a.line1, shippingLine2: a.line2 ?? null, shippingCity: a.city, shippingStateCode: a.stateCode, shippingPincode: a.pincode };
}
