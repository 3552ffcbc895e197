import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { computeLineTax } from "@/lib/tax/line-tax";
import { computeInvoiceTax, type InvoiceLineTax, type InvoiceTax, type InvoiceTaxInput, type SupplyType } from "@/lib/tax/invoice-tax";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

// Gujarat supplier; buyers with GSTINs whose check digits are right.
const GUJARAT_BUYER = "24AAQCA8719H1ZC";
const GUJARAT_SEZ_UNIT = "24AANFA2641L1ZF";
const KARNATAKA_BUYER = "29AABCR1718E1ZL";
const TAMIL_NADU_BUYER = "33AAAAR6720M1ZG";

const base: InvoiceTaxInput = { supplierStateCode: "24", placeOfSupply: "24", buyerGstin: GUJARAT_BUYER, lines: [] };
const line = (over: Partial<InvoiceTaxInput["lines"][number]> = {}) => ({ quantity: 3, unitPrice: "100.00", taxInclusive: false, gstRate: 18, ...over });
const invoice = (over: Partial<InvoiceTaxInput>) => computeInvoiceTax({ ...base, ...over });

const l = (t: InvoiceLineTax) => ({
  gross: t.grossValue.toFixed(2),
  discount: t.discount.toFixed(2),
  taxable: t.taxableValue.toFixed(2),
  rates: [t.cgstRate.toString(), t.sgstRate.toString(), t.igstRate.toString(), t.cessRate.toString()],
  cgst: t.cgstAmount.toFixed(2),
  sgst: t.sgstAmount.toFixed(2),
  igst: t.igstAmount.toFixed(2),
  cess: t.cessAmount.toFixed(2),
  total: t.lineTotal.toFixed(2),
});
const totals = (t: InvoiceTax) => Object.fromEntries(Object.entries(t.totals).map(([k, v]) => [k, v.toFixed(2)]));

function validationError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("validation");
    return e as AppError;
  }
  throw new Error("expected a validation error");
}

describe("which tax applies", () => {
  it("intra-state (place of supply is the supplier's state): CGST + SGST, half the rate each", () => {
    const t = invoice({ lines: [line()] });
    expect(t.taxType).toBe("intra");
    expect(l(t.lines[0]!)).toEqual({ gross: "300.00", discount: "0.00", taxable: "300.00", rates: ["9", "9", "0", "0"], cgst: "27.00", sgst: "27.00", igst: "0.00", cess: "0.00", total: "354.00" });
    expect(totals(t)).toEqual({ taxable: "300.00", cgst: "27.00", sgst: "27.00", igst: "0.00", cess: "0.00", tax: "54.00", beforeRoundOff: "354.00", roundOff: "0.00", grandTotal: "354.00" });
  });

  it("inter-state: IGST at the full rate", () => {
    const t = invoice({ placeOfSupply: "29", buyerGstin: KARNATAKA_BUYER, lines: [line()] });
    expect(t.taxType).toBe("inter");
    expect(l(t.lines[0]!)).toEqual({ gross: "300.00", discount: "0.00", taxable: "300.00", rates: ["0", "0", "18", "0"], cgst: "0.00", sgst: "0.00", igst: "54.00", cess: "0.00", total: "354.00" });
    expect(totals(t)).toMatchObject({ igst: "54.00", cgst: "0.00", sgst: "0.00", grandTotal: "354.00" });
  });

  it("an unregistered buyer (null, empty or URP) is taxed by the place of supply alike", () => {
    for (const buyerGstin of [null, "", "URP", " urp "]) {
      expect(invoice({ buyerGstin, lines: [line()] }).taxType).toBe("intra");
      expect(invoice({ buyerGstin, placeOfSupply: "33", lines: [line()] }).taxType).toBe("inter");
    }
  });

  it("the place of supply decides, not the buyer's GSTIN state (goods shipped to another state)", () => {
    expect(invoice({ buyerGstin: TAMIL_NADU_BUYER, placeOfSupply: "24", lines: [line()] }).taxType).toBe("intra");
    expect(invoice({ buyerGstin: GUJARAT_BUYER, placeOfSupply: "33", lines: [line()] }).taxType).toBe("inter");
  });

  it("state codes are normalised: '7' is Delhi (07), a lower-case GSTIN is accepted", () => {
    expect(invoice({ supplierStateCode: "7", placeOfSupply: "07", buyerGstin: null, lines: [line()] }).taxType).toBe("intra");
    expect(invoice({ buyerGstin: GUJARAT_BUYER.toLowerCase(), lines: [line()] }).taxType).toBe("intra");
  });

  it("Other Territory (97) is a Union territory like any other", () => {
    expect(invoice({ supplierStateCode: "97", placeOfSupply: "97", buyerGstin: null, lines: [line()] }).taxType).toBe("intra");
    expect(invoice({ supplierStateCode: "24", placeOfSupply: "97", buyerGstin: null, lines: [line()] }).taxType).toBe("inter");
    expect(invoice({ supplierStateCode: "97", placeOfSupply: "24", buyerGstin: null, lines: [line()] }).taxType).toBe("inter");
  });

  it("a quarter-percent rate splits into 0.125 % each, amounts still equal", () => {
    const t = invoice({ lines: [line({ quantity: 1, unitPrice: "1000", gstRate: "0.25" })] });
    expect(l(t.lines[0]!)).toMatchObject({ rates: ["0.125", "0.125", "0", "0"], cgst: "1.25", sgst: "1.25", total: "1002.50" });
  });
});

