// GST of a whole invoice: which taxes apply, the tax of every line, and header totals that are
// the exact sums of the lines, with the grand total rounded to the rupee on a round-off line.
// Pure arithmetic on decimals (no database, no clock); the per-line math is computeLineTax's.
//
// Which tax:
// - Regular supply: CGST + SGST when the place of supply is the supplier's state, else IGST
//   (IGST Act ss. 7–8). "97" (Other Territory) is a Union territory like any other
//   (CGST Act s. 2(114)(f)): 97 → 97 is intra-state, 97 → any state is inter-state.
// - Supplies to an SEZ unit or developer and exports are zero-rated inter-state supplies
//   (IGST Act ss. 7(5), 16): always IGST, even when the SEZ is in the supplier's own state.
//   "with payment" charges IGST (and cess) and the supplier claims a refund; "without payment"
//   (under LUT/bond) charges nothing, but each line still reports the IGST rate it is zero-rated
//   at, since the invoice and GSTR-1 (SEWOP, WOPAY) show it.
// - Place of supply "96" (Other Countries) means an export and an export's place of supply is
//   "96"; a mismatch either way is refused rather than silently taxed.
//
// Line amounts:
// - grossValue = quantity × unit price, to the paisa, as entered (tax-inclusive when prices are).
// - discount is an amount in rupees off the whole line (not per unit, not a percent: an amount
//   has no rounding of its own, so the printed discount is exactly what was entered). It comes
//   off the gross as entered, so with tax-inclusive prices it is a tax-inclusive discount.
// - The discounted amount then goes through computeLineTax (half-up to the paisa at each
//   amount; CGST and SGST are each half the rate rounded on their own, hence always equal).
//
// Totals: every header amount is the sum of the line amounts (never tax recomputed on a sum).
// grandTotal is beforeRoundOff rounded to the nearest rupee, 50 paise and above going up (the
// rounding CGST Act s. 170 prescribes for tax payable, and what invoices customarily follow);
// roundOff = grandTotal − beforeRoundOff, so −0.49 ≤ roundOff ≤ 0.50.
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { getGstState } from "@/lib/integrations/gst/states";
import { computeLineTax, sumLineTaxes } from "@/lib/tax/line-tax";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;
type Num = string | number | Decimal;

/** Place of supply of an export (GST code "Other Countries"). */
export const FOREIGN_PLACE_OF_SUPPLY = "96";
/** The highest GST rate the law allows (IGST Act s. 5(1); CGST Act s. 9(1) caps each half at 20). */
const MAX_GST_RATE = new D(40);

export type SupplyType = "regular" | "sez_with_payment" | "sez_without_payment" | "export_with_payment" | "export_without_payment";

export type InvoiceTaxLineInput = {
  quantity: Num;
  unitPrice: Num;
  /** Rupees off the whole line (not per unit), at most 2 decimals; tax-inclusive when prices are. */
  discount?: Num;
  taxInclusive: boolean;
  /** GST rate in percent, the total rate (18, not 9 + 9). */
  gstRate: Num;
  /** Compensation cess in percent of the taxable value (0 when none). */
  cessRate?: Num;
};

export type InvoiceTaxInput = {
  /** State code of the supplier's registration (the first two digits of its GSTIN). */
  supplierStateCode: string;
  /** State code of the place of supply, or "96" for an export. */
  placeOfSupply: string;
  /** The buyer's GSTIN; null, "" or "URP" for an unregistered buyer. */
  buyerGstin: string | null;
  supplyType?: SupplyType;
  lines: InvoiceTaxLineInput[];
};

export type InvoiceLineTax = {
  grossValue: Decimal;
  discount: Decimal;
  taxableValue: Decimal;
  cgstRate: Decimal;
  sgstRate: Decimal;
  igstRate: Decimal;
  cessRate: Decimal;
  cgstAmount: Decimal;
  sgstAmount: Decimal;
  igstAmount: Decimal;
  cessAmount: Decimal;
  lineTotal: Decimal;
};

export type InvoiceTaxTotals = {
  taxable: Decimal;
  cgst: Decimal;
  sgst: Decimal;
  igst: Decimal;
  cess: Decimal;
  tax: Decimal;
  beforeRoundOff: Decimal;
  roundOff: Decimal;
  grandTotal: Decimal;
};

export type InvoiceTax = { taxType: "intra" | "inter"; lines: InvoiceLineTax[]; totals: InvoiceTaxTotals };

