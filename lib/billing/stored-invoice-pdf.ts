import "server-only";
// The PDF of an issued invoice or note, rendered once and then served from the document storage
// (lib/storage). A document is immutable once issued except for what happens to it afterwards and is
// printed on the page: its cancellation, the IRN/ack/QR the IRP returns, an e-way bill. Those fields
// make the `revision`; while it matches the stored row the stored bytes are served (checked against
// their SHA-256 on every read), and when it no longer does (cancelled, e-invoiced) the PDF is
// rendered again once and the row moved to the new bytes. The logo, terms and signatory printed are
// the company's settings when the PDF was first rendered, as a paper copy would be.
//
// Who may read a document is decided before anything is read from storage (staff with billing.read:
// their company's; a retailer: its own; anyone else: not_found).
import type { Actor } from "@/lib/auth/actor";
import { renderDocumentPdf } from "@/lib/billing/get-invoice-pdf";
import { invoiceScope, loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { documentStorage } from "@/lib/storage/document-storage";
import { sha256Hex } from "@/lib/storage/sigv4";

/** Bumped when the PDF layout changes, so documents stored by an older layout are rendered again. */
const LAYOUT = "1";

/** The columns the stored-PDF check reads: the printed fields that may change after issue. */
export const pdfHeadSelect = {
  id: true,
  companyId: true,
  number: true,
  status: true,
  cancelReason: true,
  irn: true,
  ackNo: true,
  ackDate: true,
  signedQrCode: true,
  irnCancelledAt: true,
  ewayBillNo: true,
  ewayBillDate: true,
  pdf: { select: { revision: true, storageKey: true, sha256: true } },
} as const;

export type PdfHead = {
  id: string;
  companyId: string;
  number: string;
  status: string;
  cancelReason: string | null;
  irn: string | null;
  ackNo: string | null;
  ackDate: Date | null;
  signedQrCode: string | null;
  irnCancelledAt: Date | null;
  ewayBillNo: string | null;
  ewayBillDate: Date | null;
  pdf: { revision: string; storageKey: string; sha256: string } | null;
};

export type StoredPdf = { bytes: Buffer; filename: string; sha256: string; rendered: boolean };
export type StoredPdfAnswer = ({ notModified: false } & StoredPdf) | { notModified: true; sha256: string; filename: string };

/**
 * The document's PDF for the actor. With `ifNoneMatch` (the request's If-None-Match) naming the stored
 * bytes' ETag, answers notModified without reading the storage.
 */
export async function getStoredInvoicePdf(ctx: Ctx, invoiceId: string, opts: { ifNoneMatch?: string | null } = {}): Promise<StoredPdfAnswer> {
  if (typeof invoiceId !== "string" || !invoiceId || invoiceId.length > 64) throw notFound("Invoice");
  const head = await ctx.db.invoice.findFirst({ where: { id: invoiceId, ...invoiceScope(ctx.actor) }, select: pdfHeadSelect });
  if (!head) throw notFound("Invoice");
  const rev = pdfRevision(head);
  if (head.pdf?.revision === rev && opts.ifNoneMatch && etagMatches(opts.ifNoneMatch, head.pdf.sha256)) {
    return { notModified: true, sha256: head.pdf.sha256, filename: pdfFilename(head.number) };
  }
  return { notModified: false, ...(await pdfOf(ctx.db, ctx.actor, head)) };
}

/** The stored PDF of a document already found in scope (the ZIP download, the mail attachment, the job). */
export async function pdfOf(db: PrismaClient, actor: Actor, head: PdfHead): Promise<StoredPdf> {
  const rev = pdfRevision(head);
  const storage = documentStorage();
  if (head.pdf?.revision === rev) {
    const bytes = await storage.get(head.pdf.storageKey);
    if (bytes && sha256Hex(bytes) === head.pdf.sha256) return { bytes, filename: pdfFilename(head.number), sha256: head.pdf.sha256, rendered: false };
    log("warn", "stored invoice PDF unreadable: rendering it again", { invoiceId: head.id, key: head.pdf.storageKey, found: bytes ? "hash mismatch" : "missing" });
  }
  return renderAndStore(db, actor, head, rev);
}

/** Renders and stores the PDF of a company's document unless the stored one is current (the job at issue and cancellation). */
export async function ensureInvoicePdf(db: PrismaClient, companyId: string, invoiceId: string): Promise<StoredPdf | null> {
  const head = await db.invoice.findFirst({ where: { id: invoiceId, companyId }, select: pdfHeadSelect });
  if (!head) return null;
  return pdfOf(db, systemActor(companyId), head);
}

export function systemActor(companyId: string): Actor {
  return { kind: "system", userId: null, name: "Invoice PDF", companyId };
}

/** A fingerprint of what may still change on the printed page. */
export function pdfRevision(h: Omit<PdfHead, "pdf" | "id" | "companyId">): string {
  const printed = [LAYOUT, h.number, h.status, h.cancelReason, h.irn, h.ackNo, h.ackDate?.toISOString() ?? null, h.signedQrCode, h.irnCancelledAt?.toISOString() ?? null, h.ewayBillNo, h.ewayBillDate?.toISOString() ?? null];
  return sha256Hex(JSON.stringify(printed)).slice(0, 32);
}

/** The strong ETag of stored bytes. */
export function pdfEtag(sha256: string): string {
  return `"${sha256}"`;
}

function etagMatches(header: string, sha256: string): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === pdfEtag(sha256));
}

