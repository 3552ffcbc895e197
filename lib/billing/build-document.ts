// The one place that turns priced lines into InvoiceLine rows and header totals, for invoices,
// credit notes and debit notes alike. Pure (no database, no clock): the caller loads the candidate
// TaxRate rows (lib/billing/tax-rates.ts) and the parties; the issue functions, the live preview
// of the new-invoice form and the unit tests all call this.
//
// - Each line's GST and cess rate is the one in force on the document date (resolveGstRate), with
//   the line's own rate (the product's catalog rate, the order line's or a free-text line's) as the
//   fallback when no TaxRate row covers its HSN. A note's lines keep the rate of the invoice line
//   they correct (`fixedRate`): a credit note reverses the tax that was charged, not today's.
// - computeInvoiceTax decides CGST + SGST or IGST from the supplier state, place of supply, buyer
//   GSTIN and supply type, and rounds the grand total to the rupee.
// - A "value only" line (a note that changes a line's taxable value, not its quantity: rate
//   difference, discount) is stored with quantity 0 and the difference as unit price and gross
//   value: no goods move, and the credited quantity of the invoice line stays what was returned.
// - A free-goods line (a scheme's "get 1 free") carries unit price 0: taxable value and tax 0. Its
//   callers refuse any other price for it; here it only travels to the row and the documents.
import { buyerSnapshot, sellerSnapshot, shipToSnapshot, type BuyerSnapshot, type BuyerSource, type SellerSnapshot, type SellerSource, type ShipToSnapshot } from "@/lib/billing/parties";
import type { Connection } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeInvoiceTax, type SupplyType } from "@/lib/tax/invoice-tax";
import { resolveGstRate, type TaxRateRow } from "@/lib/tax/resolve-rate";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;
type Num = Decimal | string | number;

export type DocumentLineInput = {
  productId?: string | null;
  orderLineId?: string | null;
  originalLineId?: string | null;
  sku?: string | null;
  description: string;
  hsnCode: string;
  unit: string;
  quantity: Num;
  unitPrice: Num;
  taxInclusive: boolean;
  discount?: Num;
  /** The line's own rate: the fallback when no TaxRate row applies, or the rate itself when fixedRate. */
  gstRate: Num;
  cessRate?: Num;
  /** Keep gstRate/cessRate as given (notes: the original invoice line's rate). */
  fixedRate?: boolean;
  /** A value-only note line: stored with quantity 0 (see the header comment). */
  valueOnly?: boolean;
  /** Free goods under a scheme (lib/orders/order-lines.ts): unit price 0, so no taxable value; printed as free goods. */
  freeGoods?: boolean;
};

export type BuildDocumentInput = {
  supplierStateCode: string;
  placeOfSupply: string;
  buyerGstin: string | null;
  supplyType?: SupplyType;
  /** The document's calendar day (UTC midnight, as a @db.Date). */
  issueDate: Date;
  taxRates: readonly TaxRateRow[];
  lines: DocumentLineInput[];
};

export type BuiltLine = {
  position: number;
  productId: string | null;
  orderLineId: string | null;
  originalLineId: string | null;
  sku: string | null;
  description: string;
  hsnCode: string;
  unit: string;
  quantity: Decimal;
  unitPrice: Decimal;
  freeGoods: boolean;
  taxInclusive: boolean;
  grossValue: Decimal;
  discount: Decimal;
  taxableValue: Decimal;
  gstRate: Decimal;
  cessRate: Decimal;
  cgstAmount: Decimal;
  sgstAmount: Decimal;
  igstAmount: Decimal;
  cessAmount: Decimal;
  lineTotal: Decimal;
  /** Where the rate came from: a dated TaxRate row (schedule/company), or the line's own rate. */
  rateSource: "schedule" | "company" | "product" | "original";
};

export type DocumentTotals = {
  taxable: Decimal;
  discount: Decimal;
  cgst: Decimal;
  sgst: Decimal;
  igst: Decimal;
  cess: Decimal;
  roundOff: Decimal;
  grandTotal: Decimal;
};

