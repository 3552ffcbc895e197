// build-document: the lines and totals of an invoice or note from priced lines, with dated rates.
import { describe, expect, it } from "vitest";
import { buildDocument, type DocumentLineInput } from "@/lib/billing/build-document";
import type { TaxRateRow } from "@/lib/tax/resolve-rate";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const schedule: TaxRateRow[] = [
  { companyId: null, hsnPrefix: "1905", gstRate: "18", cessRate: "0", effectiveFrom: d("2017-07-01") },
  { companyId: null, hsnPrefix: "1905", gstRate: "5", cessRate: "0", effectiveFrom: d("2025-09-22") },
];
const line = (over: Partial<DocumentLineInput> = {}): DocumentLineInput => ({ description: "Goods", hsnCode: "84713010", unit: "PCS", quantity: "2", unitPrice: "100", taxInclusive: false, gstRate: "18", ...over });
const build = (lines: DocumentLineInput[], over: { placeOfSupply?: string; day?: string; buyerGstin?: string | null } = {}) =>
  buildDocument({ supplierStateCode: "27", placeOfSupply: over.placeOfSupply ?? "27", buyerGstin: over.buyerGstin ?? null, issueDate: d(over.day ?? "2026-11-29"), taxRates: schedule, lines });

describe("buildDocument", () => {
  it.each([
    ["intra, 18% of 200", [line()], "27", { taxType: "intra", taxable: "200.00", cgst: "18.00", igst: "0.00", roundOff: "0.00", grandTotal: "236.00" }],
    ["inter, 18% of 200", [line()], "29", { taxType: "inter", taxable: "200.00", cgst: "0.00", igst: "36.00", roundOff: "0.00", grandTotal: "236.00" }],
    ["discount off the line", [line({ discount: "10.50" })], "27", { taxType: "intra", taxable: "189.50", cgst: "17.06", igst: "0.00", roundOff: "0.38", grandTotal: "224.00" }],
    ["tax-inclusive price", [line({ unitPrice: "118", taxInclusive: true })], "27", { taxType: "intra", taxable: "200.00", cgst: "18.00", igst: "0.00", roundOff: "0.00", grandTotal: "236.00" }],
    ["schedule rate wins over the line's", [line({ hsnCode: "19053100" })], "27", { taxType: "intra", taxable: "200.00", cgst: "5.00", igst: "0.00", roundOff: "0.00", grandTotal: "210.00" }],
    ["round-off up", [line({ quantity: "1", unitPrice: "99.99" })], "29", { taxType: "inter", taxable: "99.99", cgst: "0.00", igst: "18.00", roundOff: "0.01", grandTotal: "118.00" }],
  ] as const)("%s", (_name, lines, pos, want) => {
    const doc = build([...lines], { placeOfSupply: pos });
    const t = doc.totals;
    expect({ taxType: doc.taxType, taxable: t.taxable.toFixed(2), cgst: t.cgst.toFixed(2), igst: t.igst.toFixed(2), roundOff: t.roundOff.toFixed(2), grandTotal: t.grandTotal.toFixed(2) }).toEqual(want);
  });

  it("resolves the rate on the document date and records where it came from", () => {
    const before = build([line({ hsnCode: "19053100" })], { day: "2025-09-21" });
    const after = build([line({ hsnCode: "19053100" })], { day: "2025-09-22" });
    expect([before.lines[0]!.gstRate.toFixed(2), before.lines[0]!.rateSource]).toEqual(["18.00", "schedule"]);
    expect([after.lines[0]!.gstRate.toFixed(2), after.lines[0]!.rateSource]).toEqual(["5.00", "schedule"]);
    expect(build([line()]).lines[0]!.rateSource).toBe("product");
  });

  it("a note line keeps the original rate; a value-only line is stored with quantity 0", () => {
    const doc = build([line({ hsnCode: "19053100", gstRate: "18", fixedRate: true }), line({ unitPrice: "50", valueOnly: true, fixedRate: true })]);
    expect(doc.lines.map((l) => [l.gstRate.toFixed(2), l.rateSource, l.quantity.toFixed(3), l.taxableValue.toFixed(2)])).toEqual([
      ["18.00", "original", "2.000", "200.00"],
      ["18.00", "original", "0.000", "50.00"],
    ]);
    expect(doc.lines.map((l) => l.position)).toEqual([1, 2]);
  });

  it("totals are the sums of the lines; discount total is reported", () => {
    const doc = build([line({ discount: "5" }), line({ quantity: "3", unitPrice: "33.33", discount: "0.99" })]);
    const sum = (k: "taxableValue" | "cgstAmount" | "lineTotal") => doc.lines.reduce((s, l) => s + Number(l[k]), 0).toFixed(2);
    expect(doc.totals.taxable.toFixed(2)).toBe(sum("taxableValue"));
    expect(doc.totals.cgst.toFixed(2)).toBe(sum("cgstAmount"));
    expect(doc.totals.discount.toFixed(2)).toBe("5.99");
    expect(doc.totals.grandTotal.minus(doc.totals.roundOff).toFixed(2)).toBe(sum("lineTotal"));
  });

  it("refuses an export without place of supply 96, naming the field", () => {
    expect(() => buildDocument({ supplierStateCode: "27", placeOfSupply: "27", buyerGstin: null, supplyType: "export_with_payment", issueDate: d("2026-01-01"), taxRates: [], lines: [line()] })).toThrow(/placeOfSupply/);
  });
});
