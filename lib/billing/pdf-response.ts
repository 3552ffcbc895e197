// How the API hands out a rendered PDF: application/pdf, shown in the browser (inline) unless the
// caller asks for a download (?download=1). Private to the signed-in caller. A stored document's PDF
// carries its SHA-256 as a strong ETag: its URL keeps answering the current PDF (cancellation and the
// IRN change it), so caches revalidate (no-cache) and get 304 for the bytes they hold; the same URL
// with ?v=<sha256> names exactly those bytes and may be cached for good (immutable).
import { pdfEtag, type StoredPdfAnswer } from "@/lib/storage/stored-pdf";

export function pdfResponse(bytes: Buffer, filename: string, opts: { download?: boolean; etag?: string; immutable?: boolean } = {}): Response {
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": disposition(filename, opts.download), "content-length": String(bytes.length), ...cacheHeaders(opts) },
  });
}

/** The answer for a stored document's PDF: 304 when the caller holds these bytes, else the bytes. */
export function storedPdfResponse(pdf: StoredPdfAnswer, url: URL): Response {
  const immutable = url.searchParams.get("v") === pdf.sha256;
  const etag = pdfEtag(pdf.sha256);
  if (pdf.notModified) return new Response(null, { status: 304, headers: cacheHeaders({ etag, immutable }) });
  return pdfResponse(pdf.bytes, pdf.filename, { download: wantsDownload(url), etag, immutable });
}

/** ?download=1 (or true/yes) asks for an attachment. */
export function wantsDownload(url: URL): boolean {
  return /^(1|true|yes)$/i.test(url.searchParams.get("download") ?? "");
}

function disposition(filename: string, download?: boolean) {
  return `${download ? "attachment" : "inline"}; filename="${filename.replace(/["\\\r\n]/g, "")}"`;
}

function cacheHeaders(opts: { etag?: string; immutable?: boolean }): Record<string, string> {
  if (!opts.etag) return { "cache-control": "private, no-cache" };
  return { etag: opts.etag, "cache-control": opts.immutable ? "private, max-age=31536000, immutable" : "private, no-cache" };
}
