import "server-only";
// The period's documents of one company, as the pure return builders read them, and the
// previous financial year's turnover from the same books (it decides the HSN digits).
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate } from "@/lib/pricing/dates";
import { financialYearOf } from "./period";
import type { GstDocument, GstSupplyType } from "./types";

const supplyTypes = new Set<GstSupplyType>(["regular", "sez_with_payment", "sez_without_payment", "export_with_payment", "export_without_payment", "deemed_export"]);

// Documents are read in pages: Prisma loads a page's lines and original invoices with one IN list of
// its document ids, and PostgreSQL takes at most 32,767 parameters in one statement (a month of
// 40,000 invoices failed as one read).
const PAGE = 5_000;

export async function loadGstDocuments(ctx: Ctx, companyId: string, from: string, to: string): Promise<GstDocument[]> {
  const out: GstDocument[] = [];
  let after: { issueDate: Date; number: string } | undefined;
  for (;;) {
    const page = await loadPage(ctx, companyId, from, to, after);
    for (const r of page) out.push(toGstDocument(r));
    if (page.length < PAGE) return out;
    after = page[page.length - 1]!;
  }
}

/** The next page in (issue date, number) order; the number is unique per company. */
function loadPage(ctx: Ctx, companyId: string, from: string, to: string, after: { issueDate: Date; number: string } | undefined) {
  const keyset: Prisma.InvoiceWhereInput[] = after ? [{ issueDate: { gte: after.issueDate } }, { OR: [{ issueDate: { gt: after.issueDate } }, { issueDate: after.issueDate, number: { gt: after.number } }] }] : [];
  return ctx.db.invoice.findMany({
    where: { companyId, issueDate: { gte: dayToDbDate(from), lte: dayToDbDate(to) }, AND: keyset },
    orderBy: [{ issueDate: "asc" }, { number: "asc" }],
    take: PAGE,
    select: {
      id: true, type: true, number: true, status: true, issueDate: true, supplyType: true, reverseCharge: true, taxType: true, supplierStateCode: true, placeOfSupply: true,
      buyerGstin: true, buyerName: true, taxableTotal: true, cgstTotal: true, sgstTotal: true, igstTotal: true, cessTotal: true, roundOff: true, grandTotal: true,
      originalInvoice: { select: { number: true, issueDate: true, grandTotal: true, taxType: true } },
      lines: {
        orderBy: { position: "asc" },
        select: { position: true, description: true, hsnCode: true, unit: true, quantity: true, taxableValue: true, gstRate: true, cessRate: true, cgstAmount: true, sgstAmount: true, igstAmount: true, cessAmount: true, lineTotal: true },
      },
    },
  });
}

function toGstDocument(r: Awaited<ReturnType<typeof loadPage>>[number]): GstDocument {
  return {
    id: r.id,
    type: r.type,
    number: r.number,
    status: r.status,
    issueDate: day(r.issueDate),
    supplyType: supplyTypes.has(r.supplyType as GstSupplyType) ? (r.supplyType as GstSupplyType) : "regular",
    reverseCharge: r.reverseCharge,
    taxType: r.taxType === "intra" ? "intra" : "inter",
    supplierStateCode: r.supplierStateCode,
    placeOfSupply: r.placeOfSupply,
    buyerGstin: r.buyerGstin,
    buyerName: r.buyerName,
    taxableTotal: r.taxableTotal.toFixed(2),
    cgstTotal: r.cgstTotal.toFixed(2),
    sgstTotal: r.sgstTotal.toFixed(2),
    igstTotal: r.igstTotal.toFixed(2),
    cessTotal: r.cessTotal.toFixed(2),
    roundOff: r.roundOff.toFixed(2),
    grandTotal: r.grandTotal.toFixed(2),
    original: r.originalInvoice ? { number: r.originalInvoice.number, issueDate: day(r.originalInvoice.issueDate), grandTotal: r.originalInvoice.grandTotal.toFixed(2), taxType: r.originalInvoice.taxType === "intra" ? "intra" : "inter" } : null,
    shippingBill: null,
    lines: r.lines.map((l) => ({
      position: l.position,
      description: l.description,
      hsnCode: l.hsnCode,
      unit: l.unit,
      quantity: l.quantity.toString(),
      taxableValue: l.taxableValue.toFixed(2),
      gstRate: l.gstRate.toString(),
      cessRate: l.cessRate.toString(),
      cgstAmount: l.cgstAmount.toFixed(2),
      sgstAmount: l.sgstAmount.toFixed(2),
      igstAmount: l.igstAmount.toFixed(2),
      cessAmount: l.cessAmount.toFixed(2),
      lineTotal: l.lineTotal.toFixed(2),
    })),
  };
}

/**
 * Turnover of the financial year before `day`'s, from the books: taxable value of invoices and
 * debit notes less credit notes, cancelled excluded. Aggregate turnover is per PAN across all
 * registrations; the books know this GSTIN only, so this is a floor the accountant can judge.
 */
export async function previousYearTurnover(ctx: Ctx, companyId: string, day: string): Promise<string> {
  const fy = financialYearOf(day);
  const prevFrom = `${Number(fy.from.slice(0, 4)) - 1}-04-01`;
  const prevTo = `${Number(fy.from.slice(0, 4))}-03-31`;
  const [row] = await ctx.db.$queryRaw<{ total: Prisma.Decimal | null }[]>`
    SELECT sum(CASE WHEN type = 'CREDIT_NOTE' THEN -"taxableTotal" ELSE "taxableTotal" END) AS total
    FROM "Invoice"
    WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "issueDate" BETWEEN ${dayToDbDate(prevFrom)} AND ${dayToDbDate(prevTo)}`;
  return new Prisma.Decimal(row?.total ?? 0).toFixed(2);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Numbers of the period's series, inside the period's ranges, that were issued in another period (backdated documents). */
export async function otherPeriodNumbers(ctx: Ctx, companyId: string, docs: GstDocument[], from: string, to: string): Promise<string[]> {
  const ranges = new Map<string, { type: GstDocument["type"]; prefix: string; min: string; max: string }>();
  for (const d of docs) {
    const m = /^(.*?)(\d+)$/.exec(d.number);
    if (!m) continue;
    const key = `${d.type}|${m[1]}`;
    const r = ranges.get(key) ?? { type: d.type, prefix: m[1]!, min: d.number, max: d.number };
    if (d.number < r.min) r.min = d.number;
    if (d.number > r.max) r.max = d.number;
    ranges.set(key, r);
  }
  if (ranges.size === 0) return [];
  const rows = await ctx.db.invoice.findMany({
    where: {
      companyId,
      OR: [{ issueDate: { lt: dayToDbDate(from) } }, { issueDate: { gt: dayToDbDate(to) } }],
      AND: [{ OR: [...ranges.values()].map((r) => ({ type: r.type, number: { startsWith: r.prefix, gte: r.min, lte: r.max } })) }],
    },
    select: { number: true },
  });
  return rows.map((r) => r.number);
}