describe("SEZ and export", () => {
  it("SEZ with payment: IGST even when the SEZ is in the supplier's own state", () => {
    const t = invoice({ supplyType: "sez_with_payment", buyerGstin: GUJARAT_SEZ_UNIT, lines: [line()] });
    expect(t.taxType).toBe("inter");
    expect(l(t.lines[0]!)).toMatchObject({ rates: ["0", "0", "18", "0"], igst: "54.00", cgst: "0.00", sgst: "0.00", total: "354.00" });
  });

  it("SEZ without payment (LUT): no tax, the IGST rate still reported", () => {
    const t = invoice({ supplyType: "sez_without_payment", buyerGstin: GUJARAT_SEZ_UNIT, lines: [line({ cessRate: 12 })] });
    expect(t.taxType).toBe("inter");
    expect(l(t.lines[0]!)).toEqual({ gross: "300.00", discount: "0.00", taxable: "300.00", rates: ["0", "0", "18", "12"], cgst: "0.00", sgst: "0.00", igst: "0.00", cess: "0.00", total: "300.00" });
    expect(totals(t)).toMatchObject({ tax: "0.00", grandTotal: "300.00" });
  });

  it("export with payment: IGST and cess charged (refund claimed later)", () => {
    const t = invoice({ supplyType: "export_with_payment", placeOfSupply: "96", buyerGstin: null, lines: [line({ quantity: 1, unitPrice: "1000", gstRate: 28, cessRate: 12 })] });
    expect(t.taxType).toBe("inter");
    expect(l(t.lines[0]!)).toMatchObject({ igst: "280.00", cess: "120.00", total: "1400.00" });
  });

  it("export without payment: zero tax, rate reported; a tax-inclusive price is then all taxable value", () => {
    const t = invoice({ supplyType: "export_without_payment", placeOfSupply: "96", buyerGstin: null, lines: [line({ quantity: 1, unitPrice: "118", taxInclusive: true })] });
    expect(l(t.lines[0]!)).toMatchObject({ taxable: "118.00", rates: ["0", "0", "18", "0"], igst: "0.00", total: "118.00" });
  });

  it("refuses inconsistent export and SEZ inputs, naming the field", () => {
    expect(validationError(() => invoice({ supplyType: "export_with_payment", placeOfSupply: "24", buyerGstin: null, lines: [line()] })).fieldErrors).toHaveProperty("placeOfSupply");
    expect(validationError(() => invoice({ placeOfSupply: "96", buyerGstin: null, lines: [line()] })).fieldErrors).toHaveProperty("supplyType");
    expect(validationError(() => invoice({ supplyType: "export_without_payment", placeOfSupply: "96", buyerGstin: GUJARAT_BUYER, lines: [line()] })).fieldErrors).toHaveProperty("buyerGstin");
    expect(validationError(() => invoice({ supplyType: "sez_with_payment", buyerGstin: null, lines: [line()] })).fieldErrors).toHaveProperty("buyerGstin");
    expect(validationError(() => invoice({ supplyType: "sez_with_payment", placeOfSupply: "96", lines: [line()] })).fieldErrors).toHaveProperty("supplyType");
    expect(validationError(() => invoice({ supplyType: "deemed_export" as SupplyType, lines: [line()] })).fieldErrors).toHaveProperty("supplyType");
  });
});

