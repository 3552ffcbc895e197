import "server-only";
// The period's documents of one company, as the pure return builders read them, and the
// previous financial year's turnover from the same books (it decides the HSN digits).
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate } from "@/lib/pricing/dates";
import { financialYearOf } from "./period";
import type { GstDocument, GstSupplyType } from "./types";

const supplyTypes = new Set<GstSupplyType>(["regular", "sez_with_payment", "sez_without_payment", "export_with_payment", "export_without_payment", "deemed_export"]);

// Documents are read in pages of 5,000 in (issue date, number) order — the number is unique per
// company — each page one statement with the lines as JSON and every amount as text: no Decimal
// objects for 160,000 lines of a 40,000-invoice month (reading them through the ORM took most of the
// return's time and memory, and one read of the whole month passed PostgreSQL's 32,767-parameter
// limit with the IN list of its lines).
const PAGE = 5_000;

type Row = Omit<GstDocument, "original" | "shippingBill" | "lines"> & {
  originalNumber: string | null;
  originalIssueDate: string | null;
  originalGrandTotal: string | null;
  originalTaxType: string | null;
  lines: GstDocument["lines"] | null;
};

export async function loadGstDocuments(ctx: Ctx, companyId: string, from: string, to: string, opts: { ids?: string[] } = {}): Promise<GstDocument[]> {
  const only = opts.ids ? Prisma.sql`AND i.id = ANY(${opts.ids}::text[])` : Prisma.empty;
  const out: GstDocument[] = [];
  let after: { issueDate: string; number: string } | undefined;
  for (;;) {
    const keyset = after ? Prisma.sql`AND (i."issueDate", i.number) > (${after.issueDate}::date, ${after.number})` : Prisma.empty;
    const page = await ctx.db.$queryRaw<Row[]>`
      SELECT i.id, i.type::text AS type, i.number, i.status::text AS status, to_char(i."issueDate", 'YYYY-MM-DD') AS "issueDate",
             i."supplyType", i."reverseCharge", i."taxType", i."supplierStateCode", i."placeOfSupply", i."buyerGstin", i."buyerName",
             i."taxableTotal"::text AS "taxableTotal", i."cgstTotal"::text AS "cgstTotal", i."sgstTotal"::text AS "sgstTotal", i."igstTotal"::text AS "igstTotal",
             i."cessTotal"::text AS "cessTotal", i."roundOff"::text AS "roundOff", i."grandTotal"::text AS "grandTotal",
             oi.number AS "originalNumber", to_char(oi."issueDate", 'YYYY-MM-DD') AS "originalIssueDate", oi."grandTotal"::text AS "originalGrandTotal", oi."taxType" AS "originalTaxType",
             (SELECT json_agg(json_build_object(
                       'position', l.position, 'description', l.description, 'hsnCode', l."hsnCode", 'unit', l.unit,
                       'quantity', trim_scale(l.quantity)::text, 'taxableValue', l."taxableValue"::text,
                       'gstRate', trim_scale(l."gstRate")::text, 'cessRate', trim_scale(l."cessRate")::text,
                       'cgstAmount', l."cgstAmount"::text, 'sgstAmount', l."sgstAmount"::text, 'igstAmount', l."igstAmount"::text,
                       'cessAmount', l."cessAmount"::text, 'lineTotal', l."lineTotal"::text) ORDER BY l.position)
              FROM "InvoiceLine" l WHERE l."invoiceId" = i.id AND l."companyId" = i."companyId") AS lines
      FROM "Invoice" i
      LEFT JOIN "Invoice" oi ON oi.id = i."originalInvoiceId" AND oi."companyId" = i."companyId"
      WHERE i."companyId" = ${companyId} AND i."issueDate" BETWEEN ${from}::date AND ${to}::date ${only} ${keyset}
      ORDER BY i."issueDate", i.number
      LIMIT ${PAGE}`;
    for (const r of page) out.push(toGstDocument(r));
    if (page.length < PAGE) return out;
    after = page[page.length - 1]!;
  }
}

function toGstDocument(r: Row): GstDocument {
  const { originalNumber, originalIssueDate, originalGrandTotal, originalTaxType, lines, ...doc } = r;
  return {
    ...doc,
    supplyType: supplyTypes.has(r.supplyType) ? r.supplyType : "regular",
    taxType: r.taxType === "intra" ? "intra" : "inter",
    original: originalNumber ? { number: originalNumber, issueDate: originalIssueDate!, grandTotal: originalGrandTotal!, taxType: originalTaxType === "intra" ? "intra" : "inter" } : null,
    shippingBill: null,
    lines: lines ?? [],
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


/** Numbers of the period's series, inside the period's ranges, that were issued in another period (backdated documents). */
export async function otherPeriodNumbers(ctx: Ctx, companyId: string, docs: Pick<GstDocument, "type" | "number">[], from: string, to: string): Promise<string[]> {
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