export type BuiltDocument = { taxType: "intra" | "inter"; lines: BuiltLine[]; totals: DocumentTotals };

export function buildDocument(input: BuildDocumentInput): BuiltDocument {
  const rated = input.lines.map((l) => {
    if (l.fixedRate) return { line: l, gstRate: new D(l.gstRate), cessRate: new D(l.cessRate ?? 0), source: "original" as const };
    const r = resolveGstRate(input.taxRates, l.hsnCode, input.issueDate, { gstRate: new D(l.gstRate), cessRate: new D(l.cessRate ?? 0) });
    return { line: l, gstRate: r.gstRate, cessRate: r.cessRate, source: r.source };
  });
  const tax = computeInvoiceTax({
    supplierStateCode: input.supplierStateCode,
    placeOfSupply: input.placeOfSupply,
    buyerGstin: input.buyerGstin,
    supplyType: input.supplyType ?? "regular",
    lines: rated.map((r) => ({
      quantity: r.line.valueOnly ? 1 : r.line.quantity,
      unitPrice: r.line.unitPrice,
      discount: r.line.discount ?? 0,
      taxInclusive: r.line.taxInclusive,
      gstRate: r.gstRate,
      cessRate: r.cessRate,
    })),
  });
  const lines: BuiltLine[] = rated.map((r, i) => {
    const t = tax.lines[i]!;
    return {
      position: i + 1,
      productId: r.line.productId ?? null,
      orderLineId: r.line.orderLineId ?? null,
      originalLineId: r.line.originalLineId ?? null,
      sku: r.line.sku ?? null,
      description: r.line.description,
      hsnCode: r.line.hsnCode,
      unit: r.line.unit,
      quantity: r.line.valueOnly ? new D(0) : new D(r.line.quantity),
      unitPrice: new D(r.line.unitPrice),
      freeGoods: r.line.freeGoods === true,
      taxInclusive: r.line.taxInclusive,
      grossValue: t.grossValue,
      discount: t.discount,
      taxableValue: t.taxableValue,
      gstRate: r.gstRate,
      cessRate: r.cessRate,
      cgstAmount: t.cgstAmount,
      sgstAmount: t.sgstAmount,
      igstAmount: t.igstAmount,
      cessAmount: t.cessAmount,
      lineTotal: t.lineTotal,
      rateSource: r.source,
    };
  });
  return {
    taxType: tax.taxType,
    lines,
    totals: {
      taxable: tax.totals.taxable,
      discount: lines.reduce((s, l) => s.plus(l.discount), new D(0)),
      cgst: tax.totals.cgst,
      sgst: tax.totals.sgst,
      igst: tax.totals.igst,
      cess: tax.totals.cess,
      roundOff: tax.totals.roundOff,
      grandTotal: tax.totals.grandTotal,
    },
  };
}

export type FrozenParties = { seller: SellerSnapshot; buyer: BuyerSnapshot; shipTo: ShipToSnapshot | null };

/** Seller, buyer and ship-to as they are now, to be frozen into the document. */
export function freezeParties(company: SellerSource, retailer: BuyerSource, connection: Pick<Connection, "customerCode">, shipTo: ShipToSnapshot | null): FrozenParties {
  const buyer = buyerSnapshot(retailer, connection);
  return { seller: sellerSnapshot(company), buyer, shipTo: shipToSnapshot(buyer, shipTo) };
}

/** The connection's default shipping address as a ship-to block, or null when it has none. */
export function connectionShipTo(connection: Pick<Connection, "shippingLine1" | "shippingLine2" | "shippingCity" | "shippingStateCode" | "shippingPincode">, name: string): ShipToSnapshot | null {
  const { shippingLine1, shippingCity, shippingStateCode, shippingPincode } = connection;
  if (!shippingLine1 || !shippingCity || !shippingStateCode || !shippingPincode) return null;
  return { name, address1: shippingLine1, address2: connection.shippingLine2, city: shippingCity, stateCode: shippingStateCode, pincode: shippingPincode };
}
