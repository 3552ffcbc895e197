// The LOCAL IRP SANDBOX: a stand-in for the Invoice Registration Portal for the demo and tests.
// It is NOT reported to GSTN and is never chosen unless a company's irpMode is "SANDBOX".
// It behaves as the IRP does where the product depends on it: validates the JSON, computes the
// IRN, refuses a second IRN for the same document (error 2150 with the first one's details),
// returns a 15-digit ack number and an IST ack time, signs the invoice and the QR payload as RS256
// JWTs with its own key, and refuses a cancellation after 24 hours or a second one.
import { generateKeyPairSync, randomInt } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeIrn, irnFinancialYear } from "./irn";
import { IRP_ALREADY_CANCELLED, IRP_CANCEL_WINDOW_PASSED, IRP_DUPLICATE_IRN, IrpError, irpDateTime, type IrpClient, type IrpGenerated } from "./irp-client";
import type { IrpInvoice } from "./irp-types";
import { blockingProblems, validateIrpJson } from "./validate-irp-json";

export const SANDBOX_ISSUER = "NIC Sandbox";
const CANCEL_WINDOW_MS = 24 * 60 * 60 * 1000;

type StoredPayload = { SignedInvoice: string; SignedQRCode: string };

export function createSandboxIrp(opts: { db: PrismaClient; now?: () => Date }): IrpClient {
  const db = opts.db;
  const now = opts.now ?? (() => new Date());

  return {
    kind: "sandbox",

    async generateIrn(json: IrpInvoice): Promise<IrpGenerated> {
      const problems = blockingProblems(validateIrpJson(json, { sandbox: true }));
      if (problems.length) throw new IrpError("2000", `The IRP rejected the document: ${problems.map((p) => p.message).join("; ")}`);
      const key = { sellerGstin: json.SellerDtls.Gstin, docYear: irnFinancialYear(json.DocDtls.Dt), docType: json.DocDtls.Typ, docNo: json.DocDtls.No };
      const existing = await db.irpSandboxDocument.findUnique({ where: { sellerGstin_docYear_docType_docNo: key } });
      if (existing) throw duplicate(existing);

      const irn = computeIrn(key.sellerGstin, json.DocDtls.Dt, key.docType, key.docNo);
      const at = new Date(Math.floor(now().getTime() / 1000) * 1000);
      const ackDt = irpDateTime(at);
      const ackNo = `1${String(randomInt(0, 1e7)).padStart(7, "0")}${String(randomInt(0, 1e7)).padStart(7, "0")}`;
      const signer = await signingKey(db);
      const SignedInvoice = await sign(signer, { data: JSON.stringify({ ...json, Irn: irn, AckNo: ackNo, AckDt: ackDt }) });
      const SignedQRCode = await sign(signer, { data: JSON.stringify(qrData(json, irn, ackDt)) });
      try {
        await db.irpSandboxDocument.create({ data: { irn, ...key, ackNo, ackDate: at, payload: { SignedInvoice, SignedQRCode } satisfies StoredPayload } });
      } catch (e) {
        // Two submissions of one document at once: the loser gets the duplicate answer, as at the IRP.
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
          const first = await db.irpSandboxDocument.findUnique({ where: { sellerGstin_docYear_docType_docNo: key } });
          if (first) throw duplicate(first);
        }
        throw e;
      }
      return { Irn: irn, AckNo: ackNo, AckDt: ackDt, SignedInvoice, SignedQRCode, Status: "ACT", EwbNo: null, EwbDt: null, EwbValidTill: null };
    },

    async getByIrn(irn: string): Promise<IrpGenerated> {
      const row = await db.irpSandboxDocument.findUnique({ where: { irn } });
      if (!row) throw new IrpError("2283", `IRN ${irn} is not known to the IRP`);
      const p = row.payload as StoredPayload;
      return { Irn: row.irn, AckNo: row.ackNo, AckDt: irpDateTime(row.ackDate), SignedInvoice: p.SignedInvoice, SignedQRCode: p.SignedQRCode, Status: row.status === "CNL" ? "CNL" : "ACT" };
    },

    async cancelIrn({ Irn, CnlRsn, CnlRem }) {
      if (![1, 2, 3, 4].includes(CnlRsn)) throw new IrpError("2000", "Cancel reason must be 1, 2, 3 or 4");
      if (!CnlRem || CnlRem.length > 100) throw new IrpError("2000", "Cancel remark must be 1–100 characters");
      const row = await db.irpSandboxDocument.findUnique({ where: { irn: Irn } });
      if (!row) throw new IrpError("2283", `IRN ${Irn} is not known to the IRP`);
      if (row.status === "CNL") throw new IrpError(IRP_ALREADY_CANCELLED, `IRN ${Irn} is already cancelled`);
      const at = now();
      if (at.getTime() - row.ackDate.getTime() > CANCEL_WINDOW_MS) {
        throw new IrpError(IRP_CANCEL_WINDOW_PASSED, "The allowed cancellation time limit (24 hours from the acknowledgement) is crossed; the IRN cannot be cancelled");
      }
      // Conditional update: two cancellations at once cancel once.
      const n = await db.irpSandboxDocument.updateMany({ where: { irn: Irn, status: "ACT" }, data: { status: "CNL", cancelledAt: at, cancelReason: `${CnlRsn}: ${CnlRem}` } });
      if (n.count !== 1) throw new IrpError(IRP_ALREADY_CANCELLED, `IRN ${Irn} is already cancelled`);
      return { Irn, CancelDate: irpDateTime(at) };
    },
  };
}

