// GSTR-3B tables 3.1 and 3.2 from the same documents as GSTR-1, with the documents behind every
// figure (signed: credit notes reduce). Pure.
//
// 3.1(a) outward taxable supplies other than zero-rated, nil and exempt: regular and deemed-export
//        supplies (GSTR-1 b2b R/DE, b2cl, b2cs and their notes), except those under reverse
//        charge, whose tax the recipient pays (listed apart, not in 3.1).
// 3.1(b) zero-rated: exports and supplies to SEZ, with or without payment (exp, b2b SEWP/SEWOP,
//        their notes); tax is the IGST and cess paid on the with-payment ones.
// 3.1(c) nil-rated and exempt lines (GSTR-1 Table 8, nil and exempt columns).
// 3.1(d) inward supplies liable to reverse charge: a purchase-side figure. This ERP records sales
//        only, so it is 0 here and must come from the purchase books.
// 3.1(e) non-GST outward supplies (Table 8, non-GST column).
// 3.2    inter-state supplies to unregistered persons by place of supply (b2cl, inter-state b2cs
//        and their notes): taxable value and IGST. Composition and UIN-holder recipients are not
//        recorded by the ERP, so those columns are 0.
import { Prisma } from "@/lib/generated/prisma/client";
import { addSums, summarizeDocument, sumsOf, zeroSums, type Sums } from "./build-gstr1";
import { classify, signOf } from "./classify";
import type { Amounts } from "./tie-out";
import type { GstDocument, GstDocumentHeader, GstDocumentSums } from "./types";

const D = Prisma.Decimal;


export type Gstr3bRowKey = "a" | "b" | "c" | "d" | "e" | "rcm";
export type Gstr3bContribution = { documentId: string; number: string; type: GstDocument["type"]; issueDate: string; section: string } & Amounts;
export type Gstr3bRow = { key: Gstr3bRowKey; label: string; derivation: string } & Amounts & { documents: Gstr3bContribution[] };
export type Gstr3bStateRow = { pos: string; taxable: string; igst: string; documents: Gstr3bContribution[] };
export type Gstr3b = { table31: Gstr3bRow[]; table32: Gstr3bStateRow[] };

const labels: Record<Gstr3bRowKey, [string, string]> = {
  a: ["(a) Outward taxable supplies (other than zero rated, nil rated and exempted)", "GSTR-1 b2b (regular, deemed export), b2cl, b2cs and their credit/debit notes; reverse-charge supplies excluded"],
  b: ["(b) Outward taxable supplies (zero rated)", "GSTR-1 exp (with and without payment), b2b SEZ (SEWP, SEWOP) and their notes"],
  c: ["(c) Other outward supplies (nil rated, exempted)", "GSTR-1 Table 8 (nil): nil-rated and exempt lines, net of notes"],
  d: ["(d) Inward supplies (liable to reverse charge)", "Purchases: not recorded by this ERP (sales only), so 0 here — take it from the purchase books"],
  e: ["(e) Non-GST outward supplies", "GSTR-1 Table 8 (nil): non-GST lines, net of notes"],
  rcm: ["Not in 3.1: outward supplies on which the recipient pays tax (reverse charge)", "GSTR-1 b2b/cdnr with rchrg = Y: the recipient reports and pays this tax"],
};

export function buildGstr3b(docs: GstDocument[]): Gstr3b {
  return buildGstr3bFromSums(docs.map(summarizeDocument));
}

/** The same from documents summed per rate (their taxable lines) and treatment (the others). */
export function buildGstr3bFromSums(docs: GstDocumentSums[]): Gstr3b {
  const rows = new Map<Gstr3bRowKey, { sums: Sums; documents: Gstr3bContribution[] }>();
  const states = new Map<string, { sums: Sums; documents: Gstr3bContribution[] }>();
  for (const k of ["a", "b", "c", "d", "e", "rcm"] as const) rows.set(k, { sums: zeroSums(), documents: [] });

  for (const doc of docs) {
    if (doc.status !== "ISSUED") continue;
    const cls = classify(doc);
    const sign = signOf(doc);
    const parts = new Map<Gstr3bRowKey, Sums>();
    // Every taxable line of a document goes to the same row (it depends on the document only).
    if (doc.rates.length) {
      const key: Gstr3bRowKey = doc.reverseCharge ? "rcm" : doc.supplyType === "regular" || doc.supplyType === "deemed_export" ? "a" : "b";
      const acc = zeroSums();
      for (const r of doc.rates) addSums(acc, sumsOf(r), sign);
      parts.set(key, acc);
    }
    const u = doc.untaxed;
    if (u) {
      if (u.nil !== null || u.exempt !== null) {
        const c = new D(u.nil ?? 0).plus(u.exempt ?? 0);
        parts.set("c", { ...zeroSums(), txval: sign === 1 ? c : c.negated() });
      }
      if (u.nonGst !== null) parts.set("e", { ...zeroSums(), txval: sign === 1 ? new D(u.nonGst) : new D(u.nonGst).negated() });
    }
    const section = cls.kind === "b2cs_note" ? "b2cs" : cls.kind;
    for (const [key, s] of parts) {
      const row = rows.get(key)!;
      addSums(row.sums, s);
      row.documents.push(contribution(doc, section, s));
    }
    const a = parts.get("a");
    const interUnregistered = (cls.kind === "b2cl" || cls.kind === "b2cs" || cls.kind === "b2cs_note" || (cls.kind === "cdnur" && cls.typ === "B2CL")) && doc.taxType === "inter";
    if (a && interUnregistered) {
      const st = states.get(doc.placeOfSupply) ?? { sums: zeroSums(), documents: [] };
      addSums(st.sums, a);
      st.documents.push(contribution(doc, section, a));
      states.set(doc.placeOfSupply, st);
    }
  }

  return {
    table31: (["a", "b", "c", "d", "e", "rcm"] as const).map((key) => {
      const r = rows.get(key)!;
      return { key, label: labels[key][0], derivation: labels[key][1], ...amounts(r.sums), documents: r.documents };
    }),
    table32: [...states.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([pos, s]) => ({ pos, taxable: s.sums.txval.toFixed(2), igst: s.sums.iamt.toFixed(2), documents: s.documents })),
  };
}

function contribution(doc: GstDocumentHeader, section: string, s: Sums): Gstr3bContribution {
  return { documentId: doc.id, number: doc.number, type: doc.type, issueDate: doc.issueDate, section, ...amounts(s) };
}

function amounts(s: Sums): Amounts {
  return { taxable: s.txval.toFixed(2), igst: s.iamt.toFixed(2), cgst: s.camt.toFixed(2), sgst: s.samt.toFixed(2), cess: s.csamt.toFixed(2) };
}

