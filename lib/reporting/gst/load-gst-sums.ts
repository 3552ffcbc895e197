import "server-only";
// The period's documents as GSTR-1 and GSTR-3B read them, summed by PostgreSQL in numeric: each
// document's taxable lines per rate and its nil-rated lines (one row per document, read in runs of
// days of at most 50,000 documents), Table 7's B2C-small groups and Table 12's HSN groups (GROUP BY) — instead of every line
// into Node to be added there as Decimals (at 40,000 invoices, 160,000 lines: 15–22 s).
//
// The builders treat these exactly as they treat sums they make from lines themselves
// (build-gstr1.ts `summarizeDocument`, `b2csGroupsOf`, `hsnGroupsOf`); an integration test builds
// the same month both ways and compares the bytes.
//
// The validator names the line of every problem, so it needs lines — but only of documents that
// may have one: each document row says whether any line or total fails a check here that is wider
// than the validator's own (a superset), and only those documents' lines are read, for the
// validator's unchanged checks.
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { GST_RATES, RATE_40_FROM } from "./validate-gstr1";
import type { GstB2csGroup, GstDocumentSums, GstHsnGroup, GstRateSums, GstSupplyType } from "./types";
import { UQC_CODES, UQC_ALIASES } from "./uqc";

/** Documents summed in one statement at most (a month of 40,000 is one: one pass over the lines). */
const CHUNK = 50_000;
const nonRegular: GstSupplyType[] = ["sez_with_payment", "sez_without_payment", "export_with_payment", "export_without_payment", "deemed_export"];
const supplyTypes = new Set<GstSupplyType>(nonRegular);

/** A regular supply (the loader reads an unknown supply type as regular): its 0 % lines are nil-rated. */
const regular = Prisma.sql`coalesce(i."supplyType", 'regular') NOT IN (${Prisma.join(nonRegular)})`;
/** A line the return reports as taxable (not nil-rated). */
const taxedLine = Prisma.sql`NOT (${regular} AND l."gstRate" = 0)`;
const sign = Prisma.sql`(CASE WHEN i.type = 'CREDIT_NOTE' THEN -1 ELSE 1 END)`;
/** Unit spellings the validator accepts without a warning, as typed (a unit not among them is checked in Node). */
const knownUnits = [...new Set([...UQC_CODES, ...Object.keys(UQC_ALIASES)].flatMap((u) => [u, u.toLowerCase()]))];

type SumsRow = Omit<GstDocumentSums, "original" | "shippingBill" | "rates" | "untaxed"> & {
  originalNumber: string | null;
  originalIssueDate: string | null;
  originalGrandTotal: string | null;
  originalTaxType: string | null;
  rates: GstRateSums[] | null;
  nil: string | null;
  suspect: boolean;
};

export type GstSumsPage = { documents: GstDocumentSums[]; suspects: string[] };

/**
 * The period's documents (cancelled ones too), each with its taxable lines summed per rate and its
 * nil-rated lines summed; and the ids of the issued ones whose lines or totals may fail a check.
 */
export async function loadGstSums(ctx: Ctx, companyId: string, from: string, to: string, opts: { hsnMinDigits: number }): Promise<GstSumsPage> {
  const documents: GstDocumentSums[] = [];
  const suspects: string[] = [];
  for (const chunk of await dayChunks(ctx, companyId, from, to)) {
    const rows = await ctx.db.$queryRaw<SumsRow[]>(gstSumsSql(companyId, chunk.from, chunk.to, opts));
    for (const r of rows) {
      documents.push(toSums(r));
      if (r.suspect) suspects.push(r.id);
    }
  }
  return { documents, suspects };
}

/**
 * The period as runs of whole days of at most CHUNK documents each (a day with more is a run of its
 * own): each run is one statement that reads its documents' lines by invoice (a lateral index
 * lookup: whatever the statistics say, never a scan of every company's lines per run, nor a nested
 * loop over a company's lines for each document) and groups them once — pages of 5,000 documents
 * each summing its own lines took 1 s a page (EXPLAIN ANALYZE in bench/results/reports-2026-12-06-gstr1.json).
 */
async function dayChunks(ctx: Ctx, companyId: string, from: string, to: string): Promise<{ from: string; to: string }[]> {
  const days = await ctx.db.$queryRaw<{ day: string; n: number }[]>`
    SELECT to_char("issueDate", 'YYYY-MM-DD') AS day, count(*)::int AS n FROM "Invoice"
    WHERE "companyId" = ${companyId} AND "issueDate" BETWEEN ${from}::date AND ${to}::date
    GROUP BY "issueDate" ORDER BY "issueDate"`;
  const chunks: { from: string; to: string; n: number }[] = [];
  for (const d of days) {
    const last = chunks.at(-1);
    if (last && last.n + d.n <= CHUNK) {
      last.to = d.day;
      last.n += d.n;
    } else chunks.push({ from: d.day, to: d.day, n: d.n });
  }
  return chunks;
}

