import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeLineTax, sumLineTaxes, type LineTax } from "@/lib/tax/line-tax";

const D = Prisma.Decimal;
const s = (t: LineTax) => ({ taxable: t.taxableValue.toFixed(2), cgst: t.cgstAmount.toFixed(2), sgst: t.sgstAmount.toFixed(2), igst: t.igstAmount.toFixed(2), cess: t.cessAmount.toFixed(2), total: t.lineTotal.toFixed(2) });

describe("GST of one line, tax-exclusive prices", () => {
  it("intra-state: CGST and SGST are half the rate each", () => {
    expect(s(computeLineTax({ quantity: 3, unitPrice: "100.00", taxInclusive: false, gstRate: 18, intraState: true }))).toEqual({ taxable: "300.00", cgst: "27.00", sgst: "27.00", igst: "0.00", cess: "0.00", total: "354.00" });
  });

  it("inter-state: IGST at the full rate", () => {
    expect(s(computeLineTax({ quantity: 3, unitPrice: "100.00", taxInclusive: false, gstRate: 18, intraState: false }))).toEqual({ taxable: "300.00", cgst: "0.00", sgst: "0.00", igst: "54.00", cess: "0.00", total: "354.00" });
  });

  it("rounds each half to the paisa, half up (99.99 at 5%: 2.49975 → 2.50 each)", () => {
    expect(s(computeLineTax({ quantity: 1, unitPrice: "99.99", taxInclusive: false, gstRate: 5, intraState: true }))).toEqual({ taxable: "99.99", cgst: "2.50", sgst: "2.50", igst: "0.00", cess: "0.00", total: "104.99" });
    expect(s(computeLineTax({ quantity: 1, unitPrice: "10.01", taxInclusive: false, gstRate: 5, intraState: true }))).toMatchObject({ cgst: "0.25", sgst: "0.25", total: "10.51" });
    expect(s(computeLineTax({ quantity: 1, unitPrice: "10.01", taxInclusive: false, gstRate: 5, intraState: false }))).toMatchObject({ igst: "0.50", total: "10.51" });
  });

  it("a fractional quantity rounds the taxable value to the paisa first (2.5 kg × 99.99 = 249.975 → 249.98)", () => {
    expect(s(computeLineTax({ quantity: "2.5", unitPrice: "99.99", taxInclusive: false, gstRate: 12, intraState: false }))).toEqual({ taxable: "249.98", cgst: "0.00", sgst: "0.00", igst: "30.00", cess: "0.00", total: "279.98" });
  });

  it("cess is charged on the taxable value beside GST", () => {
    expect(s(computeLineTax({ quantity: 1, unitPrice: "1000", taxInclusive: false, gstRate: 28, cessRate: 12, intraState: false }))).toEqual({ taxable: "1000.00", cgst: "0.00", sgst: "0.00", igst: "280.00", cess: "120.00", total: "1400.00" });
    expect(s(computeLineTax({ quantity: 1, unitPrice: "1000", taxInclusive: false, gstRate: 28, cessRate: 12, intraState: true }))).toEqual({ taxable: "1000.00", cgst: "140.00", sgst: "140.00", igst: "0.00", cess: "120.00", total: "1400.00" });
  });

  it("zero-rated goods carry no tax", () => {
    expect(s(computeLineTax({ quantity: 5, unitPrice: "20", taxInclusive: false, gstRate: 0, intraState: true }))).toEqual({ taxable: "100.00", cgst: "0.00", sgst: "0.00", igst: "0.00", cess: "0.00", total: "100.00" });
    expect(s(computeLineTax({ quantity: 5, unitPrice: "20", taxInclusive: true, gstRate: 0, intraState: false }))).toEqual({ taxable: "100.00", cgst: "0.00", sgst: "0.00", igst: "0.00", cess: "0.00", total: "100.00" });
  });
});

