import "server-only";
// Which orders an actor can reach, and loading one: vendor staff reach their company's orders,
// a retailer user reaches its own business's orders (at any vendor) except the vendor's unfinished
// drafts. Anything else is not_found, never forbidden, so an order id of another tenant leaks nothing.
import type { Actor } from "@/lib/auth/actor";
import { pool, prisma, type PrismaClient, type Tx } from "@/lib/db/client";
import { pgRunner, prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { AppError, notFound } from "@/lib/errors";
import { Prisma, type Order, type OrderLine } from "@/lib/generated/prisma/client";
import { orderInScopeSql, orderViewSql, toOrderRow, type OrderViewJson } from "@/lib/orders/place-order-sql";
import { orderViewArgs, toOrderView, type OrderView } from "@/lib/orders/views";

type Db = PrismaClient | Tx;

export type OrderScope = { companyId: string } | { retailerId: string; status: { not: "DRAFT" } };

export function orderScope(actor: Actor): OrderScope {
  if (actor.kind === "staff") return { companyId: actor.companyId };
  if (actor.kind === "retailer") return { retailerId: actor.retailerId, status: { not: "DRAFT" } };
  if (actor.companyId) return { companyId: actor.companyId };
  throw new AppError("forbidden", "A company is needed to work with orders");
}

/** The same scope as SQL, for raw queries on "Order" aliased as `alias`. */
export function orderScopeSql(actor: Actor, alias = "o"): Prisma.Sql {
  const scope = orderScope(actor);
  const a = Prisma.raw(`"${alias}"`);
  return "companyId" in scope ? Prisma.sql`${a}."companyId" = ${scope.companyId}` : Prisma.sql`${a}."retailerId" = ${scope.retailerId} AND ${a}.status <> 'DRAFT'::"OrderStatus"`;
}

/** The scope as the parameters of orderInScopeSql (lib/orders/place-order-sql.ts): [company, retailer], one of them null. */
export function orderScopeParams(actor: Actor): [string | null, string | null] {
  const scope = orderScope(actor);
  return "companyId" in scope ? [scope.companyId, null] : [null, scope.retailerId];
}

/**
 * On the app's own client, one named statement on a pooled connection (orderViewSql: the order with its
 * parties, lines and events as JSON, planned once per connection); on any other client or in a
 * transaction, the ORM's include (seven statements).
 */
export async function loadOrderView(db: Db, actor: Actor, orderId: string): Promise<OrderView> {
  if (db === prisma) {
    const [found] = await pgRunner(pool()).query<{ row: OrderViewJson }>(orderViewSql, [orderId, ...orderScopeParams(actor)]);
    if (!found) throw notFound("Order");
    return toOrderView(actor, toOrderRow(found.row));
  }
  const row = await db.order.findFirst({ where: { id: orderId, ...orderScope(actor) }, ...orderViewArgs });
  if (!row) throw notFound("Order");
  return toOrderView(actor, row);
}

/**
 * Locks the order row (SELECT … FOR UPDATE) inside the caller's transaction and returns it, so
 * two people acting on one order at once are serialized and the second sees the first's result.
 */
export async function lockOrderOrThrow(tx: Tx, actor: Actor, orderId: string): Promise<LockedOrder> {
  return orderWithLinesOrThrow(prismaRunner(tx), actor, orderId, { lock: true });
}

/** The order (without its delivery photo) and its lines in the actor's reach, in one statement; locked FOR UPDATE when asked. */
export async function orderWithLinesOrThrow(run: SqlRunner, actor: Actor, orderId: string, opts: { lock?: boolean } = {}): Promise<LockedOrder> {
  const [row] = await run.query<{ order: Record<string, unknown>; lines: Record<string, unknown>[] }>(orderWithLinesSql[opts.lock ? "lock" : "read"], [orderId, ...orderScopeParams(actor)]);
  if (!row) throw notFound("Order");
  const { lines, ...order } = toOrderRow({ ...row, events: [] });
  return { ...order, lines } as unknown as LockedOrder;
}

/** $1 order id, $2 and $3 the scope (orderInScopeSql). The ORM took three statements for the locked read. */
const orderWithLinesSelect = `
SELECT to_jsonb(o) - 'deliveryPhoto' AS "order",
       (SELECT coalesce(json_agg(l ORDER BY l.position), '[]') FROM "OrderLine" l WHERE l."orderId" = o.id) AS lines
FROM "Order" o
WHERE ${orderInScopeSql}`;
const orderWithLinesSql = { read: orderWithLinesSelect, lock: `${orderWithLinesSelect}\nFOR UPDATE OF o` };

export type LockedOrder = Omit<Order, "deliveryPhoto"> & { lines: OrderLine[] };
