// What the product needs from the e-way bill system, whichever one answers: NIC's API (nic-ewaybill-client.ts)
// or the local sandbox (sandbox-ewaybill.ts). Field names and date formats are the e-way bill system's own.
import { IST_OFFSET_MS } from "@/lib/pricing/dates";
import type { CancelReason, ConsignmentStatus, ExtendReason, TransitType, VehicleReason } from "./ewaybill-codes";
import type { EwayBillJson } from "./ewaybill-json";

/** Dates as the e-way bill system writes them: "dd/MM/yyyy hh:mm:ss AM", IST. */
export type EwbDateTime = string;

export type EwbGenerated = { ewayBillNo: string; ewayBillDate: EwbDateTime; validUpto: EwbDateTime | null; alert?: string | null };

export type EwbVehicleUpdate = {
  ewbNo: string;
  vehicleNo?: string;
  fromPlace: string;
  fromState: number;
  reasonCode: VehicleReason;
  reasonRem: string;
  transDocNo?: string;
  transDocDate?: string;
  transMode: "1" | "2" | "3" | "4";
  vehicleType?: "R" | "O";
};

export type EwbExtend = {
  ewbNo: string;
  vehicleNo?: string;
  fromPlace: string;
  fromState: number;
  fromPincode: number;
  remainingDistance: number;
  transDocNo?: string;
  transDocDate?: string;
  transMode: "1" | "2" | "3" | "4" | "5";
  extnRsnCode: ExtendReason;
  extnRemarks: string;
  consignmentStatus: ConsignmentStatus;
  transitType?: TransitType;
  addressLine1?: string;
  addressLine2?: string;
  addressLine3?: string;
};

export type EwbDetails = {
  ewbNo: string;
  ewayBillDate: EwbDateTime;
  status: "ACT" | "CNL";
  validUpto: EwbDateTime | null;
  extendedTimes: number;
  docNo: string;
  docType: string;
  transporterId?: string | null;
  VehiclListDetails: { vehicleNo?: string | null; fromPlace: string; fromState: number; transMode: string; transDocNo?: string | null; enteredDate: EwbDateTime }[];
};

export interface EwayBillClient {
  /** "sandbox" or "nic": shown next to results so nobody mistakes the sandbox for GSTN. */
  readonly kind: "sandbox" | "nic";
  generate(json: EwayBillJson): Promise<EwbGenerated>;
  /** VEHEWB: Part B — a new vehicle (or transport document) with a reason. */
  updatePartB(req: EwbVehicleUpdate): Promise<{ vehUpdDate: EwbDateTime; validUpto: EwbDateTime | null }>;
  updateTransporter(req: { ewbNo: string; transporterId: string }): Promise<{ ewayBillNo: string; transporterId: string; transUpdateDate: EwbDateTime }>;
  extendValidity(req: EwbExtend): Promise<{ ewayBillNo: string; updatedDate: EwbDateTime; validUpto: EwbDateTime }>;
  cancel(req: { ewbNo: string; cancelRsnCode: CancelReason; cancelRmrk: string }): Promise<{ ewayBillNo: string; cancelDate: EwbDateTime }>;
  get(ewbNo: string): Promise<EwbDetails>;
}

/** Error codes of the e-way bill system the product acts on. */
export const EWB_INVALID_TOKEN = "238";
export const EWB_DUPLICATE = "604";
export const EWB_NOT_YOURS_OR_CANCELLED = "312";
export const EWB_CANCEL_WINDOW_PASSED = "315";

export class EwbError extends Error {
  readonly code: string;
  /** True for outages and timeouts: try again later. False: the request must change. */
  readonly retryable: boolean;
  constructor(code: string, message: string, opts: { retryable?: boolean } = {}) {
    super(message);
    this.name = "EwbError";
    this.code = code;
    this.retryable = opts.retryable ?? false;
  }
}

/** "dd/MM/yyyy hh:mm:ss AM" in IST for an instant. */
export function ewbDateTime(d: Date): EwbDateTime {
  const t = new Date(d.getTime() + IST_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, "0");
  const h = t.getUTCHours();
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(h % 12 === 0 ? 12 : h % 12)}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

/** The instant of an e-way bill date-time ("dd/MM/yyyy hh:mm:ss AM" or 24-hour without AM/PM), IST. */
export function parseEwbDateTime(s: string): Date {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(s.trim());
  if (!m) throw new EwbError("parse", `The e-way bill system sent a date the product cannot read: "${s}"`);
  let h = +m[4]!;
  const ampm = m[7]?.toUpperCase();
  if (ampm === "PM" && h < 12) h += 12;
  if (ampm === "AM" && h === 12) h = 0;
  return new Date(Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!, h, +m[5]!, +(m[6] ?? 0)) - IST_OFFSET_MS);
}
