// GSTR-1 as the GST portal's offline tool imports it (JSON), built from the period's documents.
// Pure: the same documents always give the same bytes; no database, no clock (golden-tested).
//
// Shape (GSTN's GSTR-1 JSON, as the offline tool exports and imports it):
// - Top: gstin, fp (MMYYYY), version, hash "hash", then the sections that have rows.
// - Amounts are JSON numbers rounded half-up to 2 decimals; rates are numbers (18, 0.25); dates
//   dd-mm-yyyy; place of supply the 2-digit state code.
// - b2b / cdnr / b2cl / cdnur items are one per tax rate of the document ({num, itm_det}, num from
//   1 in ascending rate); exp items have no num/itm_det wrapper. Notes carry positive amounts,
//   ntty says C or D. Cancelled documents appear only in doc_issue.
// - hsn is {data} up to April 2025 and {hsn_b2b, hsn_b2c} from May 2025 (Table 12 split): B2B
//   rows are supplies to registered persons (b2b, cdnr), B2C rows everything else (b2cl, b2cs,
//   exp, cdnur). Credit notes reduce their HSN row (value and quantity). Services (SAC 99) file
//   UQC "NA" and no quantity; descriptions are cut to 30 characters.
// - doc_issue: per nature (1 invoices for outward supply, 4 debit notes, 5 credit notes) and
//   series, the range of numbers used in the period; numbers missing inside it count as
//   cancelled (the validator names them).
import { Prisma } from "@/lib/generated/prisma/client";
import { classify, signOf, treatmentOf, type DocClass } from "./classify";
import { parseReturnPeriod, type ReturnPeriod } from "./period";
import type { GstAmounts, GstB2csGroup, GstDocument, GstDocumentHeader, GstDocumentSums, GstHsnGroup, GstLine, GstRateSums, Gstr1Input } from "./types";
import { isService, uqcOf } from "./uqc";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** The offline tool's schema version this file targets (see the report on GST returns). */
export const GSTR1_JSON_VERSION = "GST3.0.4";
export const HSN_DESCRIPTION_LIMIT = 30;

export type ItmDet = { rt: number; txval: number; iamt: number; camt: number; samt: number; csamt: number };
export type B2bInv = { inum: string; idt: string; val: number; pos: string; rchrg: "Y" | "N"; inv_typ: string; itms: { num: number; itm_det: ItmDet }[] };
export type B2clInv = { inum: string; idt: string; val: number; itms: { num: number; itm_det: { rt: number; txval: number; iamt: number; csamt: number } }[] };
export type B2csRow = { sply_ty: "INTRA" | "INTER"; pos: string; typ: "OE"; rt: number; txval: number; iamt: number; camt: number; samt: number; csamt: number };
export type CdnrNote = { ntty: "C" | "D"; nt_num: string; nt_dt: string; val: number; pos: string; rchrg: "Y" | "N"; inv_typ: string; itms: { num: number; itm_det: ItmDet }[] };
export type CdnurNote = { typ: "B2CL" | "EXPWP" | "EXPWOP"; ntty: "C" | "D"; nt_num: string; nt_dt: string; val: number; pos?: string; itms: { num: number; itm_det: { rt: number; txval: number; iamt: number; csamt: number } }[] };
export type ExpInv = { inum: string; idt: string; val: number; sbpcode?: string; sbnum?: string; sbdt?: string; itms: { txval: number; rt: number; iamt: number; csamt: number }[] };
export type NilRow = { sply_ty: "INTRB2B" | "INTRAB2B" | "INTRB2C" | "INTRAB2C"; expt_amt: number; nil_amt: number; ngsup_amt: number };
export type HsnRow = { num: number; hsn_sc: string; desc: string; uqc: string; qty: number; rt: number; txval: number; iamt: number; camt: number; samt: number; csamt: number };
export type DocIssueRow = { num: number; from: string; to: string; totnum: number; cancel: number; net_issue: number };

