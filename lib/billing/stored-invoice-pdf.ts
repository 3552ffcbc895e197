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
// their company's; a retailer: its own; anyone else: not_found). The storing is lib/storage/stored-pdf.ts.
import type { Actor } from "@/lib/auth/actor";
import { renderDocumentPdf } from "@/lib/billing/get-invoice-pdf";
import { invoiceScope, loadInvoiceDocument, type InvoiceScope } from "@/lib/billing/invoice-access";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { runnerFor } from "@/lib/db/sql-runner";
import { notFound } from "@/lib/errors";
import { pdfAnswer, pdfTables, revisionOf, storedPdf, type StoredPdf, type StoredPdfAnswer } from "@/lib/storage/stored-pdf";

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

/** pdfHeadSelect in SQL (findPdfHead): $1 invoice id, in $2 company's or $3 retailer's scope. */
const pdfHeadSql = `
SELECT i.id, i."companyId", i.number, i.status::text AS status, i."cancelReason", i.irn, i."ackNo", i."ackDate", i."signedQrCode", i."irnCancelledAt",
       i."ewayBillNo", i."ewayBillDate",
       (SELECT json_build_object('revision', p.revision, 'storageKey', p."storageKey", 'sha256', p.sha256) FROM "InvoicePdf" p WHERE p."invoiceId" = i.id) AS pdf
FROM "Invoice" i
WHERE i.id = $1 AND (i."companyId" = $2::text OR i."retailerId" = $3::text)`;

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

export type { StoredPdf, StoredPdfAnswer } from "@/lib/storage/stored-pdf";

/**
 * The document's PDF for the actor. With `ifNoneMatch` (the request's If-None-Match) naming the stored
 * bytes' ETag, answers notModified without reading the storage.
 */
export async function getStoredInvoicePdf(ctx: Ctx, invoiceId: string, opts: { ifNoneMatch?: string | null } = {}): Promise<StoredPdfAnswer> {
  if (typeof invoiceId !== "string" || !invoiceId || invoiceId.length > 64) throw notFound("Invoice");
  const head = await findPdfHead(ctx.db, invoiceId, invoiceScope(ctx.actor));
  if (!head) throw notFound("Invoice");
  return pdfAnswer({ stored: head.pdf, revision: pdfRevision(head), filename: pdfFilename(head.number) }, opts.ifNoneMatch, () => pdfOf(ctx.db, ctx.actor, head));
}

/** The stored PDF of a document already found in scope (the ZIP download, the mail attachment, the job). */
export async function pdfOf(db: PrismaClient, actor: Actor, head: PdfHead): Promise<StoredPdf> {
  return storedPdf(db, pdfTables.invoice, { id: head.id, companyId: head.companyId, filename: pdfFilename(head.number), stored: head.pdf, revision: pdfRevision(head) }, async () =>
    renderDocumentPdf(db, await loadInvoiceDocument(db, actor, head.id)),
  );
}

/** Renders and stores the PDF of a company's document unless the stored one is current (the job at issue and cancellation). */
export async function ensureInvoicePdf(db: PrismaClient, companyId: string, invoiceId: string): Promise<StoredPdf | null> {
  const head = await findPdfHead(db, invoiceId, { companyId });
  if (!head) return null;
  return pdfOf(db, systemActor(companyId), head);
}

/**
 * One document's head and stored row, in a company's or a retailer's scope: one named statement (a stored
 * PDF's download is otherwise a file read). The download, the job and the mail attachment read it here.
 */
export async function findPdfHead(db: PrismaClient, invoiceId: string, scope: InvoiceScope): Promise<PdfHead | null> {
  const [head] = await runnerFor(db).query<PdfHead>(pdfHeadSql, [invoiceId, "companyId" in scope ? scope.companyId : null, "retailerId" in scope ? scope.retailerId : null]);
  return head ?? null;
}

export function systemActor(companyId: string): Actor {
  return { kind: "system", userId: null, name: "Invoice PDF", companyId };
}

/** A fingerprint of what may still change on the printed page. */
export function pdfRevision(h: Omit<PdfHead, "pdf" | "id" | "companyId">): string {
  return revisionOf([LAYOUT, h.number, h.status, h.cancelReason, h.irn, h.ackNo, h.ackDate?.toISOString() ?? null, h.signedQrCode, h.irnCancelledAt?.toISOString() ?? null, h.ewayBillNo, h.ewayBillDate?.toISOString() ?? null]);
}
