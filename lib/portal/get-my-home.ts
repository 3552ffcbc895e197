import "server-only";
// The portal's home page and GET /api/v1/me/home: what a retailer opens the portal for, over every
// vendor it is connected to, in a handful of queries led by the retailer id (indexed on every table):
// - dues: per vendor, the ledger balance (getMyOutstanding: the same figure as the statement and the
//   vendor's ageing), the overdue part, the next due date, and whether the vendor takes payment online
//   (the statement's Pay now: a pay link for everything owed);
// - on the way: orders that left the godown and are not delivered yet ("out for delivery" while their
//   shipment's trip is running), and packed orders already on a scheduled delivery trip, with the
//   ETA of the retailer's stop when the trip has one;
// - usual items: the products ordered most over the last 90 days (orders not cancelled), with the
//   quantity of the last order, at vendors the retailer can still order from; a click adds that
//   quantity to the vendor's cart (lib/orders/add-to-cart.ts).
import type { Ctx } from "@/lib/ctx";
import { vendorsTakingOnlinePayments } from "@/lib/billing/gateway/gateway-accounts";
import { getMyOutstanding } from "@/lib/billing/get-ageing";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back "usual items" look. */
export const USUAL_ITEMS_DAYS = 90;
const USUAL_ITEMS = 8;
const ON_THE_WAY = 10;

type Vendor = { code: string; name: string };

export type MyHome = {
  asOf: string;
  dues: {
    vendor: Vendor;
    connectionId: string;
    /** Ledger balance: what the retailer owes this vendor ("0.00" or less: nothing). */
    outstanding: string;
    /** The part of it past its due date. */
    overdue: string;
    /** The earliest due date still ahead of an open invoice or debit note (null: none). */
    nextDueDate: string | null;
    openDocuments: number;
    /** The vendor takes payment online: Pay makes a pay link for everything owed. */
    payOnline: boolean;
  }[];
  onTheWay: {
    id: string;
    number: string;
    vendor: Vendor;
    /** scheduled: packed and on a delivery trip not started yet; dispatched: left the godown; out_for_delivery: its delivery trip is on the road. */
    stage: "scheduled" | "dispatched" | "out_for_delivery";
    dispatchedAt: string | null;
    grandTotal: string;
    lineCount: number;
    /** The ETA at the retailer's stop, when the trip carrying it has one. */
    eta: string | null;
    trip: { number: string; tripDate: string } | null;
    courier: { name: string | null; awbNumber: string | null; trackingUrl: string | null } | null;
  }[];
  usualItems: {
    vendor: Vendor;
    productId: string;
    sku: string;
    name: string;
    unit: string;
    /** Orders in the last 90 days that had it. */
    timesOrdered: number;
    lastQuantity: string;
    lastOrderedAt: string;
  }[];
};

export async function getMyHome(ctx: Ctx): Promise<MyHome> {
  if (ctx.actor.kind !== "retailer") throw new AppError("forbidden", "This is for retailer users");
  const retailerId = ctx.actor.retailerId;
  const now = ctx.now();
  const today = istDay(now);
  const [outstanding, openDocs, onTheWay, usualItems] = await Promise.all([
    getMyOutstanding(ctx),
    ctx.db.$queryRaw<{ connectionId: string; open: number; nextDue: Date | null }[]>`
      SELECT "connectionId", count(*)::int AS open, min("dueDate") FILTER (WHERE "dueDate" >= ${today}::date) AS "nextDue"
      FROM "Invoice"
      WHERE "retailerId" = ${retailerId} AND status = 'ISSUED' AND type <> 'CREDIT_NOTE' AND "settledAmount" < "grandTotal"
      GROUP BY "connectionId"`,
    loadOnTheWay(ctx, retailerId),
    loadUsualItems(ctx, retailerId, new Date(dayToDbDate(today).getTime() - USUAL_ITEMS_DAYS * DAY_MS)),
  ]);
  const online = await vendorsTakingOnlinePayments(ctx.db, outstanding.map((o) => o.vendor.code));
  const docs = new Map(openDocs.map((d) => [d.connectionId, d]));
  return {
    asOf: today,
    dues: outstanding
      .filter((o) => (toPaise(o.outstanding) ?? 0n) > 0n)
      .map((o) => {
        const d = docs.get(o.connectionId);
        const overdue = [o.ageing.d0_30, o.ageing.d31_60, o.ageing.d61_90, o.ageing.d90_plus].reduce((s, v) => s + (toPaise(v) ?? 0n), 0n);
        return {
          vendor: o.vendor,
          connectionId: o.connectionId,
          outstanding: o.outstanding,
          overdue: fromPaise(overdue),
          nextDueDate: d?.nextDue ? d.nextDue.toISOString().slice(0, 10) : null,
          openDocuments: d?.open ?? 0,
          payOnline: online.has(o.vendor.code),
        };
      })
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(b.outstanding) - Number(a.outstanding)),
    onTheWay,
    usualItems,
  };
}