export type Gstr1Json = {
  gstin: string;
  fp: string;
  version: string;
  hash: "hash";
  b2b?: { ctin: string; inv: B2bInv[] }[];
  b2cl?: { pos: string; inv: B2clInv[] }[];
  b2cs?: B2csRow[];
  cdnr?: { ctin: string; nt: CdnrNote[] }[];
  cdnur?: CdnurNote[];
  exp?: { exp_typ: "WPAY" | "WOPAY"; inv: ExpInv[] }[];
  nil?: { inv: NilRow[] };
  hsn?: { data: HsnRow[] } | { hsn_b2b?: HsnRow[]; hsn_b2c?: HsnRow[] };
  doc_issue?: { doc_det: { doc_num: number; docs: DocIssueRow[] }[] };
};

/** A series' numbers in the period, for doc_issue and its tie-out. */
export type SeriesRange = { nature: 1 | 4 | 5; prefix: string; from: string; to: string; totnum: number; present: number; cancelled: number; missing: string[] };

export type Gstr1Build<Doc extends GstDocumentHeader = GstDocument> = { period: ReturnPeriod; json: Gstr1Json; inPeriod: Doc[]; classes: Map<string, DocClass>; series: SeriesRange[] };

/**
 * GSTR-1 from the period's documents with their lines (the golden-tested reference): each document
 * summed per rate, Table 7 and Table 12 summed here, then assembled by `assembleGstr1` — the same
 * assembly the database path feeds with sums PostgreSQL made (load-gst-sums.ts).
 */
export function buildGstr1(input: Gstr1Input): Gstr1Build {
  const period = periodOf(input);
  const inPeriod = inPeriodSorted(input.documents, period);
  const live = inPeriod.filter((d) => d.status === "ISSUED");
  const sums = inPeriod.map(summarizeDocument);
  const classes = classesOf(sums);
  const { json, series } = assembleGstr1({ ...input, period, documents: sums, classes, b2cs: b2csGroupsOf(sums, classes), hsn: hsnGroupsOf(live) });
  return { period, json, inPeriod, classes, series };
}

export function periodOf(input: Pick<Gstr1Input, "fp" | "frequency">): ReturnPeriod {
  const period = parseReturnPeriod(input.fp, input.frequency ?? "monthly");
  if (!period) throw new RangeError(`Not a return period: ${input.fp}`);
  return period;
}

/** The period's documents in (issue date, number) order, the order every section lists them in. */
export function inPeriodSorted<Doc extends GstDocumentHeader>(docs: Doc[], period: ReturnPeriod): Doc[] {
  return docs.filter((d) => d.issueDate >= period.from && d.issueDate <= period.to).sort((a, b) => (a.issueDate === b.issueDate ? cmp(a.number, b.number) : cmp(a.issueDate, b.issueDate)));
}

/** Each issued document's GSTR-1 table, by document id. */
export function classesOf(docs: GstDocumentHeader[]): Map<string, DocClass> {
  return new Map(docs.filter((d) => d.status === "ISSUED").map((d) => [d.id, classify(d)]));
}

/** A document's taxable lines per rate and its untaxed lines per treatment, from its lines. */
export function summarizeDocument(doc: GstDocument): GstDocumentSums {
  const { lines, ...header } = doc;
  const taxed = lines.filter((l) => treatmentOf(doc, l) === "taxable");
  const rates = byRate(taxed).map((r) => ({ rt: r.rt.toString(), ...sumsText(r) }));
  let untaxed: GstDocumentSums["untaxed"] = null;
  for (const l of lines) {
    const t = treatmentOf(doc, l);
    if (t === "taxable") continue;
    const u: NonNullable<GstDocumentSums["untaxed"]> = untaxed ?? { nil: null, exempt: null, nonGst: null };
    const k = t === "nil" ? "nil" : t === "exempt" ? "exempt" : "nonGst";
    u[k] = lineSums(l).txval.plus(u[k] ?? 0).toFixed();
    untaxed = u;
  }
  return { ...header, rates, untaxed };
}

