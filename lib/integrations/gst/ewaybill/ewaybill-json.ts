// E-way bill JSON (the NIC e-way bill API's GENEWAYBILL request) for goods leaving on a tax invoice or a
// delivery challan. Fields that have no value are left out — never sent as "" or null, which NIC refuses.
// Pure: no database, no clock. The strict validator is in validate-ewaybill-json.ts; codes in ewaybill-codes.ts.
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, PartyAddress, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import { Prisma } from "@/lib/generated/prisma/client";
import { irpDate, mainHsnCode } from "@/lib/integrations/gst/einvoice/irp-json";
import { IST_OFFSET_MS } from "@/lib/pricing/dates";
import { EXPORT_STATE_CODE, toUqc, type EwayDocType, type SubSupplyType } from "./ewaybill-codes";

export { validateEwayBillJson, vehicleNoProblem, normaliseVehicleNo, type EwayProblem } from "./validate-ewaybill-json";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export const EWAY_MAX_ITEMS = 250;
export const DEFAULT_EWAY_THRESHOLD = "50000";

/** 1 road, 2 rail, 3 air, 4 ship. */
export type TransMode = 1 | 2 | 3 | 4;

export type EwayTransport = {
  /** Kilometres from dispatch to delivery. */
  transDistance: number;
  transMode?: TransMode | null;
  vehicleNo?: string | null;
  /** R regular, O over-dimensional cargo. */
  vehicleType?: "R" | "O" | null;
  transporterId?: string | null;
  transporterName?: string | null;
  /** LR / RR / airway bill / bill of lading number; own fleet: the trip number. */
  transDocNo?: string | null;
  /** dd/mm/yyyy */
  transDocDate?: string | null;
};

export type EwayItem = {
  itemNo: number;
  productName?: string;
  productDesc?: string;
  hsnCode: number;
  quantity?: number;
  qtyUnit?: string;
  taxableAmount: number;
  cgstRate: number;
  sgstRate: number;
  igstRate: number;
  cessRate: number;
  cessNonadvol?: number;
};

export type EwayBillJson = {
  userGstin: string;
  supplyType: "O" | "I";
  subSupplyType: string;
  subSupplyDesc?: string;
  docType: EwayDocType;
  docNo: string;
  docDate: string;
  /** 1 Regular, 2 Bill To–Ship To, 3 Bill From–Dispatch From, 4 both. */
  transactionType: 1 | 2 | 3 | 4;
  fromGstin: string;
  fromTrdName?: string;
  fromAddr1?: string;
  fromAddr2?: string;
  fromPlace?: string;
  fromPincode: number;
  fromStateCode: number;
  actFromStateCode: number;
  dispatchFromGSTIN?: string;
  dispatchFromTradeName?: string;
  toGstin: string;
  toTrdName?: string;
  toAddr1?: string;
  toAddr2?: string;
  toPlace?: string;
  toPincode: number;
  toStateCode: number;
  actToStateCode: number;
  shipToGSTIN?: string;
  shipToTradeName?: string;
  totalValue: number;
  cgstValue: number;
  sgstValue: number;
  igstValue: number;
  cessValue: number;
  cessNonAdvolValue?: number;
  otherValue?: number;
  totInvValue: number;
  transMode?: string;
  transDistance: string;
  transporterId?: string;
  transporterName?: string;
  transDocNo?: string;
  transDocDate?: string;
  vehicleNo?: string;
  vehicleType?: "R" | "O";
  mainHsnCode?: number;
  itemList: EwayItem[];
};

/** A party as the e-way bill shows it: who (GSTIN, name) and where the goods actually leave or arrive. */
export type EwayParty = { gstin: string | null; name: string; stateCode: string; address: PartyAddress };

/** Any document goods move on, reduced to what the e-way bill needs. */
export type EwayDocInput = {
  subSupplyType: SubSupplyType;
  subSupplyDesc?: string | null;
  docType: EwayDocType;
  docNo: string;
  docDate: Date;
  /** Billing party; its stateCode is the supplier's state. */
  from: EwayParty;
  /** Where goods are dispatched from when it is not `from`'s address (transactionType 3/4). */
  dispatchFrom?: PartyAddress | null;
  /** Billing party; its stateCode is the place of supply (99 for an export). */
  to: EwayParty;
  /** Where goods go when it is not `to`'s address (transactionType 2/4): ship-to, or the port of export. */
  shipTo?: (PartyAddress & { name?: string | null; gstin?: string | null }) | null;
  intra: boolean;
  lines: { name: string; desc?: string | null; hsnCode: string; quantity: Decimal; unit: string; taxableValue: Decimal; gstRate: Decimal; cessRate: Decimal }[];
  totals: { taxable: Decimal; cgst: Decimal; sgst: Decimal; igst: Decimal; cess: Decimal; other: Decimal; total: Decimal };
};