/** The sandbox's public key (PEM), to verify its SignedInvoice and SignedQRCode. */
export async function sandboxPublicKeyPem(db: PrismaClient): Promise<string> {
  return (await keyRow(db)).publicPem;
}

/** What the QR code carries: the fields a GST officer checks offline (MainHsnCode: largest taxable item). */
export function qrData(json: IrpInvoice, irn: string, irnDt: string) {
  let main = json.ItemList[0];
  for (const it of json.ItemList) if (main && it.AssAmt > main.AssAmt) main = it;
  return {
    SellerGstin: json.SellerDtls.Gstin,
    BuyerGstin: json.BuyerDtls.Gstin,
    DocNo: json.DocDtls.No,
    DocTyp: json.DocDtls.Typ,
    DocDt: json.DocDtls.Dt,
    TotInvVal: json.ValDtls.TotInvVal,
    ItemCnt: json.ItemList.length,
    MainHsnCode: main?.HsnCd ?? "",
    Irn: irn,
    IrnDt: irnDt,
  };
}

function duplicate(row: { irn: string; ackNo: string; ackDate: Date }) {
  return new IrpError(IRP_DUPLICATE_IRN, "Duplicate IRN: this document already has an IRN", { existing: { Irn: row.irn, AckNo: row.ackNo, AckDt: irpDateTime(row.ackDate) } });
}

async function sign(key: CryptoKey, payload: { data: string }) {
  return new SignJWT({ ...payload }).setProtectedHeader({ alg: "RS256", typ: "JWT" }).setIssuer(SANDBOX_ISSUER).setIssuedAt().sign(key);
}

async function signingKey(db: PrismaClient): Promise<CryptoKey> {
  const row = await keyRow(db);
  return importPKCS8(row.privatePem, "RS256");
}

async function keyRow(db: PrismaClient) {
  const found = await db.irpSandboxKey.findUnique({ where: { id: 1 } });
  if (found) return found;
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  // Two first uses at once: one insert wins, both read the winner.
  await db.irpSandboxKey.createMany({ data: [{ id: 1, privatePem: pair.privateKey, publicPem: pair.publicKey }], skipDuplicates: true });
  return db.irpSandboxKey.findUniqueOrThrow({ where: { id: 1 } });
}
