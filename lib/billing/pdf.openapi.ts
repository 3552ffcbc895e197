// OpenAPI operations for the billing PDFs (invoice/note, statement of account) and e-mailing a document.
import { z } from "zod";
import { MAX_ZIP_DOCUMENTS, MAX_ZIP_IDS } from "@/lib/billing/zip-limits";
import { listInvoicesInput } from "@/lib/billing/billing.schemas";
import { attachmentHeader, mediaTypes, type Operation } from "@/lib/http/openapi-operation";

const download = z.object({ download: z.enum(["1"]).optional().describe("1 = Content-Disposition: attachment (default inline)") });
const ledgerRange = download.extend({
  from: z.string().optional().describe("First day, YYYY-MM-DD (default: start of the financial year of `to`)"),
  to: z.string().optional().describe("Last day, YYYY-MM-DD (default: today, IST)"),
});
const pdf = "application/pdf with Content-Disposition inline (or attachment with ?download=1) and the file name, e.g. INV-25-26-000123.pdf";

export const storedPdfHeaders = {
  ...attachmentHeader,
  ETag: { description: "The SHA-256 of the stored PDF, quoted; send it back in If-None-Match for a 304" },
  "Cache-Control": { description: "private, no-cache (the document's URL answers its current PDF: a cancellation or an IRN changes it); private, max-age=31536000, immutable with ?v=<sha256> of the bytes" },
};
/** The query and the 304 of a stored document's PDF (invoices, notes, delivery challans). */
export const storedPdfQuery = download.extend({ v: z.string().optional().describe("The SHA-256 of the bytes (the ETag without quotes): the answer may be cached as immutable") });
export const notModifiedResponse = { status: 304, description: "Not modified: If-None-Match names the current PDF's ETag", headers: { ETag: storedPdfHeaders.ETag } };
const zipQuery = listInvoicesInput.omit({ offset: true, pageSize: true }).extend({
  ids: z.string().optional().describe(`Comma-separated invoice ids (at most ${MAX_ZIP_IDS}): only these documents (with the other filters, if any). Ids of another tenant are left out; 404 when none is left`),
});

export const pdfOperations: Operation[] = [
  {
    method: "get",
    path: "/invoices/{id}/pdf",
    tag: "Billing",
    summary: "An invoice, credit note or debit note as a PDF",
    description:
      "Staff with billing.read get their company's documents; a retailer user gets its own business's. Another tenant's document is 404. The PDF is rendered once (at issue, again once on cancellation or e-invoicing) and served from storage with a strong ETag.",
    auth: true,
    query: storedPdfQuery,
    response: { status: 200, description: pdf, files: [mediaTypes.pdf], headers: storedPdfHeaders },
    otherResponses: [notModifiedResponse],
  },
  {
    method: "get",
    path: "/invoices/pdfs",
    tag: "Billing",
    summary: "The PDFs of the invoices list (its filters, or the rows picked) as one ZIP",
    description: `Same filters and sort as GET /invoices (staff: billing.read, the company's documents; retailer: its own), or ids=<id>,<id>,… for picked rows. One PDF per document, named by its number (INV-25-26-000123.pdf). Streamed as it is built; at most ${MAX_ZIP_DOCUMENTS} documents (400 naming \`from\` beyond: narrow the dates). Bad ids are 400 naming \`ids\`.`,
    auth: true,
    query: zipQuery,
    response: { status: 200, description: "application/zip with Content-Disposition: attachment; filename=\"invoices-2026-11-01-to-2026-11-30.zip\"", files: [mediaTypes.zip], headers: { "Content-Disposition": { description: 'attachment; filename="invoices-<from>-to-<to>.zip"' }, "X-Document-Count": { description: "How many PDFs the ZIP holds" } } },
  },
  {
    method: "post",
    path: "/invoices/{id}/email",
    tag: "Billing",
    summary: "E-mail the document (PDF attached) to the retailer again",
    description: "billing.write. Queues a new mail to the buyer e-mail frozen on the document; 409 when it has none.",
    auth: true,
    response: { status: 202, description: "{ emailId, to }", schema: { type: "object", properties: { emailId: { type: "string" }, to: { type: "string" } } } },
  },
  {
    method: "get",
    path: "/retailers/{id}/ledger/pdf",
    tag: "Billing",
    summary: "A connected retailer's statement of account as a PDF ({id} is the connection id)",
    auth: true,
    query: ledgerRange,
    response: { status: 200, description: `${pdf.replace(/INV-25-26-000123/, "Statement-NSK-0042-2026-04-01-to-2026-11-30")}`, files: [mediaTypes.pdf], headers: attachmentHeader },
  },
  {
    method: "get",
    path: "/me/vendors/{code}/ledger/pdf",
    tag: "Retailer portal",
    summary: "My statement of account with a vendor as a PDF",
    auth: true,
    query: ledgerRange,
    response: { status: 200, description: `${pdf.replace(/INV-25-26-000123/, "Statement-SGF-2026-04-01-to-2026-11-30")}`, files: [mediaTypes.pdf], headers: attachmentHeader },
  },
];
