// How the API hands out a rendered PDF: application/pdf, shown in the browser (inline) unless the
// caller asks for a download (?download=1). Documents change (payments, e-invoice, cancellation), so
// caches must revalidate, and they are private to the signed-in caller.
export function pdfResponse(bytes: Buffer, filename: string, opts: { download?: boolean } = {}): Response {
  const disposition = `${opts.download ? "attachment" : "inline"}; filename="${filename.replace(/["\\\r\n]/g, "")}"`;
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": disposition, "content-length": String(bytes.length), "cache-control": "private, no-cache" },
  });
}

/** ?download=1 (or true/yes) asks for an attachment. */
export function wantsDownload(url: URL): boolean {
  return /^(1|true|yes)$/i.test(url.searchParams.get("download") ?? "");
}
