import "server-only";
// Every PDF the app draws, by kind: what lib/pdf/render-pool.ts renders on its worker threads (or in
// the process, with PDF_RENDER_THREADS=0). A renderer takes plain data (the loaded document, Decimals,
// Dates, Buffers: lib/pdf/transfer.ts carries them across) and returns the bytes.
import { renderInvoicePdf } from "@/lib/billing/pdf/invoice-pdf";
import { renderStatementPdf } from "@/lib/billing/pdf/statement-pdf";
import { renderChallanPdf } from "@/lib/logistics/challans/challan-pdf";

export const renderers = {
  invoice: renderInvoicePdf,
  statement: renderStatementPdf,
  challan: renderChallanPdf,
};

export type PdfKind = keyof typeof renderers;
export type PdfArgs<K extends PdfKind> = Parameters<(typeof renderers)[K]>;
