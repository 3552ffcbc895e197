// The return against the books, figure by figure. Three independent sums must agree:
// - the sales register of the period (document headers: invoices + debit notes − credit notes,
//   cancelled excluded);
// - the return's sections (b2b + b2cl + b2cs + exp + cdnr/cdnur with their note sign + nil);
// - Table 12 (HSN rows, both tabs).
// And doc_issue's counts against the documents of each series. Pure.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Gstr1Build, Gstr1Json, HsnRow, Sums } from "./build-gstr1";
import { addSums, zeroSums } from "./build-gstr1";
import { signOf } from "./classify";
import type { GstDocumentHeader } from "./types";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export type Amounts = { taxable: string; igst: string; cgst: string; sgst: string; cess: string };
export type TieCheck = { name: string; expected: string; actual: string; ok: boolean };
export type TieOut = {
  register: Amounts & { documents: number };
  sections: Amounts;
  sectionsBreakdown: ({ section: string } & Amounts)[];
  hsn: Amounts;
  checks: TieCheck[];
  ok: boolean;
};

export function tieOut(build: Gstr1Build<GstDocumentHeader>): TieOut {
  const live = build.inPeriod.filter((d) => d.status === "ISSUED");
  const register = zeroSums();
  for (const d of live) addSums(register, headerSums(d), signOf(d));

  const breakdown = sectionSums(build.json);
  const sections = zeroSums();
  for (const s of breakdown.values()) addSums(sections, s);
  const hsn = zeroSums();
  for (const r of hsnRows(build.json)) addSums(hsn, { txval: dec(r.txval), iamt: dec(r.iamt), camt: dec(r.camt), samt: dec(r.samt), csamt: dec(r.csamt) });

  const checks: TieCheck[] = [];
  const compare = (what: string, a: Sums, b: Sums) => {
    const labels = [["txval", "taxable value"], ["iamt", "IGST"], ["camt", "CGST"], ["samt", "SGST"], ["csamt", "cess"]] as const;
    for (const [k, label] of labels) checks.push({ name: `${what}: ${label}`, expected: a[k].toFixed(2), actual: b[k].toFixed(2), ok: a[k].toFixed(2) === b[k].toFixed(2) });
  };
  compare("Sections = sales register", register, sections);
  compare("Table 12 (HSN) = sections", sections, hsn);

  const natures = [
    [1, "INVOICE", "Invoices"],
    [4, "DEBIT_NOTE", "Debit notes"],
    [5, "CREDIT_NOTE", "Credit notes"],
  ] as const;
  const docRows = build.json.doc_issue?.doc_det ?? [];
  for (const [nature, type, label] of natures) {
    const rows = docRows.find((r) => r.doc_num === nature)?.docs ?? [];
    const all = build.inPeriod.filter((d) => d.type === type);
    const missing = build.series.filter((s) => s.nature === nature).reduce((n, s) => n + s.missing.length, 0);
    const total = rows.reduce((n, r) => n + r.totnum, 0);
    const net = rows.reduce((n, r) => n + r.net_issue, 0);
    checks.push({ name: `Documents issued: ${label.toLowerCase()} in the series (cancelled counted)`, expected: String(all.length + missing), actual: String(total), ok: all.length + missing === total });
    const issued = all.filter((d) => d.status === "ISSUED").length;
    checks.push({ name: `Documents issued: ${label.toLowerCase()} net of cancelled`, expected: String(issued), actual: String(net), ok: issued === net });
  }

  return {
    register: { ...amounts(register), documents: live.length },
    sections: amounts(sections),
    sectionsBreakdown: [...breakdown.entries()].map(([section, s]) => ({ section, ...amounts(s) })),
    hsn: amounts(hsn),
    checks,
    ok: checks.every((c) => c.ok),
  };
}

/** Each section's net contribution (notes signed) read back from the JSON itself. */
export function sectionSums(json: Gstr1Json): Map<string, Sums> {
  const out = new Map<string, Sums>();
  const add = (section: string, it: { txval: number; iamt?: number; camt?: number; samt?: number; csamt?: number }, sign = 1) => {
    const acc = out.get(section) ?? zeroSums();
    addSums(acc, { txval: dec(it.txval), iamt: dec(it.iamt ?? 0), camt: dec(it.camt ?? 0), samt: dec(it.samt ?? 0), csamt: dec(it.csamt ?? 0) }, sign);
    out.set(section, acc);
  };
  for (const g of json.b2b ?? []) for (const inv of g.inv) for (const it of inv.itms) add("b2b", it.itm_det);
  for (const g of json.b2cl ?? []) for (const inv of g.inv) for (const it of inv.itms) add("b2cl", it.itm_det);
  for (const r of json.b2cs ?? []) add("b2cs", r);
  for (const g of json.exp ?? []) for (const inv of g.inv) for (const it of inv.itms) add("exp", it);
  for (const g of json.cdnr ?? []) for (const nt of g.nt) for (const it of nt.itms) add("cdnr", it.itm_det, nt.ntty === "C" ? -1 : 1);
  for (const nt of json.cdnur ?? []) for (const it of nt.itms) add("cdnur", it.itm_det, nt.ntty === "C" ? -1 : 1);
  for (const r of json.nil?.inv ?? []) add("nil", { txval: new D(r.expt_amt).plus(r.nil_amt).plus(r.ngsup_amt).toNumber() });
  return out;
}

export function hsnRows(json: Gstr1Json): HsnRow[] {
  const h = json.hsn;
  if (!h) return [];
  if ("data" in h) return h.data;
  return [...(h.hsn_b2b ?? []), ...(h.hsn_b2c ?? [])];
}

function headerSums(d: GstDocumentHeader): Sums {
  return { txval: dec(d.taxableTotal), iamt: dec(d.igstTotal), camt: dec(d.cgstTotal), samt: dec(d.sgstTotal), csamt: dec(d.cessTotal) };
}

function amounts(s: Sums): Amounts {
  return { taxable: s.txval.toFixed(2), igst: s.iamt.toFixed(2), cgst: s.camt.toFixed(2), sgst: s.samt.toFixed(2), cess: s.csamt.toFixed(2) };
}

const dec = (v: number | string | Decimal) => new D(v);
