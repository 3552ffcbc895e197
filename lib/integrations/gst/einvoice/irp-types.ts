// The IRP's e-invoice JSON, schema version 1.1 (NIC "e-Invoice schema" — field names as the IRP
// spells them). Only the sections this product fills are typed; amounts are numbers with 2 decimals.
import type { IrpDocType } from "./irn";

export type IrpSupplyType = "B2B" | "SEZWP" | "SEZWOP" | "EXPWP" | "EXPWOP" | "DEXP";

export type IrpParty = {
  Gstin: string;
  LglNm: string;
  TrdNm?: string;
  Addr1: string;
  Addr2?: string;
  Loc: string;
  Pin: number;
  Stcd: string;
  Ph?: string;
  Em?: string;
};

export type IrpBuyer = IrpParty & { Pos: string };

export type IrpAddress = { Nm?: string; Addr1: string; Addr2?: string; Loc: string; Pin: number; Stcd: string };
export type IrpShipTo = { Gstin?: string; LglNm: string; TrdNm?: string; Addr1: string; Addr2?: string; Loc: string; Pin: number; Stcd: string };

export type IrpItem = {
  SlNo: string;
  PrdDesc?: string;
  IsServc: "Y" | "N";
  HsnCd: string;
  Qty?: number;
  Unit?: string;
  UnitPrice: number;
  TotAmt: number;
  Discount?: number;
  AssAmt: number;
  GstRt: number;
  IgstAmt?: number;
  CgstAmt?: number;
  SgstAmt?: number;
  CesRt?: number;
  CesAmt?: number;
  TotItemVal: number;
};

export type IrpValues = {
  AssVal: number;
  CgstVal?: number;
  SgstVal?: number;
  IgstVal?: number;
  CesVal?: number;
  Discount?: number;
  OthChrg?: number;
  RndOffAmt?: number;
  TotInvVal: number;
};

export type IrpInvoice = {
  Version: "1.1";
  TranDtls: { TaxSch: "GST"; SupTyp: IrpSupplyType; RegRev?: "Y" | "N"; EcmGstin?: string | null; IgstOnIntra?: "Y" | "N" };
  DocDtls: { Typ: IrpDocType; No: string; Dt: string };
  SellerDtls: IrpParty;
  BuyerDtls: IrpBuyer;
  DispDtls?: IrpAddress;
  ShipDtls?: IrpShipTo;
  ItemList: IrpItem[];
  ValDtls: IrpValues;
  RefDtls?: { InvRm?: string; PrecDocDtls?: { InvNo: string; InvDt: string; OthRefNo?: string }[] };
};

/** One thing wrong with an IRP JSON, in words. "warning" problems do not stop a submission. */
export type IrpProblem = { path: string; message: string; level: "error" | "warning" };
