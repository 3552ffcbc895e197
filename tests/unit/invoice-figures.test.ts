// The figures a document prints — each line's, the totals and the place of supply — come from one place
// for an issued invoice or note (toInvoiceView) and for its preview before issuing (toDocumentPreview):
// decimal strings, quantities to 3 places and money and rates to 2, the tax being CGST + SGST + IGST + cess.
import { describe, expect, it } from "vitest";
import { buildDocument, type DocumentLineInput } from "@/lib/billing/build-document";
import { lineFigures, placeOfSupplyOf, totalsFigures } from "@/lib/billing/invoice-views";
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;
const line = (over: Partial<DocumentLineInput> = {}): DocumentLineInput => ({ description: "Marie biscuits 250 g", hsnCode: "19053100", unit: "BOX", quantity: "2.5", unitPrice: "1249.505", taxInclusive: false, gstRate: "18", ...over });
const build = (placeOfSupply: string, lines: DocumentLineInput[]) =>
  buildDocument({ supplierStateCode: "27", placeOfSupply, buyerGstin: null, issueDate: new Date("2026-11-29T00:00:00Z"), taxRates: [], lines });

describe("lineFigures", () => {
  it("prints an intra-state line: quantity to 3 places, money and rates to 2, CGST and SGST", () => {
    const l = build("27", [line({ sku: "MB-250", discount: "10", cessRate: "1" })]).lines[0]!;
    expect(lineFigures(l)).toEqual({
      sku: "MB-250",
      description: "Marie biscuits 250 g",
      hsnCode: "19053100",
      unit: "BOX",
      quantity: "2.500",
      unitPrice: l.unitPrice.toFixed(2),
      freeGoods: false,
      taxInclusive: false,
      grossValue: l.grossValue.toFixed(2),
      discount: "10.00",
      taxableValue: l.taxableValue.toFixed(2),
      gstRate: "18.00",
      cessRate: "1.00",
      cgstAmount: l.cgstAmount.toFixed(2),
      sgstAmount: l.sgstAmount.toFixed(2),
      igstAmount: "0.00",
      cessAmount: l.cessAmount.toFixed(2),
      lineTotal: l.lineTotal.toFixed(2),
    });
    expect(Number(lineFigures(l).cgstAmount)).toBeGreaterThan(0);
    expect(lineFigures(l).cgstAmount).toBe(lineFigures(l).sgstAmount);
  });

  it("rounds half up, as the stored numeric(_, 2) columns do", () => {
    const f = lineFigures({
      sku: null, description: "Loose tea", hsnCode: "09023010", unit: "KG", freeGoods: true, taxInclusive: true,
      quantity: new D("1.2345"), unitPrice: new D("0.005"), grossValue: new D("10.125"), discount: new D("0"), taxableValue: new D("10.125"), gstRate: new D("5"), cessRate: new D("0"),
      cgstAmount: new D("0"), sgstAmount: new D("0"), igstAmount: new D("0.505"), cessAmount: new D("0"), lineTotal: new D("10.635"),
    });
    expect([f.sku, f.freeGoods, f.taxInclusive, f.quantity, f.unitPrice, f.grossValue, f.igstAmount, f.lineTotal]).toEqual([null, true, true, "1.235", "0.01", "10.13", "0.51", "10.64"]);
  });

  it("gives the fields of an invoice line in the order the API has always written them, and nothing else", () => {
    const l = build("29", [line()]).lines[0]!;
    expect(Object.keys(lineFigures(l))).toEqual(["sku", "description", "hsnCode", "unit", "quantity", "unitPrice", "freeGoods", "taxInclusive", "grossValue", "discount", "taxableValue", "gstRate", "cessRate", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal"]);
    expect(lineFigures(l).igstAmount).toBe(l.igstAmount.toFixed(2));
    expect(lineFigures(l).cgstAmount).toBe("0.00");
  });
});

describe("totalsFigures", () => {
  it("prints the totals of a built document, the tax being CGST + SGST + IGST + cess", () => {
    const doc = build("27", [line({ cessRate: "1" }), line({ quantity: "3", unitPrice: "33.33", gstRate: "5" })]);
    const t = doc.totals;
    const f = totalsFigures(t);
    expect(f).toEqual({
      taxable: t.taxable.toFixed(2),
      discount: "0.00",
      cgst: t.cgst.toFixed(2),
      sgst: t.sgst.toFixed(2),
      igst: "0.00",
      cess: t.cess.toFixed(2),
      tax: t.cgst.plus(t.sgst).plus(t.cess).toFixed(2),
      roundOff: t.roundOff.toFixed(2),
      grandTotal: t.grandTotal.toFixed(2),
    });
    expect(Object.keys(f)).toEqual(["taxable", "discount", "cgst", "sgst", "igst", "cess", "tax", "roundOff", "grandTotal"]);
    // Taxable + tax + round-off is what the buyer pays.
    expect(new D(f.taxable).plus(f.tax).plus(f.roundOff).toFixed(2)).toBe(f.grandTotal);
  });

  it("adds IGST and cess of an inter-state document into the tax", () => {
    const f = totalsFigures({ taxable: new D("1000"), discount: new D("25.5"), cgst: new D(0), sgst: new D(0), igst: new D("180"), cess: new D("12.345"), roundOff: new D("-0.35"), grandTotal: new D("1192") });
    expect(f).toMatchObject({ discount: "25.50", igst: "180.00", cess: "12.35", tax: "192.35", roundOff: "-0.35", grandTotal: "1192.00" });
  });
});

describe("placeOfSupplyOf", () => {
  it("names a state by its GST code, an export as Other Countries, and keeps an unknown code as it is", () => {
    expect(placeOfSupplyOf("27")).toEqual({ code: "27", name: "Maharashtra" });
    expect(placeOfSupplyOf("96")).toEqual({ code: "96", name: "Other Countries" });
    expect(placeOfSupplyOf("00")).toEqual({ code: "00", name: "00" });
  });
});
