// pdfkit ships no types; the app makes one PDFDocument per render (lib/billing/pdf/render-document.tsx).
declare module "pdfkit" {
  const PDFDocument: new (options: Record<string, unknown>) => NodeJS.ReadableStream;
  export default PDFDocument;
}