/** Table 7's groups from documents summed per rate: B2C-small invoices and their notes, notes signed. */
export function b2csGroupsOf(docs: GstDocumentSums[], classes: Map<string, DocClass>): GstB2csGroup[] {
  const m = new Map<string, Sums & { pos: string; taxType: "intra" | "inter"; rt: string }>();
  for (const doc of docs) {
    const kind = classes.get(doc.id)?.kind;
    if (kind !== "b2cs" && kind !== "b2cs_note") continue;
    for (const r of doc.rates) {
      const key = `${doc.placeOfSupply}|${doc.taxType}|${rateKey(r.rt)}`;
      const row = m.get(key) ?? { pos: doc.placeOfSupply, taxType: doc.taxType, rt: r.rt, ...zeroSums() };
      addSums(row, sumsOf(r), signOf(doc));
      m.set(key, row);
    }
  }
  return [...m.values()].map((r) => ({ pos: r.pos, taxType: r.taxType, rt: r.rt, ...sumsText(r) }));
}

/** Table 12's groups from the issued documents' lines (the documents in (issue date, number) order). */
export function hsnGroupsOf(docs: GstDocument[]): GstHsnGroup[] {
  const m = new Map<string, Sums & { g: GstHsnGroup; qty: Decimal }>();
  for (const doc of docs) {
    const sign = signOf(doc);
    const b2b = !!doc.buyerGstin && !doc.supplyType.startsWith("export_");
    for (const l of doc.lines) {
      const key = `${b2b}|${l.hsnCode}|${rateKey(l.gstRate)}|${l.unit}`;
      const acc = m.get(key) ?? { g: { b2b, hsnCode: l.hsnCode, rt: rateOf(l.gstRate).toString(), unit: l.unit, description: l.description, first: { issueDate: doc.issueDate, number: doc.number, position: l.position } } as GstHsnGroup, qty: new D(0), ...zeroSums() };
      acc.qty = sign === 1 ? acc.qty.plus(l.quantity) : acc.qty.minus(l.quantity);
      addSums(acc, lineSums(l), sign);
      m.set(key, acc);
    }
  }
  return [...m.values()].map((a) => ({ ...a.g, qty: a.qty.toFixed(), ...sumsText(a) }));
}

export type Gstr1Parts = {
  gstin: string;
  fp: string;
  period: ReturnPeriod;
  /** The period's documents (cancelled ones too) in (issue date, number) order. */
  documents: GstDocumentSums[];
  classes: Map<string, DocClass>;
  b2cs: GstB2csGroup[];
  hsn: GstHsnGroup[];
  otherPeriodNumbers?: string[];
};

