import "server-only";
// The orders list (vendor dashboard, portal history, API): status tabs with counts, filters,
// sort and pages. Built to stay fast with a million orders per company:
// - the page is one query on Order that the (companyId, status, createdAt desc, id) or
//   (companyId, createdAt desc, id) index answers in order (retailers: (retailerId, createdAt));
//   retailer, connection and vendor are joined only for the page's rows;
// - text search matches the number by prefix, or the connections whose retailer name or customer
//   code match (a small set per company, semi-joined by connectionId) — no join per order row;
// - tab counts are capped (count over LIMIT 10000), so "10,000+" costs at most 10,000 index entries.
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { containsPattern, startsWithPattern } from "@/lib/db/like";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { orderScopeSql } from "@/lib/orders/order-access";
import { listOrdersInput, type ListOrdersInput } from "@/lib/orders/orders.schemas";
import { statusLabels } from "@/lib/orders/state-machine";
import type { OrderListItem } from "@/lib/orders/views";
import { isCalendarDay, startOfIstDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export const ORDER_COUNT_CAP = 10_000;

export const orderTabs = ["all", "on_hold", "draft", "placed", "confirmed", "packed", "dispatched", "delivered", "cancelled", "returned"] as const;
export type OrderTab = (typeof orderTabs)[number];
export type TabCount = { count: number; capped: boolean };

export type ListOrdersResult = { data: OrderListItem[]; total: number; totalIsCapped: boolean; counts: Record<OrderTab, TabCount> };

const DAY_MS = 24 * 60 * 60 * 1000;

export async function listOrders(ctx: Ctx, input: ListOrdersInput | unknown = {}): Promise<ListOrdersResult> {
  if (ctx.actor.kind === "staff") assertCan(ctx.actor, "orders.read");
  const q = parseInput(listOrdersInput, input ?? {});
  for (const field of ["from", "to"] as const) {
    const day = q[field];
    if (day && !isCalendarDay(day)) throw new AppError("validation", `${field === "from" ? "From" : "To"} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  const where = baseWhere(ctx.actor, q);
  const statusCond = statusSql(q.status);
  const order = orderBySql(q.sort);

  const tabCount = (cond: Prisma.Sql) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Order" o WHERE ${where} AND ${cond} LIMIT ${ORDER_COUNT_CAP + 1}) s)`;
  const countColumns = orderTabs.map((t) => Prisma.sql`${tabCount(statusSql(t))} AS ${Prisma.raw(`"${t}"`)}`);
  const tabbed = (orderTabs as readonly string[]).includes(q.status);

  const [rows, [countRow]] = await Promise.all([
    ctx.db.$queryRaw<PageRow[]>`
      WITH page AS (
        SELECT o.id, o.number, o.status, o."creditHold", o."grandTotal", o."placedAt", o."createdAt", o."companyId", o."retailerId", o."connectionId"
        FROM "Order" o
        WHERE ${where} AND ${statusCond}
        ORDER BY ${order}
        LIMIT ${q.pageSize} OFFSET ${q.offset}
      )
      SELECT o.id, o.number, o.status, o."creditHold", o."grandTotal"::text AS "grandTotal", o."placedAt", o."createdAt",
             o."retailerId", r."legalName" AS "retailerLegalName", r."tradeName" AS "retailerTradeName", c."customerCode",
             co.code AS "vendorCode", co."legalName" AS "vendorLegalName", co."tradeName" AS "vendorTradeName",
             (SELECT count(*)::int FROM "OrderLine" l WHERE l."orderId" = o.id) AS "lineCount"
      FROM page o
      JOIN "Retailer" r ON r.id = o."retailerId"
      JOIN "Connection" c ON c.id = o."connectionId"
      JOIN "Company" co ON co.id = o."companyId"
      ORDER BY ${order}`,
    ctx.db.$queryRaw<Record<string, number>[]>`SELECT ${Prisma.join(tabbed ? countColumns : [...countColumns, Prisma.sql`${tabCount(statusCond)} AS "current"`])}`,
  ]);

  const capped = (n: number): TabCount => ({ count: Math.min(n, ORDER_COUNT_CAP), capped: n > ORDER_COUNT_CAP });
  const counts = Object.fromEntries(orderTabs.map((t) => [t, capped(countRow[t])])) as Record<OrderTab, TabCount>;
  const total = tabbed ? counts[q.status as OrderTab] : capped(countRow.current);

  return {
    data: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      statusLabel: statusLabels[r.status],
      creditHold: r.creditHold,
      retailer: { id: r.retailerId, name: r.retailerTradeName ?? r.retailerLegalName, customerCode: r.customerCode },
      vendor: { code: r.vendorCode, name: r.vendorTradeName ?? r.vendorLegalName },
      lineCount: r.lineCount,
      grandTotal: new Prisma.Decimal(r.grandTotal).toFixed(2),
      placedAt: r.placedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: total.count,
    totalIsCapped: total.capped,
    counts,
  };
}

type PageRow = {
  id: string;
  number: string;
  status: OrderStatus;
  creditHold: boolean;
  grandTotal: string;
  placedAt: Date | null;
  createdAt: Date;
  retailerId: string;
  retailerLegalName: string;
  retailerTradeName: string | null;
  customerCode: string | null;
  vendorCode: string;
  vendorLegalName: string;
  vendorTradeName: string | null;
  lineCount: number;
};

type Query = ReturnType<typeof listOrdersInput.parse>;

/** Every filter except the status tab (tabs count under the same filters). */
function baseWhere(actor: Actor, q: Query): Prisma.Sql {
  const parts: Prisma.Sql[] = [orderScopeSql(actor)];
  if (q.connectionId) parts.push(Prisma.sql`o."connectionId" = ${q.connectionId}`);
  if (q.vendorCode && actor.kind === "retailer") parts.push(Prisma.sql`o."companyId" = (SELECT id FROM "Company" WHERE code = ${q.vendorCode})`);
  if (q.from) parts.push(Prisma.sql`o."createdAt" >= ${startOfIstDay(q.from)}`);
  if (q.to) parts.push(Prisma.sql`o."createdAt" < ${new Date(startOfIstDay(q.to).getTime() + DAY_MS)}`);
  if (q.minTotal) parts.push(Prisma.sql`o."grandTotal" >= ${q.minTotal}::numeric`);
  if (q.maxTotal) parts.push(Prisma.sql`o."grandTotal" <= ${q.maxTotal}::numeric`);
  const text = q.q?.trim();
  if (text) parts.push(searchSql(actor, text));
  return Prisma.join(parts, " AND ");
}

/**
 * Number by prefix ("SO/25-26/0001"; digits alone match the end: "123" finds …/000123), or the
 * connections whose retailer (for a retailer: vendor) name or customer code match.
 */
function searchSql(actor: Actor, text: string): Prisma.Sql {
  const number = /^\d+$/.test(text) ? Prisma.sql`o.number LIKE ${`%${text}`}` : Prisma.sql`o.number LIKE ${startsWithPattern(text.toUpperCase())}`;
  const like = containsPattern(text);
  const connections =
    actor.kind === "retailer"
      ? Prisma.sql`SELECT c.id FROM "Connection" c JOIN "Company" co ON co.id = c."companyId"
          WHERE c."retailerId" = ${actor.retailerId} AND (co."legalName" ILIKE ${like} OR co."tradeName" ILIKE ${like} OR co.code ILIKE ${startsWithPattern(text)})`
      : Prisma.sql`SELECT c.id FROM "Connection" c JOIN "Retailer" r ON r.id = c."retailerId"
          WHERE c."companyId" = ${actor.kind === "staff" ? actor.companyId : (actor.companyId ?? "")}
            AND (r."legalName" ILIKE ${like} OR r."tradeName" ILIKE ${like} OR c."customerCode" ILIKE ${startsWithPattern(text)})`;
  return Prisma.sql`(${number} OR o."connectionId" IN (${connections}))`;
}

function statusSql(tab: string): Prisma.Sql {
  if (tab === "all") return Prisma.sql`TRUE`;
  if (tab === "on_hold") return Prisma.sql`o.status = 'PLACED'::"OrderStatus" AND o."creditHold"`;
  if (tab === "open") return Prisma.sql`o.status IN ('PLACED'::"OrderStatus", 'CONFIRMED'::"OrderStatus", 'PACKED'::"OrderStatus", 'DISPATCHED'::"OrderStatus")`;
  return Prisma.sql`o.status = ${tab.toUpperCase()}::"OrderStatus"`;
}

function orderBySql(sort: Query["sort"]): Prisma.Sql {
  const desc = sort.startsWith("-");
  const column = { createdAt: `o."createdAt"`, grandTotal: `o."grandTotal"`, number: "o.number" }[sort.replace(/^-/, "") as "createdAt" | "grandTotal" | "number"];
  const dir = desc ? "DESC" : "ASC";
  return Prisma.raw(`${column} ${dir}, o.id ${dir}`);
}