/** The documents of the days from–to, summed (exported for the benchmark's plans). */
export function gstSumsSql(companyId: string, from: string, to: string, opts: { hsnMinDigits: number }): Prisma.Sql {
  const lineSuspect = Prisma.sql`(
       l."hsnCode" IS NULL OR l."hsnCode" !~ '^([0-9]{4}|[0-9]{6}|[0-9]{8})$' OR length(l."hsnCode") < ${opts.hsnMinDigits}
    OR l."gstRate" NOT IN (${Prisma.join(GST_RATES.map((r) => Prisma.sql`${r}::numeric`))}) OR (l."gstRate" = 40 AND i."issueDate" < ${RATE_40_FROM}::date)
    OR coalesce(l.unit, '') NOT IN (SELECT unnest(${knownUnits}::text[]))
    OR (i."supplyType" IN ('sez_without_payment', 'export_without_payment') AND (l."cgstAmount" <> 0 OR l."sgstAmount" <> 0 OR l."igstAmount" <> 0))
    OR (i."taxType" = 'intra' AND l."igstAmount" <> 0) OR (i."taxType" <> 'intra' AND (l."cgstAmount" <> 0 OR l."sgstAmount" <> 0))
    OR abs(l."taxableValue" * l."gstRate" / 100 - (l."cgstAmount" + l."sgstAmount" + l."igstAmount")) > 0.99
    OR l."taxableValue" + l."cgstAmount" + l."sgstAmount" + l."igstAmount" + l."cessAmount" <> l."lineTotal")`;
  // Lines are found by their invoice alone (the documents are the company's; a line is its invoice's): with
  // the company in the lateral too, stale statistics after a bulk import made the planner AND in the
  // company's index and scan all its lines for every document.
  const header = Prisma.sql`i.id, i.type::text AS type, i.number, i.status::text AS status, to_char(i."issueDate", 'YYYY-MM-DD') AS "issueDate",
             i."supplyType", i."reverseCharge", i."taxType", i."supplierStateCode", i."placeOfSupply", i."buyerGstin", i."buyerName",
             i."taxableTotal"::text AS "taxableTotal", i."cgstTotal"::text AS "cgstTotal", i."sgstTotal"::text AS "sgstTotal", i."igstTotal"::text AS "igstTotal",
             i."cessTotal"::text AS "cessTotal", i."roundOff"::text AS "roundOff", i."grandTotal"::text AS "grandTotal",
             oi.number AS "originalNumber", to_char(oi."issueDate", 'YYYY-MM-DD') AS "originalIssueDate", oi."grandTotal"::text AS "originalGrandTotal", oi."taxType" AS "originalTaxType"`;
  const period = Prisma.sql`i."companyId" = ${companyId} AND i."issueDate" BETWEEN ${from}::date AND ${to}::date`;
  const original = Prisma.sql`LEFT JOIN "Invoice" oi ON oi.id = i."originalInvoiceId" AND oi."companyId" = i."companyId"`;
  return Prisma.sql`
      WITH g AS (
        SELECT l."invoiceId", l."gstRate" AS rt, ${taxedLine} AS taxed, count(*) AS lines, bool_or(${lineSuspect}) AS bad,
               sum(l."taxableValue") AS txval, sum(l."igstAmount") AS iamt, sum(l."cgstAmount") AS camt, sum(l."sgstAmount") AS samt, sum(l."cessAmount") AS csamt
        FROM "Invoice" i CROSS JOIN LATERAL (SELECT * FROM "InvoiceLine" l WHERE l."invoiceId" = i.id) l
        WHERE ${period}
        GROUP BY l."invoiceId", l."gstRate", i."supplyType"
      ), s AS (
        SELECT "invoiceId",
               json_agg(json_build_object('rt', trim_scale(rt)::text, 'txval', txval::text, 'iamt', iamt::text, 'camt', camt::text, 'samt', samt::text, 'csamt', csamt::text) ORDER BY rt) FILTER (WHERE taxed) AS rates,
               sum(txval) FILTER (WHERE NOT taxed) AS nil, bool_or(bad) AS bad,
               sum(txval) AS txval, sum(iamt) AS iamt, sum(camt) AS camt, sum(samt) AS samt, sum(csamt) AS csamt
        FROM g GROUP BY "invoiceId"
      )
      SELECT * FROM (
        -- Documents with lines: joined to their header by primary key.
        SELECT ${header}, s.rates, s.nil::text AS nil,
               (i.status = 'ISSUED' AND (s.bad
                 OR s.txval <> i."taxableTotal" OR s.camt <> i."cgstTotal" OR s.samt <> i."sgstTotal" OR s.iamt <> i."igstTotal" OR s.csamt <> i."cessTotal"
                 OR i."taxableTotal" + i."cgstTotal" + i."sgstTotal" + i."igstTotal" + i."cessTotal" + i."roundOff" <> i."grandTotal")) AS suspect
        FROM s JOIN "Invoice" i ON i.id = s."invoiceId" AND i."companyId" = ${companyId}
        ${original}
        UNION ALL
        -- Documents without a line (the validator names them).
        SELECT ${header}, NULL::json AS rates, NULL::text AS nil, i.status = 'ISSUED' AS suspect
        FROM "Invoice" i ${original}
        WHERE ${period} AND NOT EXISTS (SELECT 1 FROM "InvoiceLine" l WHERE l."invoiceId" = i.id)
      ) docs
      ORDER BY "issueDate", number`;
}