describe("prices and discounts", () => {
  it("tax-inclusive: the line total is what the buyer pays; the taxable value or IGST takes the rounding", () => {
    const intra = invoice({ lines: [line({ quantity: 1, unitPrice: "100", taxInclusive: true })] });
    expect(l(intra.lines[0]!)).toMatchObject({ gross: "100.00", taxable: "84.74", cgst: "7.63", sgst: "7.63", total: "100.00" });
    const inter = invoice({ placeOfSupply: "29", buyerGstin: KARNATAKA_BUYER, lines: [line({ quantity: 1, unitPrice: "100", taxInclusive: true })] });
    expect(l(inter.lines[0]!)).toMatchObject({ gross: "100.00", taxable: "84.75", igst: "15.25", total: "100.00" });
  });

  it("a discount is rupees off the whole line, before tax (exclusive prices)", () => {
    const t = invoice({ lines: [line({ quantity: 2, unitPrice: "500", discount: "100" })] });
    expect(l(t.lines[0]!)).toEqual({ gross: "1000.00", discount: "100.00", taxable: "900.00", rates: ["9", "9", "0", "0"], cgst: "81.00", sgst: "81.00", igst: "0.00", cess: "0.00", total: "1062.00" });
  });

  it("with tax-inclusive prices the discount is tax-inclusive too", () => {
    const t = invoice({ lines: [line({ quantity: 2, unitPrice: "590", discount: "118", taxInclusive: true })] });
    expect(l(t.lines[0]!)).toMatchObject({ gross: "1180.00", discount: "118.00", taxable: "900.00", cgst: "81.00", sgst: "81.00", total: "1062.00" });
  });

  it("a discount of the whole line leaves nothing to tax", () => {
    const t = invoice({ lines: [line({ discount: "300" })] });
    expect(l(t.lines[0]!)).toMatchObject({ taxable: "0.00", cgst: "0.00", total: "0.00" });
  });

  it("discounted lines match computeLineTax on the net amount", () => {
    const t = invoice({ lines: [line({ quantity: "2.5", unitPrice: "99.99", discount: "12.34", gstRate: 12 })] });
    const direct = computeLineTax({ quantity: 1, unitPrice: "237.64", taxInclusive: false, gstRate: 12, intraState: true });
    expect(l(t.lines[0]!)).toMatchObject({ gross: "249.98", taxable: direct.taxableValue.toFixed(2), cgst: direct.cgstAmount.toFixed(2), total: direct.lineTotal.toFixed(2) });
  });

  it("cess is charged on the taxable value beside GST", () => {
    const t = invoice({ lines: [line({ quantity: 1, unitPrice: "1000", gstRate: 28, cessRate: 12 })] });
    expect(l(t.lines[0]!)).toMatchObject({ rates: ["14", "14", "0", "12"], cgst: "140.00", sgst: "140.00", cess: "120.00", total: "1400.00" });
    expect(totals(t)).toMatchObject({ cess: "120.00", tax: "400.00" });
  });

  it("zero-rated goods carry no tax, inclusive or not", () => {
    const t = invoice({ lines: [line({ quantity: 5, unitPrice: "20", gstRate: 0 }), line({ quantity: 5, unitPrice: "20", gstRate: 0, taxInclusive: true })] });
    for (const x of t.lines) expect(l(x)).toMatchObject({ taxable: "100.00", cgst: "0.00", sgst: "0.00", igst: "0.00", total: "100.00" });
    expect(totals(t)).toMatchObject({ tax: "0.00", grandTotal: "200.00" });
  });
});

