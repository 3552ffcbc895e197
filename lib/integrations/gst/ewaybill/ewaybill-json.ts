// E-way bill JSON (NIC e-way bill API "generate" fields) for goods leaving on a tax invoice, with
// Part B (vehicle) when a vehicle is known — the logistics issue calls buildEwayBillJson with the
// truck's number. Pure: no database, no clock (validity takes the generation time as an argument).
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import { Prisma } from "@/lib/generated/prisma/client";
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { isStateCode } from "@/lib/integrations/gst/states";
import { IST_OFFSET_MS } from "@/lib/pricing/dates";
import { irpDate, mainHsnCode } from "@/lib/integrations/gst/einvoice/irp-json";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export const EWAY_MAX_ITEMS = 250;
export const DEFAULT_EWAY_THRESHOLD = "50000";

/** 1 road, 2 rail, 3 air, 4 ship. */
export type TransMode = 1 | 2 | 3 | 4;

export type EwayTransport = {
  vehicleNo?: string | null;
  transMode?: TransMode | null;
  /** Kilometres from dispatch to delivery. */
  transDistance: number;
  transporterId?: string | null;
  transporterName?: string | null;
  transDocNo?: string | null;
  transDocDate?: string | null;
};

export type EwayItem = { itemNo: number; productName: string; productDesc: string; hsnCode: number; quantity: number; qtyUnit: string; taxableAmount: number; cgstRate: number; sgstRate: number; igstRate: number; cessRate: number; cessNonadvol: number };

export type EwayBillJson = {
  userGstin: string;
  supplyType: "O";
  subSupplyType: "1";
  subSupplyDesc: string;
  docType: "INV";
  docNo: string;
  docDate: string;
  /** 1 Regular, 2 Bill To–Ship To, 3 Bill From–Dispatch From, 4 both. */
  transactionType: 1 | 2 | 3 | 4;
  fromGstin: string;
  fromTrdName: string;
  fromAddr1: string;
  fromAddr2: string;
  fromPlace: string;
  fromPincode: number;
  fromStateCode: number;
  actFromStateCode: number;
  toGstin: string;
  toTrdName: string;
  toAddr1: string;
  toAddr2: string;
  toPlace: string;
  toPincode: number;
  toStateCode: number;
  actToStateCode: number;
  totalValue: number;
  cgstValue: number;
  sgstValue: number;
  igstValue: number;
  cessValue: number;
  cessNonAdvolValue: number;
  otherValue: number;
  totInvValue: number;
  transMode: string;
  transDistance: string;
  transporterId: string;
  transporterName: string;
  transDocNo: string;
  transDocDate: string;
  vehicleNo: string;
  vehicleType: "R" | "";
  mainHsnCode: number;
  itemList: EwayItem[];
};

export type EwayProblem = { path: string; message: string };

/** RTO prefixes a registration number can start with (state and UT codes of the Motor Vehicles Act). */
const RTO = new Set("AN AP AR AS BR CG CH DD DL DN GA GJ HP HR JH JK KA KL LA LD MH ML MN MP MZ NL OD OR PB PY RJ SK TN TR TS TG UK UA UP WB".split(" "));

/** Normalises "ka 12 tr 1234" → "KA12TR1234". */
export const normaliseVehicleNo = (v: string) => v.toUpperCase().replace(/[\s.-]/g, "");

/** Problem with a vehicle number in words, or null when it is a usable one. */
export function vehicleNoProblem(raw: string): string | null {
  const v = normaliseVehicleNo(raw);
  if (v.length < 7 || v.length > 15) return `Vehicle number ${raw} must be 7–15 letters and digits`;
  if (!/^[A-Z0-9]+$/.test(v)) return `Vehicle number ${raw} can have only letters and digits`;
  if (/^\d{2}BH\d{4}[A-Z]{1,2}$/.test(v)) return null; // Bharat series, e.g. 22BH1234AA
  if (!RTO.has(v.slice(0, 2))) return `Vehicle number ${raw} must start with a state code such as KA, MH or DL`;
  if (!/^[A-Z]{2}\d{1,2}[A-Z0-9]{0,4}\d{1,4}$/.test(v)) return `Vehicle number ${raw} should look like KA12TR1234`;
  return null;
}

