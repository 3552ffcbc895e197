import "server-only";
// The orders list (vendor dashboard, portal history, API): status tabs with counts, filters,
// sort and pages. Built to stay fast with a million orders per company:
// - the page is one query on Order that the (companyId, status, createdAt desc, id) or
//   (companyId, createdAt desc, id) index answers in order (retailers: (retailerId, createdAt));
//   retailer, connection and vendor are joined only for the page's rows;
// - text search is resolved first into order numbers and matching connections (a small set per
//   company), so the list query filters on indexed columns — no join or ILIKE per order row;
// - tab counts are capped (count over LIMIT 1001), so "1,000+" costs at most 1,001 index entries a tab
//   (measured at 1,000,000 orders: a cap of 10,000 made the ten tab counts alone ~45 ms).
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { containsPattern, startsWithPattern } from "@/lib/db/like";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { financialYearLabel } from "@/lib/inventory/numbering";
import { orderScopeSql } from "@/lib/orders/order-access";
import { listOrdersInput, type ListOrdersInput } from "@/lib/orders/orders.schemas";
import { statusLabels } from "@/lib/orders/state-machine";
import type { OrderListItem } from "@/lib/orders/views";
import { LIST_COUNT_CAP } from "@/lib/http/pagination";
import { isCalendarDay, startOfIstDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export const ORDER_COUNT_CAP = LIST_COUNT_CAP;

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
  const text = q.q?.trim();
  const where = baseWhere(ctx.actor, q, text ? await searchSql(ctx.db, ctx.actor, ctx.now(), text) : null);
  const statusCond = statusSql(q.status);
  const order = orderBySql(q.sort);

  const tabCount = (cond: Prisma.Sql) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Order" o WHERE ${where} AND ${cond} LIMIT ${ORDER_COUNT_CAP + 1}) s)`;
  const tabbed = (orderTabs as readonly string[]).includes(q.status);
  // Unfiltered (the usual dashboard view): each tab counts on its own status index, exact up to the
  // cap. Filtered: one pass over at most cap+1 matching rows counts every tab at once; when more
  // rows match, the tab counts are lower bounds (capped) and the current tab gets its own count.
  const filtered = ctx.actor.kind !== "staff" || !!(text || q.connectionId || q.from || q.to || q.minTotal || q.maxTotal);
  const countsSql = filtered
    ? Prisma.sql`SELECT ${Prisma.join(orderTabs.map((t) => Prisma.sql`count(*) FILTER (WHERE ${statusSql(t)})::int AS ${Prisma.raw(`"${t}"`)}`))}
        FROM (SELECT o.status, o."creditHold" FROM "Order" o WHERE ${where} LIMIT ${ORDER_COUNT_CAP + 1}) o`
    : Prisma.sql`SELECT ${Prisma.join(orderTabs.map((t) => Prisma.sql`${tabCount(statusSql(t))} AS ${Prisma.raw(`"${t}"`)}`))}`;

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
    ctx.db.$queryRaw<Record<OrderTab, number>[]>(countsSql),
  ]);

  const sampleCapped = filtered && countRow.all > ORDER_COUNT_CAP;
  const capped = (n: number): TabCount => ({ count: Math.min(n, ORDER_COUNT_CAP), capped: sampleCapped || n > ORDER_COUNT_CAP });
  const counts = Object.fromEntries(orderTabs.map((t) => [t, capped(countRow[t])])) as Record<OrderTab, TabCount>;
  let total = tabbed ? counts[q.status as OrderTab] : null;
  if (!total || (sampleCapped && q.status !== "all")) {
    const [{ n }] = await ctx.db.$queryRaw<{ n: number }[]>`SELECT ${tabCount(statusCond)} AS n`;
    total = { count: Math.min(n, ORDER_COUNT_CAP), capped: n > ORDER_COUNT_CAP };
  }

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

export type Query = ReturnType<typeof listOrdersInput.parse>;

/** Every filter except the status tab (tabs count under the same filters). */
export function baseWhere(actor: Actor, q: Query, search: Prisma.Sql | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [orderScopeSql(actor)];
  if (q.connectionId) parts.push(Prisma.sql`o."connectionId" = ${q.connectionId}`);
  if (q.vendorCode && actor.kind === "retailer") parts.push(Prisma.sql`o."companyId" = (SELECT id FROM "Company" WHERE code = ${q.vendorCode})`);
  if (q.from) parts.push(Prisma.sql`o."createdAt" >= ${startOfIstDay(q.from)}`);
  if (q.to) parts.push(Prisma.sql`o."createdAt" < ${new Date(startOfIstDay(q.to).getTime() + DAY_MS)}`);
  if (q.minTotal) parts.push(Prisma.sql`o."grandTotal" >= ${q.minTotal}::numeric`);
  if (q.maxTotal) parts.push(Prisma.sql`o."grandTotal" <= ${q.maxTotal}::numeric`);
  if (search) parts.push(search);
  return Prisma.join(parts, " AND ");
}

/**
 * What a search text matches, resolved before the list query so that query stays on indexes:
 * - digits alone are a running number: SO/<any financial year>/000123 (exact, via the unique
 *   (companyId, number) index); text like "SO/25-26/0001" matches numbers by prefix;
 * - the connections whose retailer name or customer code match (for a retailer: whose vendor name
 *   or code match) — a few rows of a small table, then a semi-join on the order's connectionId.
 */
export async function searchSql(db: Ctx["db"], actor: Actor, now: Date, text: string): Promise<Prisma.Sql> {
  const like = containsPattern(text);
  const connections =
    actor.kind === "retailer"
      ? await db.$queryRaw<{ id: string }[]>`SELECT c.id FROM "Connection" c JOIN "Company" co ON co.id = c."companyId"
          WHERE c."retailerId" = ${actor.retailerId} AND (co."legalName" ILIKE ${like} OR co."tradeName" ILIKE ${like} OR co.code ILIKE ${startsWithPattern(text)})`
      : await db.$queryRaw<{ id: string }[]>`SELECT c.id FROM "Connection" c JOIN "Retailer" r ON r.id = c."retailerId"
          WHERE c."companyId" = ${actor.kind === "staff" ? actor.companyId : (actor.companyId ?? "")}
            AND (r."legalName" ILIKE ${like} OR r."tradeName" ILIKE ${like} OR c."customerCode" ILIKE ${startsWithPattern(text)})`;
  const parts: Prisma.Sql[] = [];
  if (/^\d{1,6}$/.test(text) && Number(text) > 0) parts.push(Prisma.sql`o.number = ANY(${runningNumberCandidates(text, now)}::text[])`);
  else if (/^[a-z]{1,4}\//i.test(text)) parts.push(Prisma.sql`o.number LIKE ${startsWithPattern(text.toUpperCase())}`);
  if (connections.length) parts.push(Prisma.sql`o."connectionId" = ANY(${connections.map((c) => c.id)}::text[])`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/** "123" → SO/yy-yy/000123 for every financial year from 2020-21 to the next one. */
function runningNumberCandidates(digits: string, now: Date): string[] {
  const current = Number(financialYearLabel(now).slice(0, 2));
  const yy = (y: number) => String(y % 100).padStart(2, "0");
  const padded = digits.padStart(6, "0");
  return Array.from({ length: Math.max(current + 1 - 20, 0) + 1 }, (_, i) => `SO/${yy(20 + i)}-${yy(21 + i)}/${padded}`);
}

export function statusSql(tab: string): Prisma.Sql {
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
