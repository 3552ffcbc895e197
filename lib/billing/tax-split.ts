// The tax summary of a GST document: taxable value and CGST/SGST or IGST (and cess) per GST rate,
// summed from the amounts the tax engine already put on each line (no tax is computed here). Printed
// under the lines of the invoice page, the preview before issuing, and the PDF's HSN summary does
// the same per HSN.
import { toPaise, fromPaise } from "@/lib/billing/paise";

export type TaxSplitLine = { gstRate: string; taxableValue: string; cgstAmount: string; sgstAmount: string; igstAmount: string; cessAmount: string };
export type TaxSplitRow = { gstRate: string; taxable: string; cgst: string; sgst: string; igst: string; cess: string };

/** One row per GST rate, lowest rate first (lines with no taxable value, e.g. free goods, are left out). */
export function taxSplitByRate(lines: readonly TaxSplitLine[]): TaxSplitRow[] {
  const rows = new Map<string, { taxable: bigint; cgst: bigint; sgst: bigint; igst: bigint; cess: bigint }>();
  for (const l of lines) {
    const taxable = toPaise(l.taxableValue) ?? 0n;
    if (taxable === 0n) continue;
    const rate = Number(l.gstRate).toFixed(2);
    const r = rows.get(rate) ?? { taxable: 0n, cgst: 0n, sgst: 0n, igst: 0n, cess: 0n };
    r.taxable += taxable;
    r.cgst += toPaise(l.cgstAmount) ?? 0n;
    r.sgst += toPaise(l.sgstAmount) ?? 0n;
    r.igst += toPaise(l.igstAmount) ?? 0n;
    r.cess += toPaise(l.cessAmount) ?? 0n;
    rows.set(rate, r);
  }
  return [...rows.entries()]
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([gstRate, r]) => ({ gstRate, taxable: fromPaise(r.taxable), cgst: fromPaise(r.cgst), sgst: fromPaise(r.sgst), igst: fromPaise(r.igst), cess: fromPaise(r.cess) }));
}
