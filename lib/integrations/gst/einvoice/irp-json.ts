// Builds the IRP e-invoice JSON (schema 1.1) from an issued invoice, credit note or debit note,
// exactly as frozen on the document: seller, buyer and ship-to snapshots, lines and totals. Pure:
// the same document always gives the same JSON, so a retry sends the same bytes the IRP saw.
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, PartyAddress, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IrpDocType } from "./irn";
import type { IrpAddress, IrpInvoice, IrpItem, IrpParty, IrpSupplyType } from "./irp-types";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

const supplyTypes: Record<string, IrpSupplyType> = {
  regular: "B2B",
  sez_with_payment: "SEZWP",
  sez_without_payment: "SEZWOP",
  export_with_payment: "EXPWP",
  export_without_payment: "EXPWOP",
};

export const irpDocTypes: Record<InvoiceDocument["type"], IrpDocType> = { INVOICE: "INV", CREDIT_NOTE: "CRN", DEBIT_NOTE: "DBN" };

export function buildIrpJson(doc: InvoiceDocument): IrpInvoice {
  const seller = doc.seller as unknown as SellerSnapshot;
  const buyer = doc.buyer as unknown as BuyerSnapshot;
  const shipTo = doc.shipTo as unknown as ShipToSnapshot | null;
  const items = doc.lines.map((l, i) => item(l, i));
  const sum = (k: keyof IrpItem) => doc.lines.length ? items.reduce((s, it) => s.plus(new D(String(it[k] ?? 0))), new D(0)) : new D(0);
  const json: IrpInvoice = {
    Version: "1.1",
    TranDtls: { TaxSch: "GST", SupTyp: supplyTypes[doc.supplyType] ?? "B2B", RegRev: doc.reverseCharge ? "Y" : "N", EcmGstin: null, IgstOnIntra: "N" },
    DocDtls: { Typ: irpDocTypes[doc.type], No: doc.number, Dt: irpDate(doc.issueDate) },
    SellerDtls: party(seller, seller.gstin ?? doc.sellerGstin ?? ""),
    BuyerDtls: { ...party(buyer, buyer.gstin ?? doc.buyerGstin ?? "URP"), Pos: doc.placeOfSupply },
    ItemList: items,
    ValDtls: {
      AssVal: num(sum("AssAmt")),
      CgstVal: num(sum("CgstAmt")),
      SgstVal: num(sum("SgstAmt")),
      IgstVal: num(sum("IgstAmt")),
      CesVal: num(sum("CesAmt")),
      // Line discounts are already inside each AssAmt; there is no further invoice-level discount.
      Discount: 0,
      OthChrg: 0,
      RndOffAmt: num(doc.roundOff),
      TotInvVal: num(doc.grandTotal),
    },
  };
  if (seller.dispatchFrom) json.DispDtls = address(seller.dispatchFrom, seller.tradeName ?? seller.legalName);
  if (shipTo) {
    json.ShipDtls = { LglNm: shipTo.name, Addr1: shipTo.address1, Loc: shipTo.city, Pin: pin(shipTo.pincode), Stcd: shipTo.stateCode };
    if (shipTo.address2) json.ShipDtls.Addr2 = shipTo.address2;
  }
  if (doc.type !== "INVOICE" && doc.originalInvoice) {
    json.RefDtls = { PrecDocDtls: [{ InvNo: doc.originalInvoice.number, InvDt: irpDate(doc.originalInvoice.issueDate) }] };
  }
  return json;
}

/** "dd/mm/yyyy" of an IST calendar day stored as a UTC-midnight Date. */
export function irpDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

/** The HSN of the line with the largest taxable value (QR code "MainHsnCode", e-way bill "mainHsnCode"). */
export function mainHsnCode(lines: { hsnCode: string; taxableValue: Decimal }[]): string {
  let best = lines[0];
  for (const l of lines) if (best && l.taxableValue.gt(best.taxableValue)) best = l;
  return best?.hsnCode ?? "";
}

function item(l: InvoiceDocument["lines"][number], i: number): IrpItem {
  // TotAmt is the value before discount and tax; for tax-inclusive prices the unit price is
  // reported net of tax (to 3 decimals, as the schema allows), derived from that value.
  const totAmt = l.taxableValue.plus(l.discount);
  const unitPrice = l.taxInclusive && l.quantity.gt(0) ? totAmt.div(l.quantity).toDecimalPlaces(3, D.ROUND_HALF_UP) : l.unitPrice;
  return {
    SlNo: String(i + 1),
    PrdDesc: l.description,
    IsServc: l.hsnCode.startsWith("99") ? "Y" : "N",
    HsnCd: l.hsnCode,
    Qty: l.quantity.toDecimalPlaces(3).toNumber(),
    Unit: l.unit,
    UnitPrice: unitPrice.toNumber(),
    TotAmt: num(totAmt),
    Discount: num(l.discount),
    AssAmt: num(l.taxableValue),
    GstRt: l.gstRate.toNumber(),
    IgstAmt: num(l.igstAmount),
    CgstAmt: num(l.cgstAmount),
    SgstAmt: num(l.sgstAmount),
    CesRt: l.cessRate.toNumber(),
    CesAmt: num(l.cessAmount),
    TotItemVal: num(l.lineTotal),
  };
}

function party(p: PartyAddress & { legalName: string; tradeName: string | null; phone: string | null; email: string | null }, gstin: string): IrpParty {
  const out: IrpParty = { Gstin: gstin, LglNm: p.legalName, Addr1: p.address1, Loc: p.city, Pin: pin(p.pincode), Stcd: p.stateCode };
  if (p.tradeName) out.TrdNm = p.tradeName;
  if (p.address2) out.Addr2 = p.address2;
  // The IRP takes 6–12 digits of phone; anything else in the field (+91, spaces) is dropped.
  const phone = p.phone?.replace(/\D/g, "").replace(/^91(?=\d{10}$)/, "");
  if (phone && phone.length >= 6 && phone.length <= 12) out.Ph = phone;
  if (p.email) out.Em = p.email;
  return out;
}

function address(a: PartyAddress, name: string): IrpAddress {
  const out: IrpAddress = { Nm: name, Addr1: a.address1, Loc: a.city, Pin: pin(a.pincode), Stcd: a.stateCode };
  if (a.address2) out.Addr2 = a.address2;
  return out;
}

const pin = (s: string) => (/^\d+$/.test(s) ? Number(s) : NaN);
const num = (d: Decimal | number) => new D(d).toDecimalPlaces(2, D.ROUND_HALF_UP).toNumber();