describe("round-off to the rupee", () => {
  const one = (unitPrice: string, gstRate = 0) => invoice({ lines: [line({ quantity: 1, unitPrice, gstRate })] }).totals;
  const r = (t: InvoiceTax["totals"]) => [t.beforeRoundOff.toFixed(2), t.roundOff.toFixed(2), t.grandTotal.toFixed(2)];

  it("rounds up below the rupee (104.99 → 105, +0.01)", () => {
    expect(r(one("99.99", 5))).toEqual(["104.99", "0.01", "105.00"]);
    expect(r(one("100.51"))).toEqual(["100.51", "0.49", "101.00"]);
  });

  it("rounds down under 50 paise (100.49 → 100, −0.49)", () => {
    expect(r(one("100.49"))).toEqual(["100.49", "-0.49", "100.00"]);
    expect(r(one("100.01"))).toEqual(["100.01", "-0.01", "100.00"]);
  });

  it("exactly 50 paise goes up (10 + 0.25 + 0.25 = 10.50 → 11, +0.50)", () => {
    expect(r(one("10", 5))).toEqual(["10.50", "0.50", "11.00"]);
    expect(r(one("100.50"))).toEqual(["100.50", "0.50", "101.00"]);
  });

  it("a whole-rupee total has no round-off", () => {
    expect(r(one("354"))).toEqual(["354.00", "0.00", "354.00"]);
  });

  it("rounds the invoice total once, not each line (10.30 + 10.30 = 20.60 → 21; line by line it would be 20)", () => {
    const t = invoice({ lines: [line({ quantity: 1, unitPrice: "10.30", gstRate: 0 }), line({ quantity: 1, unitPrice: "10.30", gstRate: 0 })] });
    expect(r(t.totals)).toEqual(["20.60", "0.40", "21.00"]);
  });
});