const money = (d: Decimal) => d.toDecimalPlaces(2).toNumber();
const text = (v: string | null | undefined, max: number) => {
  const t = (v ?? "").replace(/\s+/g, " ").trim();
  return t ? t.slice(0, max) : undefined;
};
/** Drops keys whose value is undefined, so absent fields are left out of the JSON. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function composeEwayBillJson(doc: EwayDocInput, t: EwayTransport): EwayBillJson {
  const fromAt = doc.dispatchFrom ?? doc.from.address;
  const toAt = doc.shipTo ?? doc.to.address;
  const transactionType = doc.shipTo && doc.dispatchFrom ? 4 : doc.shipTo ? 2 : doc.dispatchFrom ? 3 : 1;
  const vehicleNo = t.vehicleNo ? normaliseVehicleNoLocal(t.vehicleNo) : undefined;
  const transDocNo = text(t.transDocNo, 15);
  const partB = Boolean(vehicleNo || transDocNo);
  const mode = t.transMode ?? 1;
  const half = (r: Decimal) => r.div(2).toNumber();
  const fromGstin = doc.from.gstin ?? "URP";
  const toGstin = doc.to.gstin ?? "URP";
  return compact({
    userGstin: fromGstin,
    supplyType: "O" as const,
    subSupplyType: String(doc.subSupplyType),
    subSupplyDesc: doc.subSupplyType === 8 ? text(doc.subSupplyDesc, 20) ?? "Others" : undefined,
    docType: doc.docType,
    docNo: doc.docNo,
    docDate: irpDate(doc.docDate),
    transactionType,
    fromGstin,
    fromTrdName: text(doc.from.name, 100),
    fromAddr1: text(fromAt.address1, 120),
    fromAddr2: text(fromAt.address2, 120),
    fromPlace: text(fromAt.city, 50),
    fromPincode: Number(fromAt.pincode),
    fromStateCode: Number(doc.from.stateCode),
    actFromStateCode: Number(fromAt.stateCode),
    dispatchFromGSTIN: doc.dispatchFrom ? fromGstin : undefined,
    dispatchFromTradeName: doc.dispatchFrom ? text(doc.from.name, 100) : undefined,
    toGstin,
    toTrdName: text(doc.to.name, 100),
    toAddr1: text(toAt.address1, 120),
    toAddr2: text(toAt.address2, 120),
    toPlace: text(toAt.city, 50),
    toPincode: Number(toAt.pincode),
    toStateCode: Number(doc.to.stateCode),
    actToStateCode: Number(toAt.stateCode),
    shipToGSTIN: doc.shipTo ? (doc.shipTo.gstin ?? toGstin) : undefined,
    shipToTradeName: doc.shipTo ? text(doc.shipTo.name ?? doc.to.name, 100) : undefined,
    totalValue: money(doc.totals.taxable),
    cgstValue: money(doc.totals.cgst),
    sgstValue: money(doc.totals.sgst),
    igstValue: money(doc.totals.igst),
    cessValue: money(doc.totals.cess),
    // The round-off is part of the document value; the e-way bill carries it as "other value".
    otherValue: doc.totals.other.isZero() ? undefined : money(doc.totals.other),
    totInvValue: money(doc.totals.total),
    transMode: partB ? String(mode) : undefined,
    transDistance: String(Math.round(t.transDistance)),
    transporterId: text(t.transporterId, 15)?.toUpperCase(),
    transporterName: text(t.transporterName, 100),
    transDocNo: partB ? transDocNo : undefined,
    transDocDate: partB && transDocNo ? text(t.transDocDate, 10) : undefined,
    vehicleNo: partB && mode === 1 ? vehicleNo : undefined,
    vehicleType: partB && mode === 1 && vehicleNo ? (t.vehicleType ?? "R") : undefined,
    mainHsnCode: doc.lines.length ? Number(mainHsnCode(doc.lines.map((l) => ({ hsnCode: l.hsnCode, taxableValue: l.taxableValue })))) : undefined,
    itemList: doc.lines.map((l, i) =>
      compact({
        itemNo: i + 1,
        productName: text(l.name, 100),
        productDesc: text(l.desc, 100),
        hsnCode: Number(l.hsnCode),
        quantity: l.quantity.toDecimalPlaces(3).toNumber(),
        qtyUnit: toUqc(l.unit),
        taxableAmount: money(l.taxableValue),
        cgstRate: doc.intra ? half(l.gstRate) : 0,
        sgstRate: doc.intra ? half(l.gstRate) : 0,
        igstRate: doc.intra ? 0 : l.gstRate.toNumber(),
        cessRate: l.cessRate.toNumber(),
      }),
    ),
  });
}

/** Supply type of an invoice → sub-supply type: exports are 3, everything else (regular, SEZ) a supply (1). */
export function ewayDocFromInvoice(doc: InvoiceDocument, over: { dispatchFrom?: PartyAddress | null; shipTo?: ShipToSnapshot | null } = {}): EwayDocInput {
  if (doc.type !== "INVOICE") throw new RangeError(`An e-way bill goes with a tax invoice; ${doc.number} is a ${doc.type === "CREDIT_NOTE" ? "credit" : "debit"} note, which moves no goods`);
  const seller = doc.seller as unknown as SellerSnapshot;
  const buyer = doc.buyer as unknown as BuyerSnapshot;
  const exported = doc.supplyType.startsWith("export");
  const sellerAt: PartyAddress = { address1: seller.address1, address2: seller.address2, city: seller.city, stateCode: seller.stateCode, pincode: seller.pincode };
  const dispatchFrom = over.dispatchFrom !== undefined ? over.dispatchFrom : seller.dispatchFrom;
  const shipTo = over.shipTo !== undefined ? over.shipTo : (doc.shipTo as unknown as ShipToSnapshot | null);
  const buyerAt: PartyAddress = { address1: buyer.address1, address2: buyer.address2, city: buyer.city, stateCode: buyer.stateCode, pincode: buyer.pincode };
  return {
    subSupplyType: exported ? 3 : 1,
    docType: "INV",
    docNo: doc.number,
    docDate: doc.issueDate,
    from: { gstin: seller.gstin ?? doc.sellerGstin, name: seller.tradeName ?? seller.legalName, stateCode: doc.supplierStateCode, address: sellerAt },
    dispatchFrom: dispatchFrom && !sameAddress(dispatchFrom, sellerAt) ? dispatchFrom : null,
    // An export is billed to a buyer abroad ("URP", state 99); the goods go to the port (the ship-to).
    to: { gstin: exported ? null : (buyer.gstin ?? doc.buyerGstin), name: buyer.tradeName ?? buyer.legalName, stateCode: exported ? EXPORT_STATE_CODE : doc.placeOfSupply, address: buyerAt },
    shipTo: shipTo && (exported || !sameAddress(shipTo, buyerAt)) ? { ...shipTo, gstin: exported ? null : undefined } : null,
    intra: doc.taxType === "intra",
    lines: doc.lines.map((l) => ({ name: l.description, desc: l.sku, hsnCode: l.hsnCode, quantity: l.quantity, unit: l.unit, taxableValue: l.taxableValue, gstRate: l.gstRate, cessRate: l.cessRate })),
    totals: { taxable: doc.taxableTotal, cgst: doc.cgstTotal, sgst: doc.sgstTotal, igst: doc.igstTotal, cess: doc.cessTotal, other: doc.roundOff, total: doc.grandTotal },
  };
}