async function renderAndStore(db: PrismaClient, actor: Actor, head: PdfHead, rev: string): Promise<StoredPdf> {
  const doc = await loadInvoiceDocument(db, actor, head.id);
  const bytes = await renderDocumentPdf(db, doc);
  const sha256 = sha256Hex(bytes);
  const key = `invoices/${head.companyId}/${head.id}/${sha256}.pdf`;
  const storage = documentStorage();
  await storage.put(key, bytes, "application/pdf");
  const replacing = head.pdf?.storageKey ?? null;
  // Replace the row when its revision is another, or when it is the broken one this request found;
  // a concurrent render of the same revision that stored first wins, and ours is removed.
  const rows = await db.$queryRaw<{ storageKey: string }[]>`
    INSERT INTO "InvoicePdf" ("invoiceId", "companyId", revision, "storageKey", sha256, size)
    VALUES (${head.id}, ${head.companyId}, ${rev}, ${key}, ${sha256}, ${bytes.length})
    ON CONFLICT ("invoiceId") DO UPDATE SET revision = EXCLUDED.revision, "storageKey" = EXCLUDED."storageKey", sha256 = EXCLUDED.sha256, size = EXCLUDED.size, "renderedAt" = now()
    WHERE "InvoicePdf".revision <> EXCLUDED.revision OR "InvoicePdf"."storageKey" = ${replacing ?? ""}
    RETURNING "storageKey"`;
  const filename = pdfFilename(doc.number);
  if (rows.length === 0) {
    const winner = await db.invoicePdf.findUnique({ where: { invoiceId: head.id }, select: { storageKey: true, sha256: true } });
    const theirs = winner && winner.storageKey !== key ? await storage.get(winner.storageKey) : null;
    if (winner && theirs && sha256Hex(theirs) === winner.sha256) {
      await removeQuietly(key);
      return { bytes: theirs, filename, sha256: winner.sha256, rendered: false };
    }
    return { bytes, filename, sha256, rendered: true };
  }
  if (replacing && replacing !== key) await removeQuietly(replacing);
  return { bytes, filename, sha256, rendered: true };
}

async function removeQuietly(key: string) {
  try {
    await documentStorage().delete(key);
  } catch (err) {
    // An orphaned object costs only space; the row never points at it.
    log("warn", "could not delete a replaced invoice PDF", { key, err: err instanceof Error ? err.message : String(err) });
  }
}
