// The validator names the document and line of every problem; GSTR-3B 3.1 and 3.2 come from the
// same documents as GSTR-1 with the documents behind each figure. Expected figures worked out by
// hand from the golden November 2026 documents (tests/unit/gst-returns-fixtures.ts).
import { describe, expect, it } from "vitest";
import { buildGstr1 } from "@/lib/reporting/gst/build-gstr1";
import { buildGstr3b } from "@/lib/reporting/gst/build-gstr3b";
import { parseReturnPeriod } from "@/lib/reporting/gst/period";
import { validateGstr1 } from "@/lib/reporting/gst/validate-gstr1";
import { doc, INTRA_BUYER, november2026, SUPPLIER_GSTIN } from "./gst-returns-fixtures";

describe("validator", () => {
  it("the golden month has only the warning for the export without a shipping bill", () => {
    const b = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "112026", documents: november2026 });
    const problems = validateGstr1(b.inPeriod, b.series);
    expect(problems.map((p) => [p.level, p.documentNumber, p.line, p.field])).toEqual([["warning", "INV/26-27/000010", null, "shippingBill"]]);
  });

  it("names document and line: HSN, GSTIN, place of supply, tax type, rate, totals, series gaps", () => {
    const docs = [
      doc({ number: "INV/26-27/000001", issueDate: "2026-11-02", buyerGstin: "24AABCR6898M1ZX" }, [
        ["19053100", "Biscuits", "PCS", "1", "100.00", "18", "9.00", "9.00", "0"],
        ["", "No HSN", "PCS", "1", "100.00", "18", "9.00", "9.00", "0"],
        ["1905", "Four digits", "PCS", "1", "100.00", "13", "6.50", "6.50", "0"],
        ["190531", "Bad unit", "BUNDLE", "1", "100.00", "18", "9.00", "9.00", "0"],
      ]),
      // Place of supply 24 is the supplier's state, but IGST was charged.
      doc({ number: "INV/26-27/000002", issueDate: "2026-11-02", buyerGstin: INTRA_BUYER, taxType: "inter" }, [["19053100", "Biscuits", "PCS", "1", "100.00", "18", "0", "0", "18.00"]]),
      // An unknown place of supply, and header totals that do not tie to the lines.
      { ...doc({ number: "INV/26-27/000004", issueDate: "2026-11-02", placeOfSupply: "99" }, [["19053100", "Biscuits", "PCS", "1", "100.00", "18", "0", "0", "18.00"]]), taxableTotal: "101.00", grandTotal: "120.00" },
    ];
    const b = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "112026", aato: "60000000", documents: docs });
    const problems = validateGstr1(b.inPeriod, b.series, { aato: "60000000" });
    expect(problems.map((p) => [p.level, p.documentNumber, p.line, p.field])).toEqual([
      ["error", "INV/26-27/000001", null, "buyerGstin"],
      ["error", "INV/26-27/000001", 2, "hsnCode"],
      // 4 digits with turnover above ₹5 crore; and 13 % is not a GST rate.
      ["error", "INV/26-27/000001", 3, "hsnCode"],
      ["error", "INV/26-27/000001", 3, "gstRate"],
      ["warning", "INV/26-27/000001", 4, "unit"],
      ["error", "INV/26-27/000002", null, "taxType"],
      ["error", "INV/26-27/000004", null, "placeOfSupply"],
      ["error", "INV/26-27/000004", null, "taxableTotal"],
      ["error", "INV/26-27/000004", null, "grandTotal"],
      ["error", "INV/26-27/000001", null, "number"],
    ]);
    expect(problems[1]!.message).toBe("INV/26-27/000001, line 2: HSN is missing");
    expect(problems[2]!.message).toBe('INV/26-27/000001, line 3: HSN "1905" has 4 digits; with turnover above ₹5 crore Table 12 needs at least 6');
    expect(problems[9]!.message).toBe("Series INV/26-27/: numbers missing between INV/26-27/000001 and INV/26-27/000004: INV/26-27/000003 (filed as cancelled)");
    // Up to ₹5 crore four digits are enough.
    expect(validateGstr1(b.inPeriod, b.series, { aato: "40000000" }).filter((p) => p.line === 3).map((p) => p.field)).toEqual(["gstRate"]);
  });

  it("40 % only from 22 Sep 2025", () => {
    const d = doc({ number: "INV/25-26/000001", issueDate: "2025-09-21" }, [["22021010", "Drink", "PCS", "1", "100.00", "40", "20.00", "20.00", "0"]]);
    expect(validateGstr1([d], []).map((p) => p.message)).toEqual(["INV/25-26/000001, line 1: the 40% rate applies from 22 Sep 2025, not on 2025-09-21"]);
    expect(validateGstr1([{ ...d, issueDate: "2025-09-22" }], [])).toEqual([]);
  });
});

