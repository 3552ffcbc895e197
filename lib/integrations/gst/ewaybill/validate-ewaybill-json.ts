// Strict check of a GENEWAYBILL JSON as the NIC e-way bill system checks it: only known fields, no empty
// strings or nulls (absent fields are left out), types, formats and lengths, the document type allowed for
// the sub-supply type, exports (URP, state 99), the same GSTIN on both sides only where allowed, tax by
// intra/inter-state, totals adding up, and Part B (vehicle or transport document) rules. Pure.
import { Prisma } from "@/lib/generated/prisma/client";
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { isStateCode } from "@/lib/integrations/gst/states";
import { EXPORT_STATE_CODE, GST_RATES, OUTWARD_DOC_TYPES, SAME_GSTIN_ALLOWED, SUB_SUPPLY_LABELS, UQC, type SubSupplyType } from "./ewaybill-codes";

const D = Prisma.Decimal;

export type EwayProblem = { path: string; message: string };

const KEYS = new Set(
  "userGstin supplyType subSupplyType subSupplyDesc docType docNo docDate transactionType fromGstin fromTrdName fromAddr1 fromAddr2 fromPlace fromPincode fromStateCode actFromStateCode dispatchFromGSTIN dispatchFromTradeName toGstin toTrdName toAddr1 toAddr2 toPlace toPincode toStateCode actToStateCode shipToGSTIN shipToTradeName totalValue cgstValue sgstValue igstValue cessValue cessNonAdvolValue otherValue totInvValue transMode transDistance transporterId transporterName transDocNo transDocDate vehicleNo vehicleType mainHsnCode itemList".split(
    " ",
  ),
);
const REQUIRED = "supplyType subSupplyType docType docNo docDate transactionType fromGstin fromPincode fromStateCode actFromStateCode toGstin toPincode toStateCode actToStateCode totalValue cgstValue sgstValue igstValue cessValue totInvValue transDistance itemList".split(" ");
const ITEM_KEYS = new Set("itemNo productName productDesc hsnCode quantity qtyUnit taxableAmount cgstRate sgstRate igstRate cessRate cessNonadvol".split(" "));
const MAX_LEN: Record<string, number> = { fromTrdName: 100, toTrdName: 100, fromAddr1: 120, fromAddr2: 120, toAddr1: 120, toAddr2: 120, fromPlace: 50, toPlace: 50, transporterName: 100, dispatchFromTradeName: 100, shipToTradeName: 100, subSupplyDesc: 20 };

/** RTO prefixes a registration number can start with (state and UT codes of the Motor Vehicles Act). */
const RTO = new Set("AN AP AR AS BR CG CH DD DL DN GA GJ HP HR JH JK KA KL LA LD MH ML MN MP MZ NL OD OR PB PY RJ SK TN TR TS TG UK UA UP WB".split(" "));

/** Normalises "ka 12 tr 1234" → "KA12TR1234". */
export const normaliseVehicleNo = (v: string) => v.toUpperCase().replace(/[\s.-]/g, "");

/** Problem with a vehicle number in words, or null when the e-way bill system takes it. */
export function vehicleNoProblem(raw: string): string | null {
  const v = normaliseVehicleNo(raw);
  if (v.length < 7 || v.length > 15) return `Vehicle number ${raw} must be 7–15 letters and digits`;
  if (!/^[A-Z0-9]+$/.test(v)) return `Vehicle number ${raw} can have only letters and digits`;
  if (/^\d{2}BH\d{4}[A-Z]{1,2}$/.test(v)) return null; // Bharat series, e.g. 22BH1234AA
  if (/^TR[A-Z0-9]{5,13}$/.test(v) || /^TM[A-Z0-9]{5,13}$/.test(v)) return null; // temporary registration (TR / TM)
  if (/^(DF|DC|CD|CC|UN)[A-Z0-9]{5,13}$/.test(v)) return null; // defence, diplomatic, UN vehicles
  if (!RTO.has(v.slice(0, 2))) return `Vehicle number ${raw} must start with a state code such as KA, MH or DL`;
  if (/^[A-Z]{2}\d{1,2}(TEMP|TMP)?[A-Z0-9]{1,8}$/.test(v) && /TE?MP/.test(v)) return null; // state temporary: KA01TEMP1234
  if (!/^[A-Z]{2}\d{1,2}[A-Z0-9]{0,4}\d{1,4}$/.test(v)) return `Vehicle number ${raw} should look like KA12TR1234`;
  return null;
}

const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
function realDate(s: string): Date | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!));
  return d.getUTCDate() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 ? d : null;
}
const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const twoPlaces = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
const stateOk = (v: unknown, allowExport: boolean) => num(v) && Number.isInteger(v) && (isStateCode(String(v).padStart(2, "0")) || v === 97 || (allowExport && String(v) === EXPORT_STATE_CODE));