export function computeInvoiceTax(input: InvoiceTaxInput): InvoiceTax {
  const supplyType = input.supplyType ?? "regular";
  const supplierState = getGstState(input.supplierStateCode ?? "");
  if (!supplierState) invalid("supplierStateCode", "Choose the supplier's GST state code");
  const placeOfSupply = readPlaceOfSupply(input.placeOfSupply);
  const registered = readBuyerGstin(input.buyerGstin);

  const isExport = supplyType === "export_with_payment" || supplyType === "export_without_payment";
  const isSez = supplyType === "sez_with_payment" || supplyType === "sez_without_payment";
  if (!isExport && !isSez && supplyType !== "regular") invalid("supplyType", "Choose regular, SEZ or export supply");
  if (isExport && placeOfSupply !== FOREIGN_PLACE_OF_SUPPLY) invalid("placeOfSupply", 'An export\'s place of supply is "96" (Other Countries)');
  if (!isExport && placeOfSupply === FOREIGN_PLACE_OF_SUPPLY) invalid("supplyType", 'Place of supply "96" (Other Countries) is an export: choose export with or without payment');
  if (isExport && registered) invalid("buyerGstin", "A buyer abroad has no GSTIN: leave it empty for an export");
  if (isSez && !registered) invalid("buyerGstin", "A supply to an SEZ needs the SEZ unit's or developer's GSTIN");
  if (!Array.isArray(input.lines) || input.lines.length === 0) invalid("lines", "An invoice needs at least one line");

  const intraState = supplyType === "regular" && placeOfSupply === supplierState.code;
  const taxCharged = !supplyType.endsWith("_without_payment");
  const zero = new D(0);

  const computed = input.lines.map((line, i) => {
    const field = (name: string) => `lines.${i}.${name}`;
    const quantity = readDecimal(line.quantity, field("quantity"));
    if (!quantity.gt(0)) invalid(field("quantity"), "Quantity must be more than zero");
    const unitPrice = readDecimal(line.unitPrice, field("unitPrice"));
    if (unitPrice.isNeg()) invalid(field("unitPrice"), "Unit price cannot be negative");
    const gstRate = readDecimal(line.gstRate, field("gstRate"));
    if (gstRate.isNeg() || gstRate.gt(MAX_GST_RATE)) invalid(field("gstRate"), "GST rate must be between 0 and 40 percent");
    const cessRate = readDecimal(line.cessRate ?? 0, field("cessRate"));
    if (cessRate.isNeg()) invalid(field("cessRate"), "Cess rate cannot be negative");
    if (typeof line.taxInclusive !== "boolean") invalid(field("taxInclusive"), "Say whether the price includes tax");

    const grossValue = quantity.times(unitPrice).toDecimalPlaces(2, D.ROUND_HALF_UP);
    const discount = readDecimal(line.discount ?? 0, field("discount"));
    if (discount.isNeg()) invalid(field("discount"), "Discount cannot be negative");
    if (discount.decimalPlaces() > 2) invalid(field("discount"), "Discount is an amount in rupees, at most 2 decimals");
    if (discount.gt(grossValue)) invalid(field("discount"), `Discount cannot be more than the line's value (${grossValue.toFixed(2)})`);

    // The discounted line is one unit at the net amount, so computeLineTax sees exactly the
    // paise that are taxed (its own qty × price rounding is then a no-op).
    const tax = computeLineTax({
      quantity: 1,
      unitPrice: grossValue.minus(discount),
      taxInclusive: line.taxInclusive,
      gstRate: taxCharged ? gstRate : zero,
      cessRate: taxCharged ? cessRate : zero,
      intraState,
    });
    const lineTax: InvoiceLineTax = {
      grossValue,
      discount,
      taxableValue: tax.taxableValue,
      cgstRate: intraState ? gstRate.div(2) : zero,
      sgstRate: intraState ? gstRate.div(2) : zero,
      igstRate: intraState ? zero : gstRate,
      cessRate,
      cgstAmount: tax.cgstAmount,
      sgstAmount: tax.sgstAmount,
      igstAmount: tax.igstAmount,
      cessAmount: tax.cessAmount,
      lineTotal: tax.lineTotal,
    };
    return { tax, lineTax };
  });

  const sums = sumLineTaxes(computed.map((c) => c.tax));
  const beforeRoundOff = sums.grandTotal;
  const grandTotal = beforeRoundOff.toDecimalPlaces(0, D.ROUND_HALF_UP);
  return {
    taxType: intraState ? "intra" : "inter",
    lines: computed.map((c) => c.lineTax),
    totals: {
      taxable: sums.taxable,
      cgst: sums.cgst,
      sgst: sums.sgst,
      igst: sums.igst,
      cess: sums.cess,
      tax: sums.tax,
      beforeRoundOff,
      roundOff: grandTotal.minus(beforeRoundOff),
      grandTotal,
    },
  };
}

function invalid(field: string, message: string): never {
  throw new AppError("validation", `Invalid input: ${field} — ${message}`, { fieldErrors: { [field]: [message] } });
}

function readPlaceOfSupply(code: string): string {
  if (typeof code === "string" && code.trim() === FOREIGN_PLACE_OF_SUPPLY) return FOREIGN_PLACE_OF_SUPPLY;
  const state = typeof code === "string" ? getGstState(code) : undefined;
  if (!state) invalid("placeOfSupply", 'Choose a GST state code, or "96" for an export');
  return state.code;
}

/** True for a registered buyer; null, "" and "URP" (unregistered person) are unregistered. */
function readBuyerGstin(gstin: string | null): boolean {
  if (gstin === null || gstin === undefined) return false;
  const g = String(gstin).trim().toUpperCase();
  if (g === "" || g === "URP") return false;
  if (!isValidGstin(g)) invalid("buyerGstin", "GSTIN is not valid (15 characters with a correct check digit), or leave it empty for an unregistered buyer");
  return true;
}

function readDecimal(value: Num, field: string): Decimal {
  let d: Decimal;
  try {
    d = new D(value);
  } catch {
    invalid(field, "Must be a number");
  }
  if (!d.isFinite()) invalid(field, "Must be a number");
  return d;
}
