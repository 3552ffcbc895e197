// What the product needs from an Invoice Registration Portal, whichever one answers: NIC's API
// (nic-client.ts) or the local sandbox (sandbox.ts). Field names are the IRP's own.
import { IST_OFFSET_MS } from "@/lib/pricing/dates";
import type { IrpInvoice } from "./irp-types";

export type IrpGenerated = {
  Irn: string;
  AckNo: string;
  /** "yyyy-MM-dd HH:mm:ss", IST. */
  AckDt: string;
  SignedInvoice: string;
  SignedQRCode: string;
  Status: "ACT" | "CNL";
  EwbNo?: string | null;
  EwbDt?: string | null;
  EwbValidTill?: string | null;
};

export type IrpCancelled = { Irn: string; CancelDate: string };

/** 1 Duplicate, 2 Data entry mistake, 3 Order cancelled, 4 Others (e-invoice order; the e-way bill's differs). */
export type IrpCancelReason = 1 | 2 | 3 | 4;

export interface IrpClient {
  /** "sandbox" or "nic": shown next to results so nobody mistakes the sandbox for GSTN. */
  readonly kind: "sandbox" | "nic";
  generateIrn(json: IrpInvoice): Promise<IrpGenerated>;
  getByIrn(irn: string): Promise<IrpGenerated>;
  cancelIrn(args: { Irn: string; CnlRsn: IrpCancelReason; CnlRem: string }): Promise<IrpCancelled>;
}

/** IRP error codes the product acts on. */
export const IRP_DUPLICATE_IRN = "2150";
export const IRP_CANCEL_WINDOW_PASSED = "2270";
export const IRP_ALREADY_CANCELLED = "9999";

export class IrpError extends Error {
  readonly code: string;
  /** True for outages and timeouts: try again later. False: the document or the request must change. */
  readonly retryable: boolean;
  /** For a duplicate: the IRN the IRP already gave this document (so a retry after a lost response recovers). */
  readonly existing?: { Irn: string; AckNo: string; AckDt: string };

  constructor(code: string, message: string, opts: { retryable?: boolean; existing?: { Irn: string; AckNo: string; AckDt: string } } = {}) {
    super(message);
    this.name = "IrpError";
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.existing = opts.existing;
  }
}

/** "yyyy-MM-dd HH:mm:ss" in IST for an instant. */
export function irpDateTime(d: Date): string {
  const ist = new Date(d.getTime() + IST_OFFSET_MS);
  return ist.toISOString().slice(0, 19).replace("T", " ");
}

/** The instant of an IRP "yyyy-MM-dd HH:mm:ss" IST time. */
export function parseIrpDateTime(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s);
  if (!m) throw new IrpError("parse", `The IRP sent a date the product cannot read: "${s}"`, { retryable: false });
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - IST_OFFSET_MS);
}
