import "server-only";
// Render once, serve many: the PDF of an issued document (invoice, note, delivery challan) is kept in
// the document storage with its SHA-256, in a row of its own table (InvoicePdf, ChallanPdf) that says
// which `revision` of the printed page the bytes are. While the document's revision matches, the
// stored bytes are served (checked against their hash on every read); when it no longer does (it was
// cancelled, or an IRN or e-way bill came), or the bytes are missing, it is rendered again once and
// the row moved to the new bytes. Who may read the document is decided by the caller, before this.
import type { PrismaClient } from "@/lib/db/client";
import { log } from "@/lib/log";
import { documentStorage } from "@/lib/storage/document-storage";
import { sha256Hex } from "@/lib/storage/sigv4";

/** Where one kind of document keeps its stored PDFs. Identifiers are these constants, never input. */
export const pdfTables = {
  invoice: { table: "InvoicePdf", idColumn: "invoiceId", prefix: "invoices" },
  challan: { table: "ChallanPdf", idColumn: "challanId", prefix: "challans" },
} as const;
export type PdfTable = (typeof pdfTables)[keyof typeof pdfTables];

export type StoredRow = { revision: string; storageKey: string; sha256: string } | null;
export type StoredPdf = { bytes: Buffer; filename: string; sha256: string; rendered: boolean };
export type StoredPdfAnswer = ({ notModified: false } & StoredPdf) | { notModified: true; sha256: string; filename: string };

/** A fingerprint of what may still change on the printed page (with the layout's version first). */
export function revisionOf(printed: unknown[]): string {
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

/**
 * The answer to a download: notModified without reading the storage when the caller's If-None-Match names
 * the stored bytes of this revision, else the current PDF from `serve` (storedPdf, or a caller's wrapper of it).
 */
export async function pdfAnswer(doc: { stored: StoredRow; revision: string; filename: string }, ifNoneMatch: string | null | undefined, serve: () => Promise<StoredPdf>): Promise<StoredPdfAnswer> {
  const stored = doc.stored;
  if (stored?.revision === doc.revision && ifNoneMatch && etagMatches(ifNoneMatch, stored.sha256)) return { notModified: true, sha256: stored.sha256, filename: doc.filename };
  return { notModified: false, ...(await serve()) };
}

/** The document's current PDF: the stored bytes when they are of this revision and intact, else rendered and stored. */
export async function storedPdf(
  db: PrismaClient,
  t: PdfTable,
  doc: { id: string; companyId: string; filename: string; stored: StoredRow; revision: string },
  render: () => Promise<Buffer>,
): Promise<StoredPdf> {
  const storage = documentStorage();
  if (doc.stored?.revision === doc.revision) {
    const bytes = await storage.get(doc.stored.storageKey);
    if (bytes && sha256Hex(bytes) === doc.stored.sha256) return { bytes, filename: doc.filename, sha256: doc.stored.sha256, rendered: false };
    log("warn", "stored PDF unreadable: rendering it again", { table: t.table, id: doc.id, key: doc.stored.storageKey, found: bytes ? "hash mismatch" : "missing" });
  }
  const bytes = await render();
  const sha256 = sha256Hex(bytes);
  const key = `${t.prefix}/${doc.companyId}/${doc.id}/${sha256}.pdf`;
  await storage.put(key, bytes, "application/pdf");
  const replacing = doc.stored?.storageKey ?? null;
  // Replace the row when its revision is another, or when it is the broken one this request found;
  // a concurrent render of the same revision that stored first wins, and ours is removed.
  const rows = await db.$queryRawUnsafe<{ storageKey: string }[]>(
    `INSERT INTO "${t.table}" ("${t.idColumn}", "companyId", revision, "storageKey", sha256, size)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ("${t.idColumn}") DO UPDATE SET revision = EXCLUDED.revision, "storageKey" = EXCLUDED."storageKey", sha256 = EXCLUDED.sha256, size = EXCLUDED.size, "renderedAt" = now()
     WHERE "${t.table}".revision <> EXCLUDED.revision OR "${t.table}"."storageKey" = $7
     RETURNING "storageKey"`,
    doc.id,
    doc.companyId,
    doc.revision,
    key,
    sha256,
    bytes.length,
    replacing ?? "",
  );
  if (rows.length === 0) {
    const [winner] = await db.$queryRawUnsafe<{ storageKey: string; sha256: string }[]>(`SELECT "storageKey", sha256 FROM "${t.table}" WHERE "${t.idColumn}" = $1`, doc.id);
    const theirs = winner && winner.storageKey !== key ? await storage.get(winner.storageKey) : null;
    if (winner && theirs && sha256Hex(theirs) === winner.sha256) {
      await removeQuietly(key);
      return { bytes: theirs, filename: doc.filename, sha256: winner.sha256, rendered: false };
    }
    return { bytes, filename: doc.filename, sha256, rendered: true };
  }
  if (replacing && replacing !== key) await removeQuietly(replacing);
  return { bytes, filename: doc.filename, sha256, rendered: true };
}

async function removeQuietly(key: string) {
  try {
    await documentStorage().delete(key);
  } catch (err) {
    // An orphaned object costs only space; the row never points at it.
    log("warn", "could not delete a replaced PDF", { key, err: err instanceof Error ? err.message : String(err) });
  }
}