describe("validation", () => {
  const field = (over: Partial<InvoiceTaxInput>) => Object.keys(validationError(() => invoice(over)).fieldErrors ?? {});

  it("names the bad header field", () => {
    expect(field({ supplierStateCode: "99", lines: [line()] })).toEqual(["supplierStateCode"]);
    expect(field({ supplierStateCode: "96", placeOfSupply: "96", supplyType: "export_with_payment", buyerGstin: null, lines: [line()] })).toEqual(["supplierStateCode"]);
    expect(field({ placeOfSupply: "XX", lines: [line()] })).toEqual(["placeOfSupply"]);
    expect(field({ placeOfSupply: "", lines: [line()] })).toEqual(["placeOfSupply"]);
    expect(field({ buyerGstin: "24AAQCA8719H1ZD", lines: [line()] })).toEqual(["buyerGstin"]);
    expect(field({ buyerGstin: "not a gstin", lines: [line()] })).toEqual(["buyerGstin"]);
    expect(field({ lines: [] })).toEqual(["lines"]);
  });

  it("names the bad line field with its index", () => {
    expect(field({ lines: [line(), line({ quantity: 0 })] })).toEqual(["lines.1.quantity"]);
    expect(field({ lines: [line({ quantity: "-1" })] })).toEqual(["lines.0.quantity"]);
    expect(field({ lines: [line({ unitPrice: "-0.01" })] })).toEqual(["lines.0.unitPrice"]);
    expect(field({ lines: [line({ unitPrice: "abc" })] })).toEqual(["lines.0.unitPrice"]);
    expect(field({ lines: [line({ unitPrice: "Infinity" })] })).toEqual(["lines.0.unitPrice"]);
    expect(field({ lines: [line({ gstRate: 41 })] })).toEqual(["lines.0.gstRate"]);
    expect(field({ lines: [line({ gstRate: -5 })] })).toEqual(["lines.0.gstRate"]);
    expect(field({ lines: [line({ cessRate: -1 })] })).toEqual(["lines.0.cessRate"]);
    expect(field({ lines: [line({ discount: "-1" })] })).toEqual(["lines.0.discount"]);
    expect(field({ lines: [line({ discount: "1.005" })] })).toEqual(["lines.0.discount"]);
    expect(field({ lines: [line({ discount: "300.01" })] })).toEqual(["lines.0.discount"]);
    expect(field({ lines: [line({ taxInclusive: "yes" as unknown as boolean })] })).toEqual(["lines.0.taxInclusive"]);
  });

  it("says what is wrong in the message", () => {
    const e = validationError(() => invoice({ lines: [line({ discount: "500" })] }));
    expect(e.message).toContain("lines.0.discount");
    expect(e.fieldErrors?.["lines.0.discount"]?.[0]).toContain("300.00");
  });
});