/** Rule 138(1): an e-way bill is needed when the consignment's value is above the threshold. */
export function ewayBillRequired(doc: Pick<InvoiceDocument, "type" | "grandTotal">, threshold: Decimal | string = DEFAULT_EWAY_THRESHOLD): boolean {
  return doc.type === "INVOICE" && new D(doc.grandTotal).gt(threshold);
}

/**
 * Until when an e-way bill made at `from` is valid: 1 day up to 200 km and 1 more for each further
 * 200 km or part. Rule 138(10): a day is counted from the generation time and expires at midnight
 * (IST) of the day immediately following — so 1 day from 10:00 on the 1st runs to the end of the 2nd.
 */
export function ewayBillValidity(distanceKm: number, from: Date): { days: number; validUntil: Date } {
  const days = Math.max(1, Math.ceil(distanceKm / 200));
  const ist = new Date(from.getTime() + IST_OFFSET_MS);
  const endIst = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate() + days + 1) - 1000;
  return { days, validUntil: new Date(endIst - IST_OFFSET_MS) };
}

export function buildEwayBillJson(doc: InvoiceDocument, transport: EwayTransport): EwayBillJson {
  if (doc.type !== "INVOICE") throw new RangeError(`An e-way bill goes with a tax invoice; ${doc.number} is a ${doc.type === "CREDIT_NOTE" ? "credit" : "debit"} note, which moves no goods`);
  const seller = doc.seller as unknown as SellerSnapshot;
  const buyer = doc.buyer as unknown as BuyerSnapshot;
  const shipTo = doc.shipTo as unknown as ShipToSnapshot | null;
  const from = seller.dispatchFrom ?? seller;
  const to = shipTo ?? buyer;
  const gstin = seller.gstin ?? doc.sellerGstin ?? "";
  const vehicleNo = transport.vehicleNo ? normaliseVehicleNo(transport.vehicleNo) : "";
  const half = (r: Decimal) => r.div(2).toNumber();
  const intra = doc.taxType === "intra";
  const money = (d: Decimal) => d.toDecimalPlaces(2).toNumber();
  return {
    userGstin: gstin,
    supplyType: "O",
    subSupplyType: "1",
    subSupplyDesc: "",
    docType: "INV",
    docNo: doc.number,
    docDate: irpDate(doc.issueDate),
    transactionType: shipTo && seller.dispatchFrom ? 4 : shipTo ? 2 : seller.dispatchFrom ? 3 : 1,
    fromGstin: gstin,
    fromTrdName: seller.tradeName ?? seller.legalName,
    fromAddr1: seller.address1,
    fromAddr2: seller.address2 ?? "",
    fromPlace: from.city,
    fromPincode: Number(from.pincode),
    fromStateCode: Number(doc.supplierStateCode),
    actFromStateCode: Number(from.stateCode),
    toGstin: buyer.gstin ?? doc.buyerGstin ?? "URP",
    toTrdName: buyer.tradeName ?? buyer.legalName,
    toAddr1: to.address1,
    toAddr2: to.address2 ?? "",
    toPlace: to.city,
    toPincode: Number(to.pincode),
    toStateCode: Number(doc.placeOfSupply),
    actToStateCode: Number(to.stateCode),
    totalValue: money(doc.taxableTotal),
    cgstValue: money(doc.cgstTotal),
    sgstValue: money(doc.sgstTotal),
    igstValue: money(doc.igstTotal),
    cessValue: money(doc.cessTotal),
    cessNonAdvolValue: 0,
    // The round-off is part of the invoice value; the e-way bill carries it as "other value".
    otherValue: money(doc.roundOff),
    totInvValue: money(doc.grandTotal),
    transMode: String(transport.transMode ?? 1),
    transDistance: String(Math.round(transport.transDistance)),
    transporterId: transport.transporterId ?? "",
    transporterName: transport.transporterName ?? "",
    transDocNo: transport.transDocNo ?? "",
    transDocDate: transport.transDocDate ?? "",
    vehicleNo,
    vehicleType: vehicleNo ? "R" : "",
    mainHsnCode: Number(mainHsnCode(doc.lines)),
    itemList: doc.lines.map((l, i) => ({
      itemNo: i + 1,
      productName: l.description.slice(0, 100),
      productDesc: (l.sku ?? l.description).slice(0, 100),
      hsnCode: Number(l.hsnCode),
      quantity: l.quantity.toDecimalPlaces(3).toNumber(),
      qtyUnit: l.unit,
      taxableAmount: money(l.taxableValue),
      cgstRate: intra ? half(l.gstRate) : 0,
      sgstRate: intra ? half(l.gstRate) : 0,
      igstRate: intra ? 0 : l.gstRate.toNumber(),
      cessRate: l.cessRate.toNumber(),
      cessNonadvol: 0,
    })),
  };
}