/** The portal JSON from documents summed per rate and the Table 7 and 12 groups. */
export function assembleGstr1(input: Gstr1Parts): { json: Gstr1Json; series: SeriesRange[] } {
  const { period } = input;
  const b2b = new Map<string, B2bInv[]>();
  const b2cl = new Map<string, B2clInv[]>();
  const cdnr = new Map<string, CdnrNote[]>();
  const cdnur: CdnurNote[] = [];
  const exp = new Map<"WPAY" | "WOPAY", ExpInv[]>();
  const nil = new Map<NilRow["sply_ty"], { expt: Decimal; nil: Decimal; ngsup: Decimal }>();

  for (const doc of input.documents) {
    const cls = input.classes.get(doc.id);
    if (!cls || doc.status !== "ISSUED") continue;
    if (doc.untaxed) addNil(nil, doc, doc.untaxed);
    const rates = doc.rates;
    if (rates.length === 0) continue;
    const idt = portalDate(doc.issueDate);
    const val = amount(doc.grandTotal);
    switch (cls.kind) {
      case "b2b":
        push(b2b, doc.buyerGstin!, { inum: doc.number, idt, val, pos: doc.placeOfSupply, rchrg: yn(doc.reverseCharge), inv_typ: cls.invTyp, itms: rates.map((r, i) => ({ num: i + 1, itm_det: itmDet(r) })) });
        break;
      case "b2cl":
        push(b2cl, doc.placeOfSupply, { inum: doc.number, idt, val, itms: rates.map((r, i) => ({ num: i + 1, itm_det: { rt: Number(r.rt), txval: amount(r.txval), iamt: amount(r.iamt), csamt: amount(r.csamt) } })) });
        break;
      case "exp": {
        const inv = { inum: doc.number, idt, val } as ExpInv;
        if (doc.shippingBill) Object.assign(inv, { sbpcode: doc.shippingBill.portCode, sbnum: doc.shippingBill.number, sbdt: portalDate(doc.shippingBill.date) });
        inv.itms = rates.map((r) => ({ txval: amount(r.txval), rt: Number(r.rt), iamt: amount(r.iamt), csamt: amount(r.csamt) }));
        push(exp, cls.expTyp, inv);
        break;
      }
      case "cdnr":
        push(cdnr, doc.buyerGstin!, { ntty: noteType(doc), nt_num: doc.number, nt_dt: idt, val, pos: doc.placeOfSupply, rchrg: yn(doc.reverseCharge), inv_typ: cls.invTyp, itms: rates.map((r, i) => ({ num: i + 1, itm_det: itmDet(r) })) });
        break;
      case "cdnur": {
        const note: CdnurNote = { typ: cls.typ, ntty: noteType(doc), nt_num: doc.number, nt_dt: idt, val } as CdnurNote;
        // An export's note has no place of supply in the portal's format.
        if (cls.typ === "B2CL") note.pos = doc.placeOfSupply;
        note.itms = rates.map((r, i) => ({ num: i + 1, itm_det: { rt: Number(r.rt), txval: amount(r.txval), iamt: amount(r.iamt), csamt: amount(r.csamt) } }));
        cdnur.push(note);
        break;
      }
      case "b2cs":
      case "b2cs_note":
        // Summed per place of supply and rate across documents: input.b2cs.
        break;
    }
  }

  const json: Gstr1Json = { gstin: input.gstin, fp: input.fp, version: GSTR1_JSON_VERSION, hash: "hash" };
  if (b2b.size) json.b2b = sortedEntries(b2b).map(([ctin, inv]) => ({ ctin, inv }));
  if (b2cl.size) json.b2cl = sortedEntries(b2cl).map(([pos, inv]) => ({ pos, inv }));
  const b2csRows = input.b2cs
    .map((r) => [`${r.pos}|${r.taxType === "intra" ? "INTRA" : "INTER"}|${rateKey(r.rt)}`, r] as const)
    .sort(([a], [b]) => cmp(a, b))
    .map(([, r]) => ({ sply_ty: r.taxType === "intra" ? ("INTRA" as const) : ("INTER" as const), pos: r.pos, typ: "OE" as const, rt: Number(r.rt), txval: amount(r.txval), iamt: amount(r.iamt), camt: amount(r.camt), samt: amount(r.samt), csamt: amount(r.csamt) }))
    .filter((r) => r.txval !== 0 || r.iamt !== 0 || r.camt !== 0 || r.samt !== 0 || r.csamt !== 0);
  if (b2csRows.length) json.b2cs = b2csRows;
  if (cdnr.size) json.cdnr = sortedEntries(cdnr).map(([ctin, nt]) => ({ ctin, nt }));
  if (cdnur.length) json.cdnur = cdnur;
  if (exp.size) json.exp = (["WPAY", "WOPAY"] as const).filter((t) => exp.has(t)).map((t) => ({ exp_typ: t, inv: exp.get(t)! }));
  const nilRows = (["INTRB2B", "INTRAB2B", "INTRB2C", "INTRAB2C"] as const)
    .filter((t) => nil.has(t))
    .map((t) => ({ sply_ty: t, expt_amt: num(nil.get(t)!.expt), nil_amt: num(nil.get(t)!.nil), ngsup_amt: num(nil.get(t)!.ngsup) }))
    .filter((r) => r.expt_amt !== 0 || r.nil_amt !== 0 || r.ngsup_amt !== 0);
  if (nilRows.length) json.nil = { inv: nilRows };
  const hsn = hsnTables(input.hsn, period.hsnSplit);
  if (hsn) json.hsn = hsn;
  const series = seriesRanges(input.documents, input.otherPeriodNumbers);
  if (series.length) {
    const natures = [...new Set(series.map((s) => s.nature))].sort((a, b) => a - b);
    json.doc_issue = {
      doc_det: natures.map((n) => ({
        doc_num: n,
        docs: series.filter((s) => s.nature === n).map((s, i) => ({ num: i + 1, from: s.from, to: s.to, totnum: s.totnum, cancel: s.cancelled + s.missing.length, net_issue: s.totnum - s.cancelled - s.missing.length })),
      })),
    };
  }
  return { json, series };
}

