// Checks an IRP JSON the way the IRP would before we send it, and says what is wrong in words a
// billing clerk can act on ("Buyer PIN 4220 must be 6 digits"). Errors stop the submission;
// warnings (e.g. a 4-digit HSN, valid only below ₹5 crore turnover) are shown but do not.
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { isStateCode } from "@/lib/integrations/gst/states";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IrpInvoice, IrpItem, IrpProblem } from "./irp-types";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export const IRP_DOC_NO = /^[A-Z1-9][A-Z0-9/-]{0,15}$/;
const GST_RATES = ["0", "0.1", "0.25", "1", "1.5", "3", "5", "6", "7.5", "12", "18", "28", "40"];
const MAX_ITEMS = 1000;
/** Tax may differ from AssAmt × rate by rounding (tax-inclusive prices put the paisa there). */
const TAX_TOLERANCE = new D(1);

export type ValidateIrpOptions = {
  /** NIC's sandbox GSTINs fail the check digit: accept any 15-character GSTIN shape with a warning. */
  sandbox?: boolean;
};

export function validateIrpJson(input: unknown, opts: ValidateIrpOptions = {}): IrpProblem[] {
  const out: IrpProblem[] = [];
  const err = (path: string, message: string) => out.push({ path, message, level: "error" });
  const warn = (path: string, message: string) => out.push({ path, message, level: "warning" });
  if (!isObject(input)) return [{ path: "", message: "The e-invoice JSON must be an object", level: "error" }];
  const j = input as Partial<IrpInvoice>;

  if (j.Version !== "1.1") err("Version", `Version must be "1.1" (got ${show(j.Version)})`);

  const tran = j.TranDtls;
  const supTyp = tran?.SupTyp;
  if (!tran) err("TranDtls", "Transaction details (TranDtls) are missing");
  else {
    if (tran.TaxSch !== "GST") err("TranDtls.TaxSch", `Tax scheme must be "GST" (got ${show(tran.TaxSch)})`);
    if (!["B2B", "SEZWP", "SEZWOP", "EXPWP", "EXPWOP", "DEXP"].includes(String(supTyp))) err("TranDtls.SupTyp", `Supply type ${show(supTyp)} must be one of B2B, SEZWP, SEZWOP, EXPWP, EXPWOP, DEXP`);
    if (tran.RegRev !== undefined && tran.RegRev !== "Y" && tran.RegRev !== "N") err("TranDtls.RegRev", "Reverse charge must be Y or N");
  }

  const doc = j.DocDtls;
  if (!doc) err("DocDtls", "Document details (DocDtls) are missing");
  else {
    if (!["INV", "CRN", "DBN"].includes(String(doc.Typ))) err("DocDtls.Typ", `Document type ${show(doc.Typ)} must be INV, CRN or DBN`);
    if (typeof doc.No !== "string" || !IRP_DOC_NO.test(doc.No)) err("DocDtls.No", `Document number ${show(doc.No)} must be 1–16 characters of A–Z, 0–9, "/" and "-", not starting with 0, "/" or "-"`);
    if (!isIrpDate(doc.Dt)) err("DocDtls.Dt", `Document date ${show(doc.Dt)} must be a real date written dd/mm/yyyy`);
  }

  const sellerState = checkParty(j.SellerDtls, "SellerDtls", "Seller", false);
  const buyer = j.BuyerDtls;
  checkParty(buyer, "BuyerDtls", "Buyer", true);
  if (buyer) {
    if (!isStateCode(String(buyer.Pos ?? ""))) err("BuyerDtls.Pos", `Place of supply ${show(buyer.Pos)} must be a GST state code (96 for exports)`);
    if (buyer.Gstin === "URP" && (supTyp === "B2B" || supTyp === "SEZWP" || supTyp === "SEZWOP")) err("BuyerDtls.Gstin", "An unregistered buyer (URP) can only be on an export invoice; a B2B or SEZ e-invoice needs the buyer's GSTIN");
  }
  if (j.DispDtls) checkAddress(j.DispDtls, "DispDtls", "Dispatch-from");
  if (j.ShipDtls) {
    checkAddress(j.ShipDtls, "ShipDtls", "Ship-to");
    if (j.ShipDtls.Gstin !== undefined && j.ShipDtls.Gstin !== "URP") checkGstin(j.ShipDtls.Gstin, "ShipDtls.Gstin", "Ship-to");
  }

  // Inter-state (place of supply ≠ seller's state), SEZ and exports: IGST. Intra-state: CGST + SGST.
  const igstExpected = supTyp !== "B2B" || (buyer?.Pos !== undefined && sellerState !== undefined && buyer.Pos !== sellerState) || j.TranDtls?.IgstOnIntra === "Y";
  const items = Array.isArray(j.ItemList) ? j.ItemList : null;
  if (!items || items.length === 0) err("ItemList", "The document has no items (ItemList)");
  else if (items.length > MAX_ITEMS) err("ItemList", `At most ${MAX_ITEMS} items fit on one e-invoice (this one has ${items.length})`);
  const sums = { AssAmt: new D(0), CgstAmt: new D(0), SgstAmt: new D(0), IgstAmt: new D(0), CesAmt: new D(0) };
  const seen = new Set<string>();
  (items ?? []).slice(0, MAX_ITEMS).forEach((it, i) => {
    const p = `ItemList[${i}]`;
    const name = `Item ${i + 1}`;
    if (!isObject(it)) return err(p, `${name} is not an object`);
    if (typeof it.SlNo !== "string" || !/^\d{1,6}$/.test(it.SlNo)) err(`${p}.SlNo`, `${name}: serial number ${show(it.SlNo)} must be 1–6 digits`);
    else if (seen.has(it.SlNo)) err(`${p}.SlNo`, `${name}: serial number ${it.SlNo} is used twice`);
    else seen.add(it.SlNo);
    const hsn = String(it.HsnCd ?? "");
    if (!/^(\d{4}|\d{6}|\d{8})$/.test(hsn)) err(`${p}.HsnCd`, `${name}: HSN ${show(it.HsnCd)} must be 4, 6 or 8 digits`);
    else if (hsn.length === 4) warn(`${p}.HsnCd`, `${name}: HSN ${hsn} has 4 digits; with turnover above ₹5 crore the IRP needs 6 or 8`);
    if (it.IsServc !== (hsn.startsWith("99") ? "Y" : "N")) err(`${p}.IsServc`, `${name}: IsServc must be ${hsn.startsWith("99") ? "Y (HSN 99… is a service)" : "N (goods)"}`);
    if (it.Qty !== undefined && !(isAmount(it.Qty, 3) && it.Qty >= 0)) err(`${p}.Qty`, `${name}: quantity ${show(it.Qty)} must be zero or more with at most 3 decimals`);
    if (!(isAmount(it.UnitPrice, 3) && it.UnitPrice >= 0)) err(`${p}.UnitPrice`, `${name}: unit price ${show(it.UnitPrice)} must be zero or more with at most 3 decimals`);
    const amounts = ["TotAmt", "Discount", "AssAmt", "IgstAmt", "CgstAmt", "SgstAmt", "CesAmt", "TotItemVal"] as const;
    let amountsOk = true;
    for (const k of amounts) {
      const v = it[k];
      if (v === undefined && k !== "TotAmt" && k !== "AssAmt" && k !== "TotItemVal") continue;
      if (!isAmount(v, 2) || (v as number) < 0) {
        err(`${p}.${k}`, `${name}: ${k} ${show(v)} must be an amount of zero or more with at most 2 decimals`);
        amountsOk = false;
      }
    }
    if (!GST_RATES.includes(String(it.GstRt))) err(`${p}.GstRt`, `${name}: GST rate ${show(it.GstRt)} is not a GST rate (${GST_RATES.join(", ")})`);
    if (!amountsOk) return;
    const v = (k: keyof IrpItem) => new D(String(it[k] ?? 0));
    const ass = v("AssAmt");
    const expectAss = v("TotAmt").minus(v("Discount"));
    if (!ass.eq(expectAss)) err(`${p}.AssAmt`, `${name}: AssAmt ${fx(ass)} ≠ TotAmt − Discount ${fx(expectAss)}`);
    const taxes = v("IgstAmt").plus(v("CgstAmt")).plus(v("SgstAmt")).plus(v("CesAmt"));
    const expectTotal = ass.plus(taxes);
    if (!v("TotItemVal").eq(expectTotal)) err(`${p}.TotItemVal`, `${name}: TotItemVal ${fx(v("TotItemVal"))} ≠ AssAmt + taxes + cess ${fx(expectTotal)}`);
    if (!v("CgstAmt").eq(v("SgstAmt"))) err(`${p}.SgstAmt`, `${name}: CGST ${fx(v("CgstAmt"))} and SGST ${fx(v("SgstAmt"))} must be equal`);
    const rate = new D(String(it.GstRt ?? 0));
    if (igstExpected && (v("CgstAmt").gt(0) || v("SgstAmt").gt(0))) err(`${p}.CgstAmt`, `${name}: ${supTyp === "B2B" ? "an inter-state supply" : "an SEZ or export supply"} is charged IGST, not CGST/SGST`);
    if (!igstExpected && v("IgstAmt").gt(0)) err(`${p}.IgstAmt`, `${name}: an intra-state supply (place of supply = seller's state) is charged CGST + SGST, not IGST`);
    const charged = v("IgstAmt").plus(v("CgstAmt")).plus(v("SgstAmt"));
    const due = ass.times(rate).div(100);
    const zeroRatedWop = supTyp === "SEZWOP" || supTyp === "EXPWOP";
    if (!zeroRatedWop && charged.minus(due).abs().gt(TAX_TOLERANCE)) err(`${p}.GstRt`, `${name}: tax ${fx(charged)} does not match ${rate.toString()}% of AssAmt ${fx(ass)} (${fx(due)})`);
    if (zeroRatedWop && charged.gt(0)) err(`${p}.IgstAmt`, `${name}: supply without payment of tax (${supTyp}) must not charge GST`);
    for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] = sums[k].plus(v(k));
  });

  const val = j.ValDtls;
  if (!val) err("ValDtls", "Value details (ValDtls) are missing");
  else {
    const keys = ["AssVal", "CgstVal", "SgstVal", "IgstVal", "CesVal", "Discount", "OthChrg", "TotInvVal"] as const;
    let ok = true;
    for (const k of keys) {
      const x = val[k];
      if (x === undefined && k !== "AssVal" && k !== "TotInvVal") continue;
      if (!isAmount(x, 2) || (x as number) < 0) {
        err(`ValDtls.${k}`, `${k} ${show(x)} must be an amount of zero or more with at most 2 decimals`);
        ok = false;
      }
    }
    const r = val.RndOffAmt;
    if (r !== undefined && (!isAmount(r, 2) || Math.abs(r) > 99.99)) {
      err("ValDtls.RndOffAmt", `Round-off ${show(r)} must be between −99.99 and 99.99`);
      ok = false;
    }
    if (ok && items && items.length) {
      const g = (k: keyof typeof val) => new D(String(val[k] ?? 0));
      const pairs: [keyof typeof val, keyof typeof sums, string][] = [["AssVal", "AssAmt", "taxable value"], ["CgstVal", "CgstAmt", "CGST"], ["SgstVal", "SgstAmt", "SGST"], ["IgstVal", "IgstAmt", "IGST"], ["CesVal", "CesAmt", "cess"]];
      for (const [vk, ik, label] of pairs) if (!g(vk).eq(sums[ik])) err(`ValDtls.${vk}`, `${vk} ${fx(g(vk))} ≠ the items' ${label} ${fx(sums[ik])}`);
      const expect = g("AssVal").plus(g("CgstVal")).plus(g("SgstVal")).plus(g("IgstVal")).plus(g("CesVal")).plus(g("OthChrg")).minus(g("Discount")).plus(g("RndOffAmt"));
      if (!g("TotInvVal").eq(expect)) err("ValDtls.TotInvVal", `TotInvVal ${fx(g("TotInvVal"))} ≠ AssVal + taxes + cess + OthChrg − Discount + RndOffAmt ${fx(expect)}`);
    }
  }

  if ((doc?.Typ === "CRN" || doc?.Typ === "DBN") && !j.RefDtls?.PrecDocDtls?.length) warn("RefDtls.PrecDocDtls", "A credit or debit note should name the invoice it corrects (RefDtls.PrecDocDtls)");
  j.RefDtls?.PrecDocDtls?.forEach((r, i) => {
    if (!isIrpDate(r.InvDt)) err(`RefDtls.PrecDocDtls[${i}].InvDt`, `Original invoice date ${show(r.InvDt)} must be dd/mm/yyyy`);
    if (typeof r.InvNo !== "string" || r.InvNo.length < 1 || r.InvNo.length > 16) err(`RefDtls.PrecDocDtls[${i}].InvNo`, `Original invoice number ${show(r.InvNo)} must be 1–16 characters`);
  });
  return out;

  function checkParty(pt: IrpInvoice["SellerDtls"] | undefined, path: string, who: string, urpAllowed: boolean): string | undefined {
    if (!pt || !isObject(pt)) {
      err(path, `${who} details (${path}) are missing`);
      return undefined;
    }
    if (!(urpAllowed && pt.Gstin === "URP")) checkGstin(pt.Gstin, `${path}.Gstin`, who);
    text(pt.LglNm, `${path}.LglNm`, `${who} legal name`, 3, 100);
    if (pt.TrdNm !== undefined) text(pt.TrdNm, `${path}.TrdNm`, `${who} trade name`, 3, 100);
    checkAddress(pt, path, who);
    if (typeof pt.Gstin === "string" && pt.Gstin !== "URP" && /^\d{2}/.test(pt.Gstin) && pt.Stcd !== pt.Gstin.slice(0, 2) && who === "Seller") {
      err(`${path}.Stcd`, `Seller state code ${show(pt.Stcd)} must match the GSTIN's state ${pt.Gstin.slice(0, 2)}`);
    }
    if (pt.Ph !== undefined && !/^\d{6,12}$/.test(String(pt.Ph))) err(`${path}.Ph`, `${who} phone ${show(pt.Ph)} must be 6–12 digits`);
    if (pt.Em !== undefined && !/^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$/.test(String(pt.Em))) err(`${path}.Em`, `${who} email ${show(pt.Em)} is not an email address`);
    return typeof pt.Stcd === "string" ? pt.Stcd : undefined;
  }

  function checkAddress(a: { Addr1?: string; Addr2?: string; Loc?: string; Pin?: number; Stcd?: string }, path: string, who: string) {
    text(a.Addr1, `${path}.Addr1`, `${who} address line 1`, 1, 100);
    if (a.Addr2 !== undefined) text(a.Addr2, `${path}.Addr2`, `${who} address line 2`, 3, 100);
    text(a.Loc, `${path}.Loc`, `${who} city (Loc)`, 3, 50);
    if (!(Number.isInteger(a.Pin) && (a.Pin as number) >= 100000 && (a.Pin as number) <= 999999)) err(`${path}.Pin`, `${who} PIN ${a.Pin === undefined || a.Pin === null || Number.isNaN(a.Pin) ? "is missing or not a number; it" : a.Pin} must be 6 digits (100000–999999)`);
    if (!isStateCode(String(a.Stcd ?? "")) || !/^\d{2}$/.test(String(a.Stcd))) err(`${path}.Stcd`, `${who} state code ${show(a.Stcd)} is not a GST state code`);
  }

  function checkGstin(g: unknown, path: string, who: string) {
    if (typeof g !== "string" || g.length === 0) return err(path, `${who} GSTIN is missing`);
    if (isValidGstin(g) && g === g.toUpperCase()) return;
    if (opts.sandbox && /^[0-9]{2}[0-9A-Z]{13}$/.test(g)) return warn(path, `${who} GSTIN ${g} fails the check digit (accepted by the sandbox only)`);
    err(path, `${who} GSTIN ${g} is not a valid GSTIN (15 characters with a correct check character)`);
  }

  function text(v: unknown, path: string, label: string, min: number, max: number) {
    if (typeof v !== "string" || v.trim().length === 0) return err(path, `${label} is missing`);
    if (v.length < min || v.length > max) err(path, `${label} must be ${min}–${max} characters (it has ${v.length})`);
  }
}

/** Only the problems that stop a submission. */
export const blockingProblems = (problems: IrpProblem[]) => problems.filter((p) => p.level === "error");

export function isIrpDate(s: unknown): boolean {
  if (typeof s !== "string") return false;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

function isAmount(v: unknown, decimals: number): v is number {
  if (typeof v !== "number" || !Number.isFinite(v)) return false;
  return new D(String(v)).decimalPlaces() <= decimals;
}

const isObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? "(missing)" : typeof v === "string" ? `"${v}"` : String(v));
const fx = (d: Decimal) => d.toFixed(2);