async function loadOnTheWay(ctx: Ctx, retailerId: string): Promise<MyHome["onTheWay"]> {
  const orders = await ctx.db.order.findMany({
    where: {
      retailerId,
      OR: [{ status: "DISPATCHED" }, { status: "PACKED", shipments: { some: { shipment: { status: "READY", currentTrip: { status: "SCHEDULED" } } } } }],
    },
    orderBy: [{ dispatchedAt: { sort: "desc", nulls: "first" } }, { id: "asc" }],
    take: ON_THE_WAY,
    select: {
      id: true,
      number: true,
      status: true,
      dispatchedAt: true,
      grandTotal: true,
      _count: { select: { lines: true } },
      company: { select: { code: true, legalName: true, tradeName: true } },
      shipments: {
        where: { shipment: { status: { not: "CANCELLED" } } },
        select: {
          shipment: {
            select: {
              courierName: true,
              awbNumber: true,
              trackingUrl: true,
              carrierType: true,
              currentTrip: { select: { id: true, number: true, status: true, tripDate: true } },
              stops: { select: { stop: { select: { tripId: true, eta: true, status: true } } } },
            },
          },
        },
      },
    },
  });
  return orders.map((o) => {
    const s = o.shipments[0]?.shipment;
    const trip = s?.currentTrip ?? null;
    const stop = trip ? s!.stops.find((x) => x.stop.tripId === trip.id)?.stop : undefined;
    const stillToCome = stop && (stop.status === "PENDING" || stop.status === "ARRIVED");
    return {
      id: o.id,
      number: o.number,
      vendor: { code: o.company.code, name: o.company.tradeName ?? o.company.legalName },
      stage: o.status === "PACKED" ? "scheduled" : trip?.status === "IN_TRANSIT" ? "out_for_delivery" : "dispatched",
      dispatchedAt: o.dispatchedAt?.toISOString() ?? null,
      grandTotal: o.grandTotal.toFixed(2),
      lineCount: o._count.lines,
      eta: stillToCome && stop.eta ? stop.eta.toISOString() : null,
      trip: trip ? { number: trip.number, tripDate: trip.tripDate.toISOString().slice(0, 10) } : null,
      courier: s && s.carrierType === "PARTNER" ? { name: s.courierName, awbNumber: s.awbNumber, trackingUrl: s.trackingUrl } : null,
    };
  });
}

async function loadUsualItems(ctx: Ctx, retailerId: string, since: Date): Promise<MyHome["usualItems"]> {
  // Orders of the retailer since `since` (its index leads with retailerId), their paid lines grouped
  // per vendor and product; only vendors it can order from today and products still sold.
  const rows = await ctx.db.$queryRaw<{ productId: string; sku: string; name: string; unit: string; code: string; vendorName: string; times: number; lastQuantity: Prisma.Decimal; lastAt: Date }[]>`
    WITH recent AS (
      SELECT o.id, o."companyId", coalesce(o."placedAt", o."createdAt") AS at
      FROM "Order" o
      JOIN "Connection" c ON c.id = o."connectionId" AND c.status = 'ACTIVE'
      WHERE o."retailerId" = ${retailerId} AND o."createdAt" >= ${since} AND o.status NOT IN ('DRAFT', 'CANCELLED')
    ),
    per AS (
      SELECT l."productId", r."companyId", count(DISTINCT r.id)::int AS times,
             (array_agg(l.quantity ORDER BY r.at DESC, r.id))[1] AS "lastQuantity", max(r.at) AS "lastAt"
      FROM recent r JOIN "OrderLine" l ON l."orderId" = r.id AND NOT l."freeGoods"
      GROUP BY l."productId", r."companyId"
    )
    SELECT per."productId", p.sku, p.name, p.unit, co.code, coalesce(co."tradeName", co."legalName") AS "vendorName", per.times, per."lastQuantity", per."lastAt"
    FROM per
    JOIN "Product" p ON p.id = per."productId" AND p."companyId" = per."companyId" AND p.active
    JOIN "Company" co ON co.id = per."companyId"
    ORDER BY per.times DESC, per."lastAt" DESC, per."productId"
    LIMIT ${USUAL_ITEMS}`;
  return rows.map((r) => ({
    vendor: { code: r.code, name: r.vendorName },
    productId: r.productId,
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    timesOrdered: r.times,
    lastQuantity: new Prisma.Decimal(r.lastQuantity).toFixed(3),
    lastOrderedAt: r.lastAt.toISOString(),
  }));
}