describe("GSTR-3B from the golden month", () => {
  const r = buildGstr3b(november2026.filter((d) => d.issueDate >= "2026-11-01"));
  const row = (k: string) => r.table31.find((x) => x.key === k)!;

  it("3.1(a) taxable: regular and deemed export, net of notes, reverse charge left out", () => {
    // Taxable lines of INV 1 (12000), 2 (5000), 4, 5, 6 (1500), 7 (2000), 8 (3000), 13 (6000), 14 (1000)
    // − CN 1 (1000) − CN 2 (10000) − CN 3 (200) + DN 1 (500) + DN 2 (100)
    // = 12000 + 5000 + 84746.61 + 84745.76 + 1500 + 2000 + 3000 + 6000 + 1000 − 11200 + 600 = 189392.37.
    // IGST: 900 + 15254.39 + 15254.24 + 1200 + 1080 − 1800 + 90 + 40 = 32018.63 (all IGST 42918.63 less RCM 1000 and zero-rated 9900).
    expect([row("a").taxable, row("a").igst, row("a").cgst, row("a").sgst]).toEqual(["189392.37", "32018.63", "1149.50", "1149.50"]);
    expect(row("a").documents.map((d) => d.number)).toContain("INV/26-27/000013");
    expect(row("a").documents.map((d) => d.number)).not.toContain("INV/26-27/000003");
  });

  it("3.1(b) zero-rated: exports and SEZ (50000 + 40000 + 10000 + 8000 − 5000), IGST paid 9000 + 1800 − 900", () => {
    expect([row("b").taxable, row("b").igst]).toEqual(["103000.00", "9900.00"]);
    expect(row("b").documents.map((d) => d.number)).toEqual(["INV/26-27/000009", "INV/26-27/000010", "INV/26-27/000011", "INV/26-27/000012", "CN/26-27/000004"]);
  });

  it("3.1(c) nil + exempt 4000 + 1500 + 800; (d) 0 from sales; (e) non-GST 900; reverse charge 20000 apart", () => {
    expect(row("c").taxable).toBe("6300.00");
    expect([row("d").taxable, row("d").documents]).toEqual(["0.00", []]);
    expect(row("e").taxable).toBe("900.00");
    expect([row("rcm").taxable, row("rcm").igst]).toEqual(["20000.00", "1000.00"]);
  });

  it("3.2 inter-state to unregistered by place of supply", () => {
    // 27: INV 4 + INV 5 − CN 2; 29: INV 8 + DN 2 (INV 15 is nil-rated and non-GST: not in 3.2).
    expect(r.table32.map(({ pos, taxable, igst }) => ({ pos, taxable, igst }))).toEqual([
      { pos: "27", taxable: "159492.37", igst: "28708.63" },
      { pos: "29", taxable: "3100.00", igst: "1240.00" },
    ]);
  });

  it("every figure of 3.1 adds up to the GSTR-1 register: 189392.37 + 103000 + 6300 + 900 + 20000 = 319592.37", () => {
    const total = r.table31.reduce((s, x) => s + Math.round(Number(x.taxable) * 100), 0);
    expect(total).toBe(31959237);
  });
});

describe("return periods", () => {
  it("fp is MMYYYY; a quarter ends in Mar/Jun/Sep/Dec; nothing before July 2017", () => {
    expect(parseReturnPeriod("112026")).toMatchObject({ from: "2026-11-01", to: "2026-11-30", label: "November 2026", hsnSplit: true });
    expect(parseReturnPeriod("022028")).toMatchObject({ to: "2028-02-29" });
    expect(parseReturnPeriod("122026", "quarterly")).toMatchObject({ from: "2026-10-01", to: "2026-12-31", label: "Oct–Dec 2026" });
    expect(parseReturnPeriod("042025")).toMatchObject({ hsnSplit: false });
    for (const bad of ["2026-11", "132026", "0026", "11202", "062017", "x12026"]) expect(parseReturnPeriod(bad)).toBeNull();
    expect(parseReturnPeriod("112026", "quarterly")).toBeNull();
  });
});