/** The e-way bill JSON of a tax invoice (its own dispatch-from and ship-to). */
export function buildEwayBillJson(doc: InvoiceDocument, transport: EwayTransport): EwayBillJson {
  return composeEwayBillJson(ewayDocFromInvoice(doc), transport);
}

/** Rule 138(1): an e-way bill is needed when the consignment's value is above the threshold. */
export function ewayBillRequired(doc: Pick<InvoiceDocument, "type" | "grandTotal">, threshold: Decimal | string = DEFAULT_EWAY_THRESHOLD): boolean {
  return doc.type === "INVOICE" && new D(doc.grandTotal).gt(threshold);
}

/**
 * Until when an e-way bill whose Part B was entered at `from` is valid: 1 day up to 200 km and 1 more
 * for each further 200 km or part (20 km for over-dimensional cargo). Rule 138(10): a day is counted
 * from that time and expires at midnight (IST) of the day immediately following — so 1 day from 10:00
 * on the 1st runs to the end of the 2nd.
 */
export function ewayBillValidity(distanceKm: number, from: Date, opts: { odc?: boolean } = {}): { days: number; validUntil: Date } {
  const perDay = opts.odc ? 20 : 200;
  const days = Math.max(1, Math.ceil(distanceKm / perDay));
  const ist = new Date(from.getTime() + IST_OFFSET_MS);
  const endIst = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate() + days + 1) - 1000;
  return { days, validUntil: new Date(endIst - IST_OFFSET_MS) };
}

export function sameAddress(a: Pick<PartyAddress, "address1" | "pincode">, b: Pick<PartyAddress, "address1" | "pincode">): boolean {
  const n = (s: string | null | undefined) => (s ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
  return n(a.address1) === n(b.address1) && n(a.pincode) === n(b.pincode);
}

function normaliseVehicleNoLocal(v: string) {
  return v.toUpperCase().replace(/[\s.-]/g, "");
}
