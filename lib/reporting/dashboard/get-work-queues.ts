import "server-only";
// The dashboard's work queues: what is waiting for someone, each a count and a link to the list
// filtered to exactly those records. A queue appears only for a role that may read its list.
// Overdue invoices are counted from the open receivables (lib/billing/open-receivables.ts): the
// invoices and debit notes open past their due date, without reading every open document.
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { inventorySummary } from "@/lib/inventory/stock-levels";
import { listFailedJobs } from "@/lib/jobs/dead-letter";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { IRN_WINDOW_DAYS } from "@/lib/reporting/gst/get-gst-coverage";
import { addDays } from "@/lib/reporting/sales/sales-drill";

export type WorkQueue = { key: string; label: string; detail: string; count: number | null; href: string };

/** `overdue`: the count when the caller reads it already (the dashboard's ageing summary has it). */
export async function getWorkQueues(ctx: Ctx, today: string, overdue?: Promise<number | null>): Promise<WorkQueue[]> {
  const actor = ctx.actor;
  if (actor.kind !== "staff") return [];
  const companyId = actor.companyId;
  const irnCutoff = addDays(today, -IRN_WINDOW_DAYS);
  const mayOrders = can(actor, "orders.read");
  const mayBilling = can(actor, "billing.read");
  const [orders, invoices, stock, failedJobs, overdueKnown] = await Promise.all([
    mayOrders
      ? ctx.db.$queryRaw<{ hold: number; toPack: number; toDispatch: number }[]>`
          SELECT count(*) FILTER (WHERE status = 'PLACED' AND "creditHold")::int AS hold,
                 count(*) FILTER (WHERE status = 'CONFIRMED')::int AS "toPack",
                 count(*) FILTER (WHERE status = 'PACKED')::int AS "toDispatch"
          FROM "Order" WHERE "companyId" = ${companyId} AND status IN ('PLACED', 'CONFIRMED', 'PACKED')`
      : null,
    mayBilling
      ? ctx.db.$queryRaw<{ overdue: number; irnLate: number; irnFailed: number; gatewayFailed: number; unapplied: number }[]>`
          SELECT
            ${overdue ? Prisma.sql`NULL::int` : Prisma.sql`(SELECT coalesce(sum(documents), 0)::int FROM "OpenReceivables" WHERE "companyId" = ${companyId} AND kind = 'DUE' AND day < ${today}::date)`} AS overdue,
            (SELECT count(*)::int FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "eInvoiceStatus" = 'PENDING'
               AND "issueDate" <= ${irnCutoff}::date) AS "irnLate",
            (SELECT count(*)::int FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "eInvoiceStatus" = 'FAILED') AS "irnFailed",
            (SELECT count(*)::int FROM "WebhookEvent" WHERE "companyId" = ${companyId} AND status = 'FAILED') AS "gatewayFailed",
            (SELECT count(*)::int FROM "Payment" WHERE "companyId" = ${companyId} AND kind = 'RECEIPT' AND status = 'RECORDED' AND "allocatedAmount" < amount) AS unapplied`
      : null,
    can(actor, "inventory.read") ? inventorySummary(ctx) : null,
    can(actor, "audit.read") || can(actor, "company.write")
      ? listFailedJobs(ctx).then(
          (jobs) => jobs.length,
          (err: unknown) => {
            // The job queue may be unreachable; the dashboard says so instead of failing.
            log("warn", "dashboard: failed jobs not counted", { err: String(err), requestId: ctx.requestId });
            return null;
          },
        )
      : undefined,
    mayBilling && overdue ? overdue : null,
  ]);

  const queues: WorkQueue[] = [];
  if (orders) {
    const o = orders[0]!;
    queues.push(
      { key: "credit_hold", label: "Orders on credit hold", detail: "Over the credit limit: release or cancel", count: o.hold, href: "/orders?status=on_hold" },
      { key: "to_pack", label: "Orders to pack", detail: "Confirmed, waiting for the warehouse", count: o.toPack, href: "/orders?status=confirmed" },
      { key: "to_dispatch", label: "Orders to dispatch", detail: "Packed, waiting for a vehicle", count: o.toDispatch, href: "/orders?status=packed" },
    );
  }
  if (invoices) {
    const i = invoices[0]!;
    queues.push(
      { key: "irn_late", label: "Invoices without IRN past 30 days", detail: `Issued on or before ${irnCutoff}: the IRP may refuse them`, count: i.irnLate, href: `/invoices?eInvoiceStatus=PENDING&to=${irnCutoff}` },
      { key: "irn_failed", label: "E-invoices failed", detail: "The IRP refused them: fix and retry", count: i.irnFailed, href: "/invoices?eInvoiceStatus=FAILED" },
      { key: "overdue", label: "Overdue invoices", detail: "Past their due date and not fully paid", count: overdueKnown ?? i.overdue, href: "/invoices?payment=overdue" },
      { key: "payments_review", label: "Payments to review", detail: `${i.gatewayFailed} gateway ${i.gatewayFailed === 1 ? "event" : "events"} failed · ${i.unapplied} receipts not fully allocated`, count: i.gatewayFailed + i.unapplied, href: i.gatewayFailed > 0 ? "/settings/payments/events" : "/payments" },
    );
  }
  if (stock) queues.push({ key: "low_stock", label: "Low or out of stock", detail: `${stock.lowCount} low · ${stock.outCount} out`, count: stock.lowCount + stock.outCount, href: "/inventory/low-stock" });
  if (failedJobs !== undefined) queues.push({ key: "failed_jobs", label: "Failed background jobs", detail: failedJobs === null ? "Could not be counted just now" : "Emails and notifications that ran out of retries", count: failedJobs, href: "/settings/jobs" });
  return queues;
}
