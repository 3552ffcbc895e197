// The tax summary per GST rate under a document's lines: sums of the amounts already on the lines.
import { describe, expect, it } from "vitest";
import { taxSplitByRate } from "@/lib/billing/tax-split";

const line = (gstRate: string, taxableValue: string, cgst: string, sgst: string, igst = "0.00", cess = "0.00") => ({ gstRate, taxableValue, cgstAmount: cgst, sgstAmount: sgst, igstAmount: igst, cessAmount: cess });

describe("taxSplitByRate", () => {
  it("adds lines of one rate together, lowest rate first, to the paisa", () => {
    const rows = taxSplitByRate([line("18.00", "1249.50", "112.46", "112.46"), line("5.00", "667.45", "16.69", "16.69"), line("18", "0.10", "0.01", "0.01")]);
    expect(rows).toEqual([
      { gstRate: "5.00", taxable: "667.45", cgst: "16.69", sgst: "16.69", igst: "0.00", cess: "0.00" },
      { gstRate: "18.00", taxable: "1249.60", cgst: "112.47", sgst: "112.47", igst: "0.00", cess: "0.00" },
    ]);
  });

  it("keeps IGST and cess, and leaves out lines without taxable value (free goods)", () => {
    expect(taxSplitByRate([line("28.00", "1000.00", "0.00", "0.00", "280.00", "120.00"), line("12.00", "0.00", "0.00", "0.00")])).toEqual([{ gstRate: "28.00", taxable: "1000.00", cgst: "0.00", sgst: "0.00", igst: "280.00", cess: "120.00" }]);
    expect(taxSplitByRate([])).toEqual([]);
  });
});
