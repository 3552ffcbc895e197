// The file name of a document's PDF: the number with its slashes as dashes, safe in a
// Content-Disposition header and on every file system ("INV/25-26/000123" → "INV-25-26-000123.pdf").

export function pdfFilename(number: string): string {
  const base = number.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${base || "document"}.pdf`;
}

/** "Statement-NSK-0042-2026-04-01-to-2026-11-30.pdf" */
export function statementFilename(who: string, from: string, to: string): string {
  const safe = who.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "retailer";
  return `Statement-${safe}-${from}-to-${to}.pdf`;
}
