import "server-only";
// Retailer credit-limit usage (GET /api/v1/reports/receivables/credit-limits), today: per retailer,
// its limit, what counts against it — exactly what the order credit check adds up
// (lib/orders/credit.ts): the ledger outstanding (lib/billing/outstanding.ts) plus open orders not
// yet invoiced — the share of the limit used, whether it is over, and its orders on credit hold.
// A limit of 0 means no limit. Active and suspended retailers, and any other with a balance or an
// open order. Most used first. reports.read + billing.read.
import { getOutstandingByConnection } from "@/lib/billing/outstanding";
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";
import { owingStatuses } from "@/lib/orders/credit";
import { istDay } from "@/lib/pricing/dates";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { parseInput } from "@/lib/validation";
import { creditUsageInput, type creditUsageStatuses, type ReceivablesFilterValues } from "./receivables.schemas";

const D = Prisma.Decimal;
/** At or above this share of the limit a retailer is "near" it. */
export const NEAR_LIMIT_PERCENT = 80;

export type CreditState = "over" | "near" | "ok" | "no_limit";
export type CreditUsageRow = {
  connectionId: string;
  name: string;
  customerCode: string | null;
  status: ConnectionStatus;
  paymentTermsDays: number;
  creditLimit: string;
  /** Ledger balance today (receivables less unapplied credit). */
  outstanding: string;
  /** Placed orders not yet invoiced (their value after returns and invoices). */
  openOrders: string;
  /** outstanding + openOrders: what the credit check compares with the limit. */
  exposure: string;
  /** exposure ÷ limit × 100, one decimal; null without a limit. */
  usedPercent: string | null;
  /** limit − exposure (negative when over); null without a limit. */
  headroom: string | null;
  state: CreditState;
  onHold: { orders: number; value: string };
};
export type CreditUsage = {
  asOf: string;
  filters: ReceivablesFilterValues;
  status: (typeof creditUsageStatuses)[number];
  rows: CreditUsageRow[];
  truncated: boolean;
  totals: { retailers: number; over: number; near: number; onHoldOrders: number; onHoldValue: string; creditLimit: string; exposure: string };
};

type Row = { id: string; name: string; customerCode: string | null; status: ConnectionStatus; paymentTermsDays: number; creditLimit: Prisma.Decimal; openOrders: Prisma.Decimal | null; holdOrders: number | null; holdValue: Prisma.Decimal | null };

export async function getCreditUsage(ctx: Ctx, input: unknown = {}): Promise<CreditUsage> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "receivables");
  const q = parseInput(creditUsageInput, input);
  const companyId = ctx.actor.companyId;
  const filters = q.connectionId ? { connectionId: q.connectionId } : {};
  const conn = q.connectionId ? Prisma.sql`AND c.id = ${q.connectionId}` : Prisma.empty;
  const [rows, ledger] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`
      SELECT c.id, coalesce(r."tradeName", r."legalName") AS name, c."customerCode", c.status, c."paymentTermsDays", c."creditLimit",
             o.open AS "openOrders", h.n AS "holdOrders", h.value AS "holdValue"
      FROM "Connection" c JOIN "Retailer" r ON r.id = c."retailerId"
      LEFT JOIN (
        SELECT "connectionId", sum("grandTotal" - "returnedTotal" - "invoicedTotal") AS open FROM "Order"
        WHERE "companyId" = ${companyId} AND status::text = ANY(${[...owingStatuses]}) AND "grandTotal" - "returnedTotal" - "invoicedTotal" > 0
        GROUP BY 1
      ) o ON o."connectionId" = c.id
      LEFT JOIN (
        SELECT "connectionId", count(*)::int AS n, sum("grandTotal") AS value FROM "Order"
        WHERE "companyId" = ${companyId} AND status = 'PLACED' AND "creditHold"
        GROUP BY 1
      ) h ON h."connectionId" = c.id
      WHERE c."companyId" = ${companyId} ${conn}`,
    getOutstandingByConnection(ctx.db, companyId, q.connectionId ? [q.connectionId] : undefined),
  ]);
  const all = rows
    .map((r) => usage(r, new D(ledger.get(r.id) ?? 0)))
    .filter((u) => u.status === "ACTIVE" || u.status === "SUSPENDED" || !new D(u.exposure).isZero() || u.onHold.orders > 0);
  const matching = all.filter((u) => q.status === "all" || (q.status === "on_hold" ? u.onHold.orders > 0 : u.state === q.status));
  matching.sort((a, b) => Number(b.usedPercent ?? -1) - Number(a.usedPercent ?? -1) || Number(b.exposure) - Number(a.exposure) || a.name.localeCompare(b.name));
  const sum = (xs: CreditUsageRow[], f: (u: CreditUsageRow) => string) => xs.reduce((s, u) => s.plus(f(u)), new D(0)).toFixed(2);
  return {
    asOf: istDay(ctx.now()),
    filters,
    status: q.status,
    rows: matching.slice(0, q.limit),
    truncated: matching.length > q.limit,
    totals: {
      retailers: matching.length,
      over: matching.filter((u) => u.state === "over").length,
      near: matching.filter((u) => u.state === "near").length,
      onHoldOrders: matching.reduce((s, u) => s + u.onHold.orders, 0),
      onHoldValue: sum(matching, (u) => u.onHold.value),
      creditLimit: sum(matching, (u) => u.creditLimit),
      exposure: sum(matching, (u) => u.exposure),
    },
  };
}

function usage(r: Row, outstanding: Prisma.Decimal): CreditUsageRow {
  const limit = new D(r.creditLimit);
  const open = new D(r.openOrders ?? 0);
  const exposure = outstanding.plus(open);
  const hasLimit = limit.gt(0);
  const used = hasLimit ? exposure.div(limit).times(100) : null;
  const state: CreditState = !hasLimit ? "no_limit" : exposure.gt(limit) ? "over" : used!.gte(NEAR_LIMIT_PERCENT) ? "near" : "ok";
  return {
    connectionId: r.id,
    name: r.name,
    customerCode: r.customerCode,
    status: r.status,
    paymentTermsDays: r.paymentTermsDays,
    creditLimit: limit.toFixed(2),
    outstanding: outstanding.toFixed(2),
    openOrders: open.toFixed(2),
    exposure: exposure.toFixed(2),
    usedPercent: used === null ? null : used.toDecimalPlaces(1).toFixed(1),
    headroom: hasLimit ? limit.minus(exposure).toFixed(2) : null,
    state,
    onHold: { orders: r.holdOrders ?? 0, value: new D(r.holdValue ?? 0).toFixed(2) },
  };
}