// ------------------------------------------------------------------------------------------ HSN

/**
 * Table 12 from the groups: one row per tab, HSN, rate and UQC (units that map to the same UQC
 * merge), named by the description of its first line.
 */
function hsnTables(groups: GstHsnGroup[], split: boolean): Gstr1Json["hsn"] | undefined {
  const b2b = new Map<string, HsnAcc>();
  const b2c = new Map<string, HsnAcc>();
  for (const g of groups) {
    const target = split && g.b2b ? b2b : b2c;
    const service = isService(g.hsnCode);
    const uqc = service ? "NA" : (uqcOf(g.unit) ?? "OTH");
    const key = `${g.hsnCode}|${rateKey(g.rt)}|${uqc}`;
    const acc = target.get(key);
    if (!acc) {
      target.set(key, { hsn_sc: g.hsnCode, desc: hsnDescription(g.description), uqc, rt: rateOf(g.rt), qty: service ? new D(0) : new D(g.qty), first: g.first, ...sumsOf(g) });
      continue;
    }
    if (!service) acc.qty = acc.qty.plus(g.qty);
    addSums(acc, sumsOf(g));
    if (before(g.first, acc.first)) {
      acc.first = g.first;
      acc.desc = hsnDescription(g.description);
    }
  }
  const rows = (m: Map<string, HsnAcc>): HsnRow[] =>
    [...m.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([, a], i) => ({ num: i + 1, hsn_sc: a.hsn_sc, desc: a.desc, uqc: a.uqc, qty: a.qty.toDecimalPlaces(2, D.ROUND_HALF_UP).toNumber(), rt: a.rt.toNumber(), txval: num(a.txval), iamt: num(a.iamt), camt: num(a.camt), samt: num(a.samt), csamt: num(a.csamt) }));
  if (!split) return b2c.size ? { data: rows(b2c) } : undefined;
  if (!b2b.size && !b2c.size) return undefined;
  return { ...(b2b.size ? { hsn_b2b: rows(b2b) } : {}), ...(b2c.size ? { hsn_b2c: rows(b2c) } : {}) };
}

type HsnAcc = Sums & { hsn_sc: string; desc: string; uqc: string; rt: Decimal; qty: Decimal; first: GstHsnGroup["first"] };

const hsnDescription = (d: string) => d.trim().slice(0, HSN_DESCRIPTION_LIMIT).trim();
const before = (a: GstHsnGroup["first"], b: GstHsnGroup["first"]) =>
  a.issueDate !== b.issueDate ? a.issueDate < b.issueDate : a.number !== b.number ? a.number < b.number : a.position < b.position;

// ------------------------------------------------------------------------------------ doc_issue

const natureOf = { INVOICE: 1, DEBIT_NOTE: 4, CREDIT_NOTE: 5 } as const;

/**
 * Per nature and series prefix ("INV/26-27/"), the runs of numbers used in the period, with the
 * cancelled and missing ones. A number of the series issued in another period (a backdated
 * invoice takes a later number) ends a run: that period's return reports it, so this one must
 * not count it. A number that exists nowhere inside a run is missing (filed as cancelled).
 */
