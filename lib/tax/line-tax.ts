// GST of one order or invoice line, as pure arithmetic on decimals (no database, no clock).
//
// - Intra-state supply (the supplier's state is the place of supply): CGST and SGST, each half of
//   the GST rate, each rounded to the paisa on its own, so the two are always equal.
// - Inter-state supply: IGST at the full rate.
// - Cess (compensation cess) is charged on the taxable value, next to GST.
// - Tax-exclusive prices: taxable = qty × price (to the paisa), tax on top.
// - Tax-inclusive prices: the line total is qty × price (to the paisa) exactly; the taxes are
//   computed on the back-calculated taxable value and the rounding difference is absorbed (by
//   IGST, or by the taxable value when CGST = SGST), so rounding never changes what the buyer pays.
// Rounding is half-up to the paisa at each amount, as GST invoices show it.
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;
type Num = string | number | Decimal;

export type LineTaxInput = {
  quantity: Num;
  unitPrice: Num;
  taxInclusive: boolean;
  /** GST rate in percent (e.g. 18). */
  gstRate: Num;
  /** Cess rate in percent (0 when none). */
  cessRate?: Num;
  /** True when the supplier's state equals the place of supply (CGST + SGST), else IGST. */
  intraState: boolean;
};

export type LineTax = {
  taxableValue: Decimal;
  cgstAmount: Decimal;
  sgstAmount: Decimal;
  igstAmount: Decimal;
  cessAmount: Decimal;
  lineTotal: Decimal;
};

export function computeLineTax(input: LineTaxInput): LineTax {
  const qty = new D(input.quantity);
  const price = new D(input.unitPrice);
  const gstRate = new D(input.gstRate);
  const cessRate = new D(input.cessRate ?? 0);
  if (qty.isNeg() || price.isNeg() || gstRate.isNeg() || cessRate.isNeg()) throw new RangeError("Quantity, price and rates cannot be negative");

  const gross = paisa(qty.times(price));
  if (!input.taxInclusive) {
    const taxes = taxesOn(gross, gstRate, cessRate, input.intraState);
    return { taxableValue: gross, ...taxes, lineTotal: gross.plus(taxes.cgstAmount).plus(taxes.sgstAmount).plus(taxes.igstAmount).plus(taxes.cessAmount) };
  }
  const divisor = new D(100).plus(gstRate).plus(cessRate).div(100);
  const estimate = paisa(gross.div(divisor));
  const taxes = taxesOn(estimate, gstRate, cessRate, input.intraState);
  // The paisa or two of rounding goes to IGST when there is one (the taxable value stays the
  // correctly rounded one); CGST and SGST must stay equal, so then the taxable value takes it.
  if (!input.intraState && gstRate.gt(0)) return { taxableValue: estimate, ...taxes, igstAmount: gross.minus(estimate).minus(taxes.cessAmount), lineTotal: gross };
  const taxableValue = gross.minus(taxes.cgstAmount).minus(taxes.sgstAmount).minus(taxes.igstAmount).minus(taxes.cessAmount);
  return { taxableValue, ...taxes, lineTotal: gross };
}

export type TaxTotals = { taxable: Decimal; cgst: Decimal; sgst: Decimal; igst: Decimal; cess: Decimal; tax: Decimal; grandTotal: Decimal };

/** Order or invoice totals: the sums of its lines (never recomputed on the sum). */
export function sumLineTaxes(lines: LineTax[]): TaxTotals {
  const zero = new D(0);
  const t = lines.reduce(
    (acc, l) => ({
      taxable: acc.taxable.plus(l.taxableValue),
      cgst: acc.cgst.plus(l.cgstAmount),
      sgst: acc.sgst.plus(l.sgstAmount),
      igst: acc.igst.plus(l.igstAmount),
      cess: acc.cess.plus(l.cessAmount),
      grandTotal: acc.grandTotal.plus(l.lineTotal),
    }),
    { taxable: zero, cgst: zero, sgst: zero, igst: zero, cess: zero, grandTotal: zero },
  );
  return { ...t, tax: t.cgst.plus(t.sgst).plus(t.igst).plus(t.cess) };
}

function taxesOn(taxable: Decimal, gstRate: Decimal, cessRate: Decimal, intraState: boolean) {
  const zero = new D(0);
  const half = intraState ? paisa(taxable.times(gstRate).div(200)) : zero;
  return {
    cgstAmount: half,
    sgstAmount: half,
    igstAmount: intraState ? zero : paisa(taxable.times(gstRate).div(100)),
    cessAmount: paisa(taxable.times(cessRate).div(100)),
  };
}

function paisa(v: Decimal): Decimal {
  return v.toDecimalPlaces(2, D.ROUND_HALF_UP);
}