describe("invariants over many random invoices", () => {
  // A fixed pseudo-random sequence, so a failure reproduces.
  let seed = 2024;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rates = ["0", "0.1", "0.25", "1.5", "3", "5", "12", "18", "28", "40"];
  const supplyTypes: SupplyType[] = ["regular", "regular", "regular", "sez_with_payment", "sez_without_payment", "export_with_payment", "export_without_payment"];
  const buyers = [GUJARAT_BUYER, GUJARAT_SEZ_UNIT, KARNATAKA_BUYER, TAMIL_NADU_BUYER];

  const invoices: InvoiceTaxInput[] = Array.from({ length: 3000 }, () => {
    const supplyType = pick(supplyTypes);
    const supplierStateCode = pick(["24", "29", "33", "97"]);
    const buyerGstin = supplyType.startsWith("export") ? null : supplyType.startsWith("sez") || rand() < 0.6 ? pick(buyers) : null;
    const placeOfSupply = supplyType.startsWith("export") ? "96" : buyerGstin && rand() < 0.8 ? buyerGstin.slice(0, 2) : pick(["24", "29", "33", "07", "97"]);
    const lines = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => {
      const quantity = (Math.floor(rand() * 100000) / 1000 + 0.001).toFixed(3);
      const unitPrice = (Math.floor(rand() * 10000000) / 100).toFixed(2);
      const gross = new D(quantity).times(unitPrice).toDecimalPlaces(2, D.ROUND_HALF_UP);
      return {
        quantity,
        unitPrice,
        discount: rand() < 0.3 ? gross.times(rand()).toDecimalPlaces(2, D.ROUND_DOWN).toFixed(2) : undefined,
        taxInclusive: rand() < 0.5,
        gstRate: pick(rates),
        cessRate: rand() < 0.2 ? pick(["1", "12", "15", "22", "160"]) : undefined,
      };
    });
    return { supplierStateCode, placeOfSupply, buyerGstin, supplyType, lines };
  });

  it("CGST == SGST on every line; one kind of tax per invoice; whole paise; totals are the sums of the lines; round-off within ±50 paise", () => {
    const sum = (xs: InvoiceLineTax[], f: (x: InvoiceLineTax) => Decimal) => xs.reduce((a, x) => a.plus(f(x)), new D(0));
    let intra = 0;
    let withoutPayment = 0;
    for (const input of invoices) {
      const why = JSON.stringify(input);
      const t = computeInvoiceTax(input);
      const supplyType = input.supplyType!;
      const expectIntra = supplyType === "regular" && input.placeOfSupply === input.supplierStateCode;
      expect(t.taxType, why).toBe(expectIntra ? "intra" : "inter");
      if (expectIntra) intra++;
      const charged = !supplyType.endsWith("without_payment");
      if (!charged) withoutPayment++;

      t.lines.forEach((x, i) => {
        const inLine = input.lines[i]!;
        for (const a of [x.grossValue, x.discount, x.taxableValue, x.cgstAmount, x.sgstAmount, x.igstAmount, x.cessAmount, x.lineTotal]) {
          expect(a.decimalPlaces(), why).toBeLessThanOrEqual(2);
          expect(a.isNeg(), why).toBe(false);
        }
        expect(x.cgstAmount.eq(x.sgstAmount), why).toBe(true);
        expect(x.cgstRate.eq(x.sgstRate), why).toBe(true);
        if (expectIntra) {
          expect(x.igstAmount.isZero() && x.igstRate.isZero(), why).toBe(true);
          expect(x.cgstRate.times(2).eq(inLine.gstRate), why).toBe(true);
        } else {
          expect(x.cgstAmount.isZero() && x.sgstAmount.isZero() && x.cgstRate.isZero(), why).toBe(true);
          expect(x.igstRate.eq(inLine.gstRate), why).toBe(true);
        }
        expect(x.cessRate.eq(inLine.cessRate ?? 0), why).toBe(true);
        const tax = x.cgstAmount.plus(x.sgstAmount).plus(x.igstAmount).plus(x.cessAmount);
        if (!charged) expect(tax.isZero(), why).toBe(true);
        expect(x.lineTotal.eq(x.taxableValue.plus(tax)), why).toBe(true);
        const net = x.grossValue.minus(x.discount);
        if (inLine.taxInclusive || !charged) expect(x.lineTotal.eq(net), why).toBe(true);
        if (!inLine.taxInclusive) expect(x.taxableValue.eq(net), why).toBe(true);
        // The tax stays within a paisa or two of the exact rate on the taxable value.
        const exact = charged ? x.taxableValue.times(new D(inLine.gstRate).plus(inLine.cessRate ?? 0)).div(100) : new D(0);
        expect(tax.minus(exact).abs().lte("0.03"), why).toBe(true);
      });

      const T = t.totals;
      expect(T.taxable.eq(sum(t.lines, (x) => x.taxableValue)), why).toBe(true);
      expect(T.cgst.eq(sum(t.lines, (x) => x.cgstAmount)), why).toBe(true);
      expect(T.sgst.eq(sum(t.lines, (x) => x.sgstAmount)), why).toBe(true);
      expect(T.igst.eq(sum(t.lines, (x) => x.igstAmount)), why).toBe(true);
      expect(T.cess.eq(sum(t.lines, (x) => x.cessAmount)), why).toBe(true);
      expect(T.cgst.eq(T.sgst), why).toBe(true);
      expect(T.tax.eq(T.cgst.plus(T.sgst).plus(T.igst).plus(T.cess)), why).toBe(true);
      expect(T.beforeRoundOff.eq(sum(t.lines, (x) => x.lineTotal)), why).toBe(true);
      expect(T.beforeRoundOff.eq(T.taxable.plus(T.tax)), why).toBe(true);
      expect(T.grandTotal.isInteger(), why).toBe(true);
      expect(T.grandTotal.eq(T.beforeRoundOff.plus(T.roundOff)), why).toBe(true);
      expect(T.roundOff.gte("-0.49") && T.roundOff.lte("0.50"), why).toBe(true);
      // Deterministic: the same input gives the same amounts.
      expect(totals(computeInvoiceTax(input)), why).toEqual(totals(t));
    }
    // The generator reached every branch it was meant to.
    expect(intra).toBeGreaterThan(100);
    expect(withoutPayment).toBeGreaterThan(100);
  });
});