export function seriesRanges(docs: Pick<GstDocumentHeader, "type" | "number" | "status">[], otherPeriodNumbers: readonly string[] = []): SeriesRange[] {
  const elsewhere = new Set(otherPeriodNumbers);
  const groups = new Map<string, { nature: 1 | 4 | 5; prefix: string; width: number; docs: Map<number, { number: string; cancelled: boolean }>; loose: string[] }>();
  for (const d of docs) {
    const m = /^(.*?)(\d+)$/.exec(d.number);
    const prefix = m ? m[1]! : d.number;
    const nature = natureOf[d.type];
    const key = `${nature}|${prefix}`;
    const g = groups.get(key) ?? { nature, prefix, width: m ? m[2]!.length : 0, docs: new Map<number, { number: string; cancelled: boolean }>(), loose: [] as string[] };
    if (m) g.docs.set(Number(m[2]), { number: d.number, cancelled: d.status === "CANCELLED" });
    else g.loose.push(d.number);
    groups.set(key, g);
  }
  const out: SeriesRange[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.nature - b.nature || cmp(a.prefix, b.prefix))) {
    const fmt = (n: number) => `${g.prefix}${String(n).padStart(g.width, "0")}`;
    const seqs = [...g.docs.keys()].sort((a, b) => a - b);
    let run: { from: string; to: string; present: number; cancelled: number; missing: string[] } | null = null;
    let pending: string[] = [];
    const close = () => {
      if (run) out.push({ nature: g.nature, prefix: g.prefix, from: run.from, to: run.to, totnum: run.present + run.missing.length, present: run.present, cancelled: run.cancelled, missing: run.missing });
      run = null;
    };
    for (let n = seqs[0] ?? 0; seqs.length && n <= seqs[seqs.length - 1]!; n++) {
      const doc = g.docs.get(n);
      if (doc) {
        run ??= { from: pending[0] ?? doc.number, to: doc.number, present: 0, cancelled: 0, missing: [] };
        run.missing.push(...pending);
        pending = [];
        run.present++;
        if (doc.cancelled) run.cancelled++;
        run.to = doc.number;
      } else if (elsewhere.has(fmt(n))) {
        close();
        pending = [];
      } else {
        pending.push(fmt(n));
      }
    }
    close();
    for (const number of g.loose) out.push({ nature: g.nature, prefix: g.prefix, from: number, to: number, totnum: 1, present: 1, cancelled: docs.find((d) => d.number === number)?.status === "CANCELLED" ? 1 : 0, missing: [] });
  }
  return out;
}

// ---------------------------------------------------------------------------------- amounts

export type Sums = { txval: Decimal; iamt: Decimal; camt: Decimal; samt: Decimal; csamt: Decimal };
type RateSums = Sums & { rt: Decimal };

export function zeroSums(): Sums {
  return { txval: new D(0), iamt: new D(0), camt: new D(0), samt: new D(0), csamt: new D(0) };
}

/**
 * A line's amounts as Decimals, parsed once per line (a 40,000-invoice month has 160,000 lines, and
 * the return, its HSN table, the validator and GSTR-3B all read them). Read-only: callers add them
 * into their own accumulators.
 */
export function lineSums(l: GstLine): Readonly<Sums> {
  let s = parsedLines.get(l);
  if (!s) {
    s = { txval: new D(l.taxableValue), iamt: new D(l.igstAmount), camt: new D(l.cgstAmount), samt: new D(l.sgstAmount), csamt: new D(l.cessAmount) };
    parsedLines.set(l, s);
  }
  return s;
}
const parsedLines = new WeakMap<GstLine, Sums>();

/** A rate ("18", "0.25") as a Decimal, one object per distinct rate. */
export function rateOf(rate: string): Decimal {
  let r = rates.get(rate);
  if (!r) {
    r = new D(rate);
    rates.set(rate, r);
  }
  return r;
}
const rates = new Map<string, Decimal>();

export function addSums(acc: Sums, s: Readonly<Sums>, sign: number = 1): void {
  if (sign === 1) {
    acc.txval = acc.txval.plus(s.txval);
    acc.iamt = acc.iamt.plus(s.iamt);
    acc.camt = acc.camt.plus(s.camt);
    acc.samt = acc.samt.plus(s.samt);
    acc.csamt = acc.csamt.plus(s.csamt);
  } else if (sign === -1) {
    acc.txval = acc.txval.minus(s.txval);
    acc.iamt = acc.iamt.minus(s.iamt);
    acc.camt = acc.camt.minus(s.camt);
    acc.samt = acc.samt.minus(s.samt);
    acc.csamt = acc.csamt.minus(s.csamt);
  } else {
    acc.txval = acc.txval.plus(s.txval.times(sign));
    acc.iamt = acc.iamt.plus(s.iamt.times(sign));
    acc.camt = acc.camt.plus(s.camt.times(sign));
    acc.samt = acc.samt.plus(s.samt.times(sign));
    acc.csamt = acc.csamt.plus(s.csamt.times(sign));
  }
}

