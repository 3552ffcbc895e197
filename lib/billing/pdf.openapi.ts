// OpenAPI operations for the billing PDFs (invoice/note, statement of account) and e-mailing a document.
import { z } from "zod";
import { attachmentHeader, mediaTypes, type Operation } from "@/lib/http/openapi-operation";

const download = z.object({ download: z.enum(["1"]).optional().describe("1 = Content-Disposition: attachment (default inline)") });
const ledgerRange = download.extend({
  from: z.string().optional().describe("First day, YYYY-MM-DD (default: start of the financial year of `to`)"),
  to: z.string().optional().describe("Last day, YYYY-MM-DD (default: today, IST)"),
});
const pdf = "application/pdf with Content-Disposition inline (or attachment with ?download=1) and the file name, e.g. INV-25-26-000123.pdf";

export const pdfOperations: Operation[] = [
  {
    method: "get",
    path: "/invoices/{id}/pdf",
    tag: "Billing",
    summary: "An invoice, credit note or debit note as a PDF",
    description: "Staff with billing.read get their company's documents; a retailer user gets its own business's. Another tenant's document is 404.",
    auth: true,
    query: download,
    response: { status: 200, description: pdf, files: [mediaTypes.pdf], headers: attachmentHeader },
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