export function validateEwayBillJson(input: unknown, opts: { lenientGstinCheckDigit?: boolean } = {}): EwayProblem[] {
  const out: EwayProblem[] = [];
  const err = (path: string, message: string) => out.push({ path, message });
  if (!input || typeof input !== "object" || Array.isArray(input)) return [{ path: "", message: "The e-way bill must be a JSON object" }];
  const j = input as Record<string, unknown>;
  for (const [k, v] of Object.entries(j)) {
    if (!KEYS.has(k)) err(k, `${k} is not a field of the e-way bill`);
    else if (v === "" || v === null) err(k, `${k} is empty: leave an absent field out`);
    else if (typeof v === "string" && MAX_LEN[k] && v.length > MAX_LEN[k]) err(k, `${k} can be at most ${MAX_LEN[k]} characters`);
  }
  for (const k of REQUIRED) if (j[k] === undefined) err(k, `${k} is required`);
  const gstinOk = (g: unknown) => typeof g === "string" && /^[0-9]{2}[0-9A-Z]{13}$/.test(g) && (opts.lenientGstinCheckDigit || isValidGstin(g));

  if (j.supplyType !== undefined && j.supplyType !== "O" && j.supplyType !== "I") err("supplyType", "supplyType must be O (outward) or I (inward)");
  const sub = Number(j.subSupplyType) as SubSupplyType;
  if (j.subSupplyType !== undefined && (typeof j.subSupplyType !== "string" || !SUB_SUPPLY_LABELS[sub])) err("subSupplyType", `subSupplyType ${String(j.subSupplyType)} is not a sub-supply type (1–12, as text)`);
  if (sub === 8 && !j.subSupplyDesc) err("subSupplyDesc", "Sub-supply type 8 (Others) needs a description");
  if (sub !== 8 && j.subSupplyDesc !== undefined) err("subSupplyDesc", "subSupplyDesc goes only with sub-supply type 8 (Others)");
  const allowed = j.supplyType === "O" ? OUTWARD_DOC_TYPES[sub] : undefined;
  if (j.supplyType === "O" && SUB_SUPPLY_LABELS[sub] && !allowed) err("subSupplyType", `${SUB_SUPPLY_LABELS[sub]} is not an outward movement`);
  if (allowed && !allowed.includes(j.docType as never)) err("docType", `A ${SUB_SUPPLY_LABELS[sub]} movement goes on ${allowed.join(" or ")}, not ${String(j.docType)}`);
  if (typeof j.docNo !== "string" || !/^[A-Za-z0-9/-]{1,16}$/.test(j.docNo)) err("docNo", `Document number ${String(j.docNo ?? "")} must be 1–16 letters, digits, "/" or "-"`);
  const docDate = typeof j.docDate === "string" ? realDate(j.docDate) : null;
  if (!docDate) err("docDate", `Document date ${String(j.docDate ?? "")} must be a real date as dd/mm/yyyy`);
  if (![1, 2, 3, 4].includes(j.transactionType as number)) err("transactionType", "transactionType must be 1 (regular), 2 (bill to–ship to), 3 (bill from–dispatch from) or 4 (both)");

  if (!gstinOk(j.fromGstin)) err("fromGstin", `Consignor GSTIN ${String(j.fromGstin ?? "")} is not a valid GSTIN`);
  if (j.userGstin !== undefined && !gstinOk(j.userGstin)) err("userGstin", `User GSTIN ${String(j.userGstin)} is not a valid GSTIN`);
  if (j.toGstin !== "URP" && !gstinOk(j.toGstin)) err("toGstin", `Consignee GSTIN ${String(j.toGstin ?? "")} is not a valid GSTIN (use URP for an unregistered one)`);
  if (j.fromGstin === j.toGstin && j.toGstin !== "URP" && !SAME_GSTIN_ALLOWED.has(sub)) err("toGstin", `Consignor and consignee have the same GSTIN; that is allowed only for own use, exhibitions, line sales and others, not ${SUB_SUPPLY_LABELS[sub] ?? "this movement"}`);
  if (sub === 3) {
    if (j.toGstin !== "URP") err("toGstin", "An export is to URP (a buyer abroad)");
    if (String(j.toStateCode) !== EXPORT_STATE_CODE) err("toStateCode", `An export goes to state code ${EXPORT_STATE_CODE} (other country)`);
  }
  for (const [k, label] of [["fromPincode", "Dispatch PIN"], ["toPincode", "Delivery PIN"]] as const) {
    const v = j[k];
    if (!(num(v) && Number.isInteger(v) && v >= 100000 && v <= 999999)) err(k, `${label} ${String(v ?? "")} must be 6 digits`);
  }
  for (const k of ["fromStateCode", "actFromStateCode", "actToStateCode"] as const) if (!stateOk(j[k], false)) err(k, `${k} ${String(j[k] ?? "")} is not a GST state code`);
  if (!stateOk(j.toStateCode, sub === 3)) err("toStateCode", `toStateCode ${String(j.toStateCode ?? "")} is not a GST state code`);
  const tt = j.transactionType as number;
  if ((tt === 2 || tt === 4) && j.shipToGSTIN !== undefined && j.shipToGSTIN !== "URP" && !gstinOk(j.shipToGSTIN)) err("shipToGSTIN", "Ship-to GSTIN is not a valid GSTIN");
  if ((tt === 1 || tt === 3) && (j.shipToGSTIN !== undefined || j.shipToTradeName !== undefined)) err("shipToGSTIN", "Ship-to details go only with transaction type 2 or 4");
  if ((tt === 1 || tt === 2) && (j.dispatchFromGSTIN !== undefined || j.dispatchFromTradeName !== undefined)) err("dispatchFromGSTIN", "Dispatch-from details go only with transaction type 3 or 4");
  if (typeof j.fromPlace === "string" && j.fromPlace.length < 3) err("fromPlace", "Dispatch place must be at least 3 characters");
  if (typeof j.toPlace === "string" && j.toPlace.length < 3) err("toPlace", "Delivery place must be at least 3 characters");

  // Values and tax
  for (const k of ["totalValue", "cgstValue", "sgstValue", "igstValue", "cessValue", "cessNonAdvolValue", "totInvValue"] as const) {
    const v = j[k];
    if (v !== undefined && !(num(v) && v >= 0 && twoPlaces(v))) err(k, `${k} must be a number of rupees (0 or more, 2 decimals)`);
  }
  if (j.otherValue !== undefined && !(num(j.otherValue) && twoPlaces(j.otherValue))) err("otherValue", "otherValue must be a number of rupees with 2 decimals");
  const interState = j.fromStateCode !== j.toStateCode;
  if (num(j.igstValue) && num(j.cgstValue) && num(j.sgstValue)) {
    if (j.igstValue > 0 && (j.cgstValue > 0 || j.sgstValue > 0)) err("igstValue", "IGST and CGST/SGST cannot both be charged");
    if (j.cgstValue !== j.sgstValue) err("sgstValue", "SGST must equal CGST");
    if (!interState && j.igstValue > 0 && sub !== 3) err("igstValue", "An intra-state movement is taxed with CGST and SGST, not IGST");
  }

  // Items
  const items = Array.isArray(j.itemList) ? (j.itemList as Record<string, unknown>[]) : [];
  if (j.itemList !== undefined && !Array.isArray(j.itemList)) err("itemList", "itemList must be a list");
  if (Array.isArray(j.itemList) && items.length === 0) err("itemList", "The e-way bill has no items");
  if (items.length > 250) err("itemList", `An e-way bill takes at most 250 items (this one has ${items.length})`);
  let sum = new D(0);
  items.forEach((it, i) => {
    const p = `itemList[${i}]`;
    for (const [k, v] of Object.entries(it ?? {})) {
      if (!ITEM_KEYS.has(k)) err(`${p}.${k}`, `Item ${i + 1}: ${k} is not a field of an item`);
      else if (v === "" || v === null) err(`${p}.${k}`, `Item ${i + 1}: ${k} is empty: leave an absent field out`);
    }
    if (!/^\d{4,8}$/.test(String(it.hsnCode ?? "")) || typeof it.hsnCode !== "number") err(`${p}.hsnCode`, `Item ${i + 1}: HSN ${String(it.hsnCode ?? "")} must be a number of 4–8 digits`);
    if (!(num(it.taxableAmount) && it.taxableAmount >= 0)) err(`${p}.taxableAmount`, `Item ${i + 1}: taxable amount must be a number`);
    else sum = sum.plus(String(it.taxableAmount));
    if (it.quantity !== undefined && !(num(it.quantity) && it.quantity >= 0)) err(`${p}.quantity`, `Item ${i + 1}: quantity must be a number`);
    if (it.qtyUnit !== undefined && !UQC.has(String(it.qtyUnit))) err(`${p}.qtyUnit`, `Item ${i + 1}: unit ${String(it.qtyUnit)} is not a GST unit code (UQC)`);
    if (typeof it.productName === "string" && it.productName.length > 100) err(`${p}.productName`, `Item ${i + 1}: name can be at most 100 characters`);
    const [c, s, g] = [it.cgstRate, it.sgstRate, it.igstRate].map(Number);
    if (c !== s) err(`${p}.sgstRate`, `Item ${i + 1}: SGST rate must equal CGST rate`);
    if (g > 0 && c > 0) err(`${p}.igstRate`, `Item ${i + 1}: IGST and CGST/SGST rates cannot both be given`);
    if (!GST_RATES.has(g > 0 ? g : c * 2)) err(`${p}.igstRate`, `Item ${i + 1}: ${g > 0 ? g : c * 2}% is not a GST rate`);
  });
  if (num(j.totalValue) && items.length && !sum.eq(String(j.totalValue))) err("totalValue", `Total taxable value ${j.totalValue.toFixed(2)} ≠ the items' ${sum.toFixed(2)}`);
  if ([j.totalValue, j.cgstValue, j.sgstValue, j.igstValue, j.cessValue, j.totInvValue].every(num)) {
    const tot = [j.totalValue, j.cgstValue, j.sgstValue, j.igstValue, j.cessValue, j.cessNonAdvolValue ?? 0, j.otherValue ?? 0].reduce<Prisma.Decimal>((a, v) => a.plus(String(v)), new D(0));
    if (!tot.eq(String(j.totInvValue))) err("totInvValue", `Document value ${(j.totInvValue as number).toFixed(2)} ≠ taxable + taxes + other ${tot.toFixed(2)}`);
  }

  // Transport (Part B)
  const distance = Number(j.transDistance);
  if (typeof j.transDistance !== "string" || !/^\d{1,4}$/.test(j.transDistance) || distance > 4000) err("transDistance", `Distance ${String(j.transDistance ?? "")} km must be a whole number from 0 to 4000 (as text)`);
  const mode = j.transMode;
  if (mode !== undefined && !["1", "2", "3", "4"].includes(mode as string)) err("transMode", "transMode must be 1 (road), 2 (rail), 3 (air) or 4 (ship), as text");
  const partB = j.vehicleNo !== undefined || j.transDocNo !== undefined;
  if (partB && mode === undefined) err("transMode", "Part B needs the mode of transport");
  if (!partB && mode !== undefined) err("transMode", "A mode of transport without a vehicle or transport document: give Part B in full or leave it out");
  if (mode === "1" && j.transDocNo === undefined && j.vehicleNo === undefined) err("vehicleNo", "Road transport needs the vehicle number");
  if (mode !== undefined && mode !== "1" && (j.transDocNo === undefined || j.transDocDate === undefined)) err("transDocNo", "Rail, air and ship need the transport document number and date");
  if (mode !== undefined && mode !== "1" && j.vehicleNo !== undefined) err("vehicleNo", "A vehicle number goes only with road transport");
  if (typeof j.vehicleNo === "string") {
    const p = vehicleNoProblem(j.vehicleNo);
    if (p) err("vehicleNo", p);
    if (j.vehicleNo !== normaliseVehicleNo(j.vehicleNo)) err("vehicleNo", "Send the vehicle number without spaces or dashes, in capitals");
    if (j.vehicleType !== "R" && j.vehicleType !== "O") err("vehicleType", "vehicleType must be R (regular) or O (over-dimensional cargo)");
  } else if (j.vehicleType !== undefined) err("vehicleType", "vehicleType goes only with a vehicle number");
  if (!partB && j.transporterId === undefined) err("vehicleNo", "Give a vehicle number (Part B) or a transporter id");
  if (j.transporterId !== undefined && (typeof j.transporterId !== "string" || !/^[0-9]{2}[0-9A-Z]{13}$/.test(j.transporterId))) err("transporterId", `Transporter id ${String(j.transporterId)} must be 15 characters (a GSTIN or TRANSIN)`);
  if (j.transDocNo !== undefined && (typeof j.transDocNo !== "string" || !/^[A-Za-z0-9/-]{1,15}$/.test(j.transDocNo))) err("transDocNo", `Transport document number ${String(j.transDocNo)} must be 1–15 letters, digits, "/" or "-"`);
  if (j.transDocDate !== undefined) {
    const td = typeof j.transDocDate === "string" ? realDate(j.transDocDate) : null;
    if (!td) err("transDocDate", `Transport document date ${String(j.transDocDate)} must be a real date as dd/mm/yyyy`);
    else if (docDate && td < docDate) err("transDocDate", "The transport document cannot be dated before the document it carries");
    if (j.transDocNo === undefined) err("transDocDate", "A transport document date goes with its number");
  }
  if (j.mainHsnCode !== undefined && !(num(j.mainHsnCode) && /^\d{4,8}$/.test(String(j.mainHsnCode)))) err("mainHsnCode", "mainHsnCode must be a number of 4–8 digits");
  return out;
}