/** A document's lines summed per GST rate, in ascending rate (the portal takes one item per rate). */
export function byRate(lines: GstLine[]): RateSums[] {
  const m = new Map<string, RateSums>();
  for (const l of lines) {
    const rt = rateOf(l.gstRate);
    const key = rateKey(l.gstRate);
    const acc = m.get(key) ?? { rt, ...zeroSums() };
    addSums(acc, lineSums(l));
    m.set(key, acc);
  }
  return [...m.values()].sort((a, b) => a.rt.comparedTo(b.rt));
}

function addNil(nil: Map<NilRow["sply_ty"], { expt: Decimal; nil: Decimal; ngsup: Decimal }>, doc: GstDocumentHeader, untaxed: NonNullable<GstDocumentSums["untaxed"]>): void {
  const sign = signOf(doc);
  const registered = !!doc.buyerGstin;
  const key = `${doc.taxType === "inter" ? "INTR" : "INTRA"}${registered ? "B2B" : "B2C"}` as NilRow["sply_ty"];
  const acc = nil.get(key) ?? { expt: new D(0), nil: new D(0), ngsup: new D(0) };
  if (untaxed.nil !== null) acc.nil = sign === 1 ? acc.nil.plus(untaxed.nil) : acc.nil.minus(untaxed.nil);
  if (untaxed.exempt !== null) acc.expt = sign === 1 ? acc.expt.plus(untaxed.exempt) : acc.expt.minus(untaxed.exempt);
  if (untaxed.nonGst !== null) acc.ngsup = sign === 1 ? acc.ngsup.plus(untaxed.nonGst) : acc.ngsup.minus(untaxed.nonGst);
  nil.set(key, acc);
}

function itmDet(r: GstRateSums): ItmDet {
  return { rt: Number(r.rt), txval: amount(r.txval), iamt: amount(r.iamt), camt: amount(r.camt), samt: amount(r.samt), csamt: amount(r.csamt) };
}

/** Exact decimal strings of summed amounts. */
export function sumsText(s: Readonly<Sums>): GstAmounts {
  return { txval: s.txval.toFixed(), iamt: s.iamt.toFixed(), camt: s.camt.toFixed(), samt: s.samt.toFixed(), csamt: s.csamt.toFixed() };
}

/** Summed amounts (decimal strings) as Decimals. */
export function sumsOf(a: GstAmounts): Sums {
  return { txval: new D(a.txval), iamt: new D(a.iamt), camt: new D(a.camt), samt: new D(a.samt), csamt: new D(a.csamt) };
}

const plainAmount = /^-?\d{1,13}(\.\d{1,2})?$/;

/**
 * `num` of a decimal string: one with at most 2 decimals (what PostgreSQL gives for sums of
 * money columns) needs no rounding, and reading it as a number is the same value `num` gives.
 */
export function amount(v: string): number {
  if (!plainAmount.test(v)) return num(v);
  const n = Number(v);
  return n === 0 ? 0 : n;
}

/** An amount as the portal takes it: a number rounded half-up to 2 decimals. */
export function num(v: Decimal | string | number): number {
  const n = (v instanceof D ? v : new D(v)).toDecimalPlaces(2, D.ROUND_HALF_UP).toNumber();
  return n === 0 ? 0 : n;
}

/** A rate as a key that sorts in rate order ("018.00"), one string per distinct rate. */
function rateKey(rate: string): string {
  let k = rateKeys.get(rate);
  if (k === undefined) {
    k = rateOf(rate).toFixed(2).padStart(6, "0");
    rateKeys.set(rate, k);
  }
  return k;
}
const rateKeys = new Map<string, string>();

/** YYYY-MM-DD → dd-mm-yyyy. */
export function portalDate(day: string): string {
  return `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
}

const yn = (b: boolean) => (b ? "Y" : "N") as "Y" | "N";
const noteType = (d: GstDocumentHeader) => (d.type === "CREDIT_NOTE" ? "C" : "D") as "C" | "D";
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function sortedEntries<V>(m: Map<string, V>): [string, V][] {
  return [...m.entries()].sort(([a], [b]) => cmp(a, b));
}
