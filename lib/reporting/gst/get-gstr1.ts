import "server-only";
// GSTR-1 of a period for the actor's company: the portal JSON, the validator's problems, the
// tie-out to the books and a per-section summary. Read-only; reports.read.
import { PassThrough, Readable } from "node:stream";
import { assertCan } from "@/lib/auth/permissions";
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { assembleGstr1, classesOf, inPeriodSorted, type Gstr1Json } from "./build-gstr1";
import { writeGstr1Workbook } from "./gstr1-workbook";
import { readReturnPeriod } from "./gst-returns.schemas";
import { loadGstDocuments, otherPeriodNumbers, previousYearTurnover } from "./load-gst-documents";
import { loadB2csGroups, loadGstSums, loadHsnGroups } from "./load-gst-sums";
import type { ReturnPeriod } from "./period";
import { sectionSums, tieOut, type Amounts, type TieOut } from "./tie-out";
import type { GstDocumentHeader } from "./types";
import { hsnMinDigits, validateGstr1Documents, type Gstr1Problem } from "./validate-gstr1";

export type Gstr1SectionSummary = { section: string; label: string; records: number } & Amounts;
export type Gstr1Report = {
  period: ReturnPeriod;
  gstin: string;
  json: Gstr1Json;
  problems: Gstr1Problem[];
  tieOut: TieOut;
  sections: Gstr1SectionSummary[];
  /** Previous financial year's turnover from the books (decides 4- or 6-digit HSN). */
  turnover: string;
  hsnDigits: 4 | 6;
};

export const sectionLabels: Record<string, string> = {
  b2b: "4A, 4B, 6B, 6C — B2B, SEZ, deemed exports",
  b2cl: "5 — B2C large (inter-state)",
  b2cs: "7 — B2C small",
  cdnr: "9B — Credit/debit notes (registered)",
  cdnur: "9B — Credit/debit notes (unregistered)",
  exp: "6A — Exports",
  nil: "8 — Nil rated, exempt, non-GST",
  hsn: "12 — HSN summary",
  doc_issue: "13 — Documents issued",
};

export async function getGstr1(ctx: Ctx, input: unknown): Promise<Gstr1Report> {
  ctx = onReplica(ctx);
  return (await prepare(ctx, input)).report;
}

/** The offline tool's Excel workbook of the period, streamed (the file is never whole in memory). */
export async function getGstr1Workbook(ctx: Ctx, input: unknown): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  ctx = onReplica(ctx);
  const { report, documents } = await prepare(ctx, input);
  const out = new PassThrough();
  writeGstr1Workbook(out, report.json, documents).catch((err: unknown) => out.destroy(err as Error));
  return { filename: `GSTR1_${report.gstin}_${report.period.fp}.xlsx`, body: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}

async function prepare(ctx: Ctx, input: unknown): Promise<{ report: Gstr1Report; documents: GstDocumentHeader[] }> {
  assertCan(ctx.actor, "reports.read");
  const period = readReturnPeriod(input);
  const companyId = ctx.actor.companyId;
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: companyId }, select: { gstin: true } });
  if (!company.gstin) throw new AppError("conflict", "The company has no GSTIN: add it in Settings → Company before preparing GST returns");
  const turnover = await previousYearTurnover(ctx, companyId, period.from);
  const [sums, hsn] = await Promise.all([loadGstSums(ctx, companyId, period.from, period.to, { hsnMinDigits: hsnMinDigits(turnover) }), loadHsnGroups(ctx, companyId, period.from, period.to)]);
  const documents = inPeriodSorted(sums.documents, period);
  const classes = classesOf(documents);
  const b2csIds = documents.filter((d) => { const k = classes.get(d.id)?.kind; return k === "b2cs" || k === "b2cs_note"; }).map((d) => d.id);
  const [b2cs, others, suspects] = await Promise.all([
    loadB2csGroups(ctx, companyId, b2csIds),
    otherPeriodNumbers(ctx, companyId, documents, period.from, period.to),
    sums.suspects.length ? loadGstDocuments(ctx, companyId, period.from, period.to, { ids: sums.suspects }) : Promise.resolve([]),
  ]);
  const { json, series } = assembleGstr1({ gstin: company.gstin, fp: period.fp, period, documents, classes, b2cs, hsn, otherPeriodNumbers: others });
  // Lines only where the database saw something a check may name; the other documents' headers are checked alone.
  const withLines = new Map(suspects.map((d) => [d.id, d.lines]));
  const problems = validateGstr1Documents(documents.map((d) => ({ ...d, lines: withLines.get(d.id) ?? null })), series, { aato: turnover });
  const tie = tieOut({ period, json, inPeriod: documents, classes, series });
  return { report: { period, gstin: company.gstin, json, problems, tieOut: tie, sections: summarize(json), turnover, hsnDigits: Number(turnover) > 50_000_000 ? 6 : 4 }, documents };
}

function summarize(json: Gstr1Json): Gstr1SectionSummary[] {
  const sums = sectionSums(json);
  const records: Record<string, number> = {
    b2b: (json.b2b ?? []).reduce((n, g) => n + g.inv.length, 0),
    b2cl: (json.b2cl ?? []).reduce((n, g) => n + g.inv.length, 0),
    b2cs: json.b2cs?.length ?? 0,
    cdnr: (json.cdnr ?? []).reduce((n, g) => n + g.nt.length, 0),
    cdnur: json.cdnur?.length ?? 0,
    exp: (json.exp ?? []).reduce((n, g) => n + g.inv.length, 0),
    nil: json.nil?.inv.length ?? 0,
  };
  const zero = { taxable: "0.00", igst: "0.00", cgst: "0.00", sgst: "0.00", cess: "0.00" };
  return Object.keys(records).map((section) => {
    const s = sums.get(section);
    return { section, label: sectionLabels[section]!, records: records[section]!, ...(s ? { taxable: s.txval.toFixed(2), igst: s.iamt.toFixed(2), cgst: s.camt.toFixed(2), sgst: s.samt.toFixed(2), cess: s.csamt.toFixed(2) } : zero) };
  });
}