export function validateEwayBillJson(j: EwayBillJson): EwayProblem[] {
  const out: EwayProblem[] = [];
  const err = (path: string, message: string) => out.push({ path, message });
  if (!isValidGstin(j.userGstin)) err("userGstin", `Seller GSTIN ${j.userGstin || "(missing)"} is not a valid GSTIN`);
  if (j.toGstin !== "URP" && !isValidGstin(j.toGstin)) err("toGstin", `Buyer GSTIN ${j.toGstin} is not a valid GSTIN (use URP for an unregistered buyer)`);
  if (!/^[A-Za-z0-9/-]{1,16}$/.test(j.docNo)) err("docNo", `Document number ${j.docNo} must be 1–16 letters, digits, "/" or "-"`);
  for (const [k, label] of [["fromPincode", "Dispatch PIN"], ["toPincode", "Delivery PIN"]] as const) {
    if (!(Number.isInteger(j[k]) && j[k] >= 100000 && j[k] <= 999999)) err(k, `${label} ${j[k]} must be 6 digits`);
  }
  for (const k of ["fromStateCode", "actFromStateCode", "toStateCode", "actToStateCode"] as const) {
    if (!isStateCode(String(j[k]).padStart(2, "0"))) err(k, `${k} ${j[k]} is not a GST state code`);
  }
  if (!j.fromPlace || j.fromPlace.length < 3) err("fromPlace", "Dispatch place (city) is missing");
  if (!j.toPlace || j.toPlace.length < 3) err("toPlace", "Delivery place (city) is missing");
  if (j.itemList.length === 0) err("itemList", "The e-way bill has no items");
  if (j.itemList.length > EWAY_MAX_ITEMS) err("itemList", `An e-way bill takes at most ${EWAY_MAX_ITEMS} items (this invoice has ${j.itemList.length})`);
  j.itemList.forEach((it, i) => {
    if (!/^\d{4,8}$/.test(String(it.hsnCode))) err(`itemList[${i}].hsnCode`, `Item ${i + 1}: HSN ${it.hsnCode} must be 4–8 digits`);
  });
  const distance = Number(j.transDistance);
  if (!Number.isInteger(distance) || distance < 0 || distance > 4000) err("transDistance", `Distance ${j.transDistance} km must be a whole number from 0 to 4000`);
  if (j.vehicleNo) {
    const p = vehicleNoProblem(j.vehicleNo);
    if (p) err("vehicleNo", p);
  } else if (!j.transporterId) {
    // Part A alone is allowed only when a transporter (who fills Part B) is named.
    err("vehicleNo", "Give a vehicle number (Part B) or a transporter id");
  }
  if (j.transporterId && !/^[0-9]{2}[0-9A-Z]{13}$/.test(j.transporterId)) err("transporterId", `Transporter id ${j.transporterId} must be 15 characters (a GSTIN or TRANSIN)`);
  if (j.transDocDate && !/^\d{2}\/\d{2}\/\d{4}$/.test(j.transDocDate)) err("transDocDate", `Transport document date ${j.transDocDate} must be dd/mm/yyyy`);
  const sum = j.itemList.reduce((s, it) => s.plus(new D(String(it.taxableAmount))), new D(0));
  if (!sum.eq(new D(String(j.totalValue)))) err("totalValue", `Total taxable value ${j.totalValue.toFixed(2)} ≠ the items' ${sum.toFixed(2)}`);
  const tot = new D(String(j.totalValue)).plus(String(j.cgstValue)).plus(String(j.sgstValue)).plus(String(j.igstValue)).plus(String(j.cessValue)).plus(String(j.cessNonAdvolValue)).plus(String(j.otherValue));
  if (!tot.eq(new D(String(j.totInvValue)))) err("totInvValue", `Invoice value ${j.totInvValue.toFixed(2)} ≠ taxable + taxes + other ${tot.toFixed(2)}`);
  return out;
}
