// An in-memory InvoiceDocument (no database) for the IRP JSON and e-way bill unit tests.
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, SellerSnapshot } from "@/lib/billing/parties";
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;

type LineSpec = { hsn?: string; qty?: string; price: string; rate?: string; discount?: string; inclusive?: boolean };

/** A Karnataka seller; intra-state (buyer in 29) unless `buyerState` says otherwise. Totals add up. */
export function fakeDocument(opts: { lines?: LineSpec[]; buyerState?: string; type?: InvoiceDocument["type"]; supplyType?: string; number?: string; issueDate?: string; buyerGstin?: string | null; dispatchFrom?: boolean; shipTo?: boolean } = {}): InvoiceDocument {
  const buyerState = opts.buyerState ?? "29";
  const intra = buyerState === "29" && (opts.supplyType ?? "regular") === "regular";
  const lines = (opts.lines ?? [{ price: "1000.00" }]).map((l, i) => {
    const qty = new D(l.qty ?? "1");
    const gross = qty.times(l.price).toDecimalPlaces(2);
    const discount = new D(l.discount ?? "0");
    const taxable = gross.minus(discount);
    const rate = new D(l.rate ?? "18");
    const tax = taxable.times(rate).div(100);
    const half = tax.div(2).toDecimalPlaces(2, D.ROUND_HALF_UP);
    const igst = intra ? new D(0) : tax.toDecimalPlaces(2, D.ROUND_HALF_UP);
    const cgst = intra ? half : new D(0);
    return {
      id: `line${i}`, invoiceId: "inv", companyId: "co", position: i + 1, productId: null, orderLineId: null, originalLineId: null, sku: `SKU-${i + 1}`,
      description: `Item ${i + 1}`, hsnCode: l.hsn ?? "19059020", unit: "PCS", quantity: qty, unitPrice: new D(l.price), freeGoods: false, taxInclusive: l.inclusive ?? false,
      grossValue: gross, discount, taxableValue: taxable, gstRate: rate, cessRate: new D(0), cgstAmount: cgst, sgstAmount: cgst, igstAmount: igst, cessAmount: new D(0),
      lineTotal: taxable.plus(cgst).plus(cgst).plus(igst),
      unitCost: null,
    };
  });
  const sum = (k: "taxableValue" | "cgstAmount" | "sgstAmount" | "igstAmount" | "lineTotal" | "discount") => lines.reduce((s, l) => s.plus(l[k]), new D(0));
  const exact = sum("lineTotal");
  const grand = exact.toDecimalPlaces(0, D.ROUND_HALF_UP);
  const seller: SellerSnapshot = {
    legalName: "Shree Ganesh Foods Pvt Ltd", tradeName: "Shree Ganesh Foods", gstin: "29AAFCC9980M1ZR", pan: "AAFCC9980M", address1: "12 Industrial Area", address2: null, city: "Bengaluru", stateCode: "29", pincode: "560058",
    email: "accounts@shreeganesh.example", phone: "+91 98450 12345", bank: null,
    dispatchFrom: opts.dispatchFrom ? { address1: "Plot 7 Warehouse Road", address2: null, city: "Hosur", stateCode: "33", pincode: "635109" } : null,
  };
  const buyerGstin = opts.buyerGstin === undefined ? (buyerState === "29" ? "29AABCR1718E1ZL" : buyerState === "24" ? "24AAQCA8719H1ZC" : null) : opts.buyerGstin;
  const buyer: BuyerSnapshot = { legalName: "Sharma Kirana Stores", tradeName: null, gstin: buyerGstin, address1: "5 Market Road", address2: "Near Bus Stand", city: buyerState === "29" ? "Mysuru" : "Ahmedabad", stateCode: buyerState, pincode: buyerState === "29" ? "570001" : "380001", email: null, phone: null, customerCode: "C-1" };
  const issueDate = new Date(`${opts.issueDate ?? "2026-11-20"}T00:00:00Z`);
  return {
    id: "inv", companyId: "co", type: opts.type ?? "INVOICE", number: opts.number ?? "INV/26-27/000042", series: "INV", financialYear: "26-27", status: "ISSUED", issueDate, dueDate: issueDate,
    connectionId: "conn", retailerId: "ret", orderId: null, originalInvoiceId: opts.type && opts.type !== "INVOICE" ? "orig" : null, noteReason: null, supplyType: opts.supplyType ?? "regular", reverseCharge: false,
    taxType: intra ? "intra" : "inter", supplierStateCode: "29", placeOfSupply: buyerState, sellerGstin: seller.gstin, seller: seller as never, buyerGstin, buyerName: buyer.legalName, buyer: buyer as never,
    shipTo: opts.shipTo ? ({ name: "Sharma Kirana Godown", address1: "9 Godown Lane", address2: null, city: "Mandya", stateCode: "29", pincode: "571401" } as never) : null,
    buyerReference: null, notes: null, taxableTotal: sum("taxableValue"), discountTotal: sum("discount"), cgstTotal: sum("cgstAmount"), sgstTotal: sum("sgstAmount"), igstTotal: sum("igstAmount"), cessTotal: new D(0),
    roundOff: grand.minus(exact), grandTotal: grand, settledAmount: new D(0), eInvoiceStatus: "PENDING", eInvoiceError: null, irn: null, ackNo: null, ackDate: null, signedInvoice: null, signedQrCode: null, irnCancelledAt: null,
    ewayBillNo: null, ewayBillDate: null, ewayBillValidUntil: null, cancelledAt: null, cancelReason: null, issuedById: null, createdAt: issueDate, updatedAt: issueDate,
    lines,
    originalInvoice: opts.type && opts.type !== "INVOICE" ? { id: "orig", number: "INV/26-27/000007", issueDate: new Date("2026-10-02T00:00:00Z"), type: "INVOICE" } : null,
    order: null,
  } as InvoiceDocument;
}