function toSums(r: SumsRow): GstDocumentSums {
  const { originalNumber, originalIssueDate, originalGrandTotal, originalTaxType, rates, nil, suspect: _suspect, ...doc } = r;
  return {
    ...doc,
    supplyType: supplyTypes.has(r.supplyType) ? r.supplyType : "regular",
    taxType: r.taxType === "intra" ? "intra" : "inter",
    original: originalNumber ? { number: originalNumber, issueDate: originalIssueDate!, grandTotal: originalGrandTotal!, taxType: originalTaxType === "intra" ? "intra" : "inter" } : null,
    shippingBill: null,
    rates: rates ?? [],
    untaxed: nil === null ? null : { nil, exempt: null, nonGst: null },
  };
}

/** Table 7: the given B2C-small documents' taxable lines per place of supply, tax type and rate, credit notes subtracted. */
export async function loadB2csGroups(ctx: Ctx, companyId: string, documentIds: string[]): Promise<GstB2csGroup[]> {
  if (documentIds.length === 0) return [];
  return ctx.db.$queryRaw<GstB2csGroup[]>(b2csGroupsSql(companyId, documentIds));
}

export function b2csGroupsSql(companyId: string, documentIds: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT i."placeOfSupply" AS pos, CASE WHEN i."taxType" = 'intra' THEN 'intra' ELSE 'inter' END AS "taxType", trim_scale(l."gstRate")::text AS rt,
           sum(${sign} * l."taxableValue")::text AS txval, sum(${sign} * l."igstAmount")::text AS iamt, sum(${sign} * l."cgstAmount")::text AS camt,
           sum(${sign} * l."sgstAmount")::text AS samt, sum(${sign} * l."cessAmount")::text AS csamt
    FROM "Invoice" i
    JOIN "InvoiceLine" l ON l."invoiceId" = i.id AND l."companyId" = i."companyId"
    WHERE i."companyId" = ${companyId} AND i.id = ANY(${documentIds}::text[]) AND ${taxedLine}
    GROUP BY i."placeOfSupply", 2, l."gstRate"`;
}

type HsnRow = Omit<GstHsnGroup, "first" | "description"> & { first: GstHsnGroup["first"] & { description: string } };

/**
 * Table 12: the period's issued lines per tab (b2b: a buyer with a GSTIN, not an export), HSN,
 * rate and unit, credit notes subtracted, with the group's first line (issue date, number,
 * position — the order the builder reads documents in) and its description.
 */
export async function loadHsnGroups(ctx: Ctx, companyId: string, from: string, to: string): Promise<GstHsnGroup[]> {
  const rows = await ctx.db.$queryRaw<HsnRow[]>(hsnGroupsSql(companyId, from, to));
  return rows.map(({ first: { description, ...first }, ...g }) => ({ ...g, description, first }));
}

export function hsnGroupsSql(companyId: string, from: string, to: string): Prisma.Sql {
  // Sums by hash aggregate; each group's first line is then looked up on its first day only.
  const b2b = Prisma.sql`(coalesce(i."buyerGstin", '') <> '' AND coalesce(i."supplyType", '') NOT IN ('export_with_payment', 'export_without_payment'))`;
  return Prisma.sql`
    WITH g AS (
      SELECT ${b2b} AS b2b, l."hsnCode", l."gstRate", l.unit, min(i."issueDate") AS "firstDay",
             sum(${sign} * l.quantity)::text AS qty,
             sum(${sign} * l."taxableValue")::text AS txval, sum(${sign} * l."igstAmount")::text AS iamt, sum(${sign} * l."cgstAmount")::text AS camt,
             sum(${sign} * l."sgstAmount")::text AS samt, sum(${sign} * l."cessAmount")::text AS csamt
      FROM "Invoice" i
      JOIN "InvoiceLine" l ON l."invoiceId" = i.id AND l."companyId" = i."companyId"
      WHERE i."companyId" = ${companyId} AND i.status = 'ISSUED' AND i."issueDate" BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, l."hsnCode", l."gstRate", l.unit
    )
    SELECT g.b2b, g."hsnCode", trim_scale(g."gstRate")::text AS rt, g.unit, g.qty, g.txval, g.iamt, g.camt, g.samt, g.csamt, f.first
    FROM g
    CROSS JOIN LATERAL (
      SELECT json_build_object('description', l.description, 'issueDate', to_char(i."issueDate", 'YYYY-MM-DD'), 'number', i.number, 'position', l.position) AS first
      FROM "Invoice" i
      JOIN "InvoiceLine" l ON l."invoiceId" = i.id AND l."companyId" = i."companyId"
      WHERE i."companyId" = ${companyId} AND i.status = 'ISSUED' AND i."issueDate" = g."firstDay"
        AND l."hsnCode" = g."hsnCode" AND l."gstRate" = g."gstRate" AND l.unit = g.unit AND ${b2b} = g.b2b
      ORDER BY i.number COLLATE "C", l.position
      LIMIT 1
    ) f`;
}
