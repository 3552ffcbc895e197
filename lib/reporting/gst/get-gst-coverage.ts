import "server-only";
// E-invoice and e-way bill coverage of a period: documents that needed an IRN and have none (past
// the 30-day reporting window or not), IRNs cancelled in the period, e-way bills expiring or
// expired, and invoices above the e-way bill threshold without one. Read-only; reports.read.
//
// - E-invoicing (Rule 48(4)) covers B2B documents, SEZ supplies and exports, when the company has
//   e-invoicing on (its turnover is above the limit). A taxpayer with AATO ≥ ₹10 crore cannot
//   report a document older than 30 days (from 1 Apr 2025): those are flagged "window passed".
// - E-way bills: Rule 138 above the company's threshold (₹50,000 by default), goods only (an
//   invoice of services alone needs none).
import { assertCan } from "@/lib/auth/permissions";
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate, istDay, startOfIstDay } from "@/lib/pricing/dates";
import { readReturnPeriod } from "./gst-returns.schemas";
import type { ReturnPeriod } from "./period";

const DAY_MS = 86_400_000;
export const IRN_WINDOW_DAYS = 30;
export const EWAY_EXPIRY_NOTICE_HOURS = 48;

export type CoverageDocument = { id: string; number: string; type: string; issueDate: string; buyerName: string; grandTotal: string };
export type GstCoverage = {
  period: ReturnPeriod;
  eInvoiceEnabled: boolean;
  ewayBillThreshold: string;
  missingIrn: (CoverageDocument & { eInvoiceStatus: string; eInvoiceError: string | null; ageDays: number; windowPassed: boolean })[];
  cancelledIrns: (CoverageDocument & { irn: string | null; irnCancelledAt: string })[];
  ewayExpiring: (CoverageDocument & { ewayBillNo: string; validUntil: string; expired: boolean })[];
  ewayMissing: CoverageDocument[];
};

const docSelect = { id: true, number: true, type: true, issueDate: true, buyerName: true, grandTotal: true } as const;

export async function getGstCoverage(ctx: Ctx, input: unknown): Promise<GstCoverage> {
  ctx = onReplica(ctx);
  assertCan(ctx.actor, "reports.read");
  const period = readReturnPeriod(input);
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  const today = dayToDbDate(istDay(now));
  const from = dayToDbDate(period.from);
  const to = dayToDbDate(period.to);
  const settings = await ctx.db.billingSettings.findUnique({ where: { companyId }, select: { eInvoiceEnabled: true, ewayBillThreshold: true } });
  const eInvoiceEnabled = settings?.eInvoiceEnabled ?? false;
  const threshold = settings?.ewayBillThreshold ?? new Prisma.Decimal(50000);

  const [missing, cancelled, expiring, aboveThreshold] = await Promise.all([
    eInvoiceEnabled
      ? ctx.db.invoice.findMany({
          where: { companyId, status: "ISSUED", issueDate: { gte: from, lte: to }, eInvoiceStatus: { not: "GENERATED" }, OR: [{ buyerGstin: { not: null } }, { supplyType: { startsWith: "export_" } }] },
          orderBy: [{ issueDate: "asc" }, { number: "asc" }],
          select: { ...docSelect, eInvoiceStatus: true, eInvoiceError: true },
        })
      : Promise.resolve([]),
    ctx.db.invoice.findMany({
      where: { companyId, irnCancelledAt: { gte: startOfIstDay(period.from), lt: new Date(startOfIstDay(period.to).getTime() + DAY_MS) } },
      orderBy: { irnCancelledAt: "asc" },
      select: { ...docSelect, irn: true, irnCancelledAt: true },
    }),
    ctx.db.invoice.findMany({
      where: {
        companyId,
        status: "ISSUED",
        ewayBillNo: { not: null },
        OR: [
          { ewayBillValidUntil: { gt: now, lte: new Date(now.getTime() + EWAY_EXPIRY_NOTICE_HOURS * 3600_000) } },
          { ewayBillValidUntil: { lte: now }, issueDate: { gte: from, lte: to } },
        ],
      },
      orderBy: { ewayBillValidUntil: "asc" },
      select: { ...docSelect, ewayBillNo: true, ewayBillValidUntil: true },
    }),
    ctx.db.invoice.findMany({
      where: { companyId, type: "INVOICE", status: "ISSUED", issueDate: { gte: from, lte: to }, ewayBillNo: null, grandTotal: { gt: threshold } },
      orderBy: [{ issueDate: "asc" }, { number: "asc" }],
      select: { ...docSelect, lines: { select: { hsnCode: true } } },
    }),
  ]);

  return {
    period,
    eInvoiceEnabled,
    ewayBillThreshold: threshold.toFixed(2),
    missingIrn: missing.map((d) => {
      const ageDays = Math.round((today.getTime() - d.issueDate.getTime()) / DAY_MS);
      return { ...view(d), eInvoiceStatus: d.eInvoiceStatus, eInvoiceError: d.eInvoiceError, ageDays, windowPassed: ageDays > IRN_WINDOW_DAYS };
    }),
    cancelledIrns: cancelled.map((d) => ({ ...view(d), irn: d.irn, irnCancelledAt: d.irnCancelledAt!.toISOString() })),
    ewayExpiring: expiring.map((d) => ({ ...view(d), ewayBillNo: d.ewayBillNo!, validUntil: d.ewayBillValidUntil!.toISOString(), expired: d.ewayBillValidUntil! <= now })),
    ewayMissing: aboveThreshold.filter((d) => d.lines.some((l) => !l.hsnCode.startsWith("99"))).map(view),
  };
}

function view(d: { id: string; number: string; type: string; issueDate: Date; buyerName: string; grandTotal: Prisma.Decimal }): CoverageDocument {
  return { id: d.id, number: d.number, type: d.type, issueDate: d.issueDate.toISOString().slice(0, 10), buyerName: d.buyerName, grandTotal: d.grandTotal.toFixed(2) };
}