describe("GST of one line, tax-inclusive prices", () => {
  it("splits a round price exactly (3 × 118 at 18% = 300 + 27 + 27)", () => {
    expect(s(computeLineTax({ quantity: 3, unitPrice: "118", taxInclusive: true, gstRate: 18, intraState: true }))).toEqual({ taxable: "300.00", cgst: "27.00", sgst: "27.00", igst: "0.00", cess: "0.00", total: "354.00" });
  });

  it("the line total is qty × price exactly; the taxable value takes the rounding (₹100 at 18%)", () => {
    const intra = computeLineTax({ quantity: 1, unitPrice: "100", taxInclusive: true, gstRate: 18, intraState: true });
    expect(s(intra)).toEqual({ taxable: "84.74", cgst: "7.63", sgst: "7.63", igst: "0.00", cess: "0.00", total: "100.00" });
    const inter = computeLineTax({ quantity: 1, unitPrice: "100", taxInclusive: true, gstRate: 18, intraState: false });
    expect(s(inter)).toEqual({ taxable: "84.75", cgst: "0.00", sgst: "0.00", igst: "15.25", cess: "0.00", total: "100.00" });
  });

  it("cess is backed out of the inclusive price too", () => {
    expect(s(computeLineTax({ quantity: 2, unitPrice: "1400", taxInclusive: true, gstRate: 28, cessRate: 12, intraState: false }))).toEqual({ taxable: "2000.00", cgst: "0.00", sgst: "0.00", igst: "560.00", cess: "240.00", total: "2800.00" });
  });

  it("rejects negative amounts", () => {
    expect(() => computeLineTax({ quantity: -1, unitPrice: "10", taxInclusive: false, gstRate: 5, intraState: true })).toThrow(RangeError);
  });
});

describe("invariants over many lines", () => {
  // A fixed pseudo-random sequence, so a failure reproduces.
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rates = ["0", "0.25", "3", "5", "12", "18", "28", "40"];
  const cases = Array.from({ length: 3000 }, () => ({
    quantity: (Math.floor(rand() * 100000) / 1000 + 0.001).toFixed(3),
    unitPrice: (Math.floor(rand() * 10000000) / 100).toFixed(2),
    gstRate: rates[Math.floor(rand() * rates.length)],
    cessRate: rand() < 0.2 ? ["1", "12", "15", "22"][Math.floor(rand() * 4)] : "0",
    taxInclusive: rand() < 0.5,
    intraState: rand() < 0.5,
  }));

  it("CGST == SGST always; amounts are whole paise and never negative; total = taxable + taxes; inclusive total = qty × price to the paisa", () => {
    for (const c of cases) {
      const t = computeLineTax(c);
      const all = [t.taxableValue, t.cgstAmount, t.sgstAmount, t.igstAmount, t.cessAmount, t.lineTotal];
      for (const a of all) {
        expect(a.decimalPlaces(), JSON.stringify(c)).toBeLessThanOrEqual(2);
        expect(a.isNeg(), JSON.stringify(c)).toBe(false);
      }
      expect(t.cgstAmount.eq(t.sgstAmount), JSON.stringify(c)).toBe(true);
      if (c.intraState) expect(t.igstAmount.isZero()).toBe(true);
      else expect(t.cgstAmount.isZero() && t.sgstAmount.isZero()).toBe(true);
      expect(t.lineTotal.eq(t.taxableValue.plus(t.cgstAmount).plus(t.sgstAmount).plus(t.igstAmount).plus(t.cessAmount)), JSON.stringify(c)).toBe(true);
      const gross = new D(c.quantity).times(c.unitPrice).toDecimalPlaces(2, D.ROUND_HALF_UP);
      if (c.taxInclusive) expect(t.lineTotal.eq(gross), JSON.stringify(c)).toBe(true);
      else expect(t.taxableValue.eq(gross), JSON.stringify(c)).toBe(true);
      // The tax stays within a paisa or two of the exact rate on the taxable value.
      const exact = t.taxableValue.times(new D(c.gstRate).plus(c.cessRate)).div(100);
      const tax = t.lineTotal.minus(t.taxableValue);
      expect(tax.minus(exact).abs().lte("0.03"), JSON.stringify(c)).toBe(true);
    }
  });

  it("order totals are the sums of the lines", () => {
    const lines = cases.slice(0, 50).map((c) => computeLineTax(c));
    const t = sumLineTaxes(lines);
    const sum = (f: (l: LineTax) => Prisma.Decimal) => lines.reduce((a, l) => a.plus(f(l)), new D(0));
    expect(t.taxable.eq(sum((l) => l.taxableValue))).toBe(true);
    expect(t.cgst.eq(sum((l) => l.cgstAmount))).toBe(true);
    expect(t.igst.eq(sum((l) => l.igstAmount))).toBe(true);
    expect(t.grandTotal.eq(sum((l) => l.lineTotal))).toBe(true);
    expect(t.tax.eq(t.cgst.plus(t.sgst).plus(t.igst).plus(t.cess))).toBe(true);
    expect(t.grandTotal.eq(t.taxable.plus(t.tax))).toBe(true);
    expect(sumLineTaxes([]).grandTotal.toFixed(2)).toBe("0.00");
  });
});
