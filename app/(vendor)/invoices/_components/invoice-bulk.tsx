"use client";
// The invoices list's selection and bulk bar: e-mail the selected documents, download their PDFs as
// one ZIP, or request IRNs. Which buttons show follows the role (from the page) and the selected
// documents' states; the server checks both again per document (lib/billing/bulk-invoices.ts).
import type { ReactNode } from "react";
import { BulkBar } from "@/components/bulk/bulk-bar";
import { BulkResults } from "@/components/bulk/bulk-results";
import { BulkSelection, useBulkSelection } from "@/components/bulk/bulk-selection";
import { bulkInvoicesAction } from "../bulk-actions";

type Row = {
  id: string;
  status: "ISSUED" | "CANCELLED";
  eInvoiceStatus: "NOT_REQUIRED" | "PENDING" | "GENERATED" | "FAILED" | "CANCELLED";
  /** The buyer had a GSTIN: only such supplies are e-invoiced. */
  registeredBuyer: boolean;
};

export function InvoiceBulk({ rows, canWrite, children }: { rows: Row[]; canWrite: boolean; children: ReactNode }) {
  return (
    <BulkSelection ids={rows.map((r) => r.id)}>
      <BulkResults className="mt-4" rowHref={(id) => `/invoices/${id}`} />
      {children}
      <InvoiceBulkBar rows={rows} canWrite={canWrite} />
    </BulkSelection>
  );
}

function InvoiceBulkBar({ rows, canWrite }: { rows: Row[]; canWrite: boolean }) {
  const { selected } = useBulkSelection();
  const chosen = rows.filter((r) => selected.includes(r.id));
  const issued = chosen.filter((r) => r.status === "ISSUED");
  return (
    <BulkBar
      noun={{ one: "document", many: "documents" }}
      actions={[
        ...(canWrite
          ? [
              {
                key: "email",
                label: "E-mail PDFs",
                eligible: issued.length,
                run: bulkInvoicesAction,
                confirm: {
                  title: (n: number) => `E-mail ${n === 1 ? "this document" : `these ${n} documents`} to the retailers?`,
                  description: "Each issued document's PDF goes to the e-mail address of its retailer, as with E-mail PDF on the document. Cancelled documents are skipped.",
                  action: "Send e-mails",
                },
              },
            ]
          : []),
        { key: "zip", label: "Download PDFs (ZIP)", eligible: chosen.length, href: (ids: string[]) => `/api/v1/invoices/pdfs?ids=${ids.join(",")}` },
        ...(canWrite
          ? [
              {
                key: "request_irn",
                label: "Request IRN",
                eligible: issued.filter((r) => r.registeredBuyer && (r.eInvoiceStatus === "NOT_REQUIRED" || r.eInvoiceStatus === "FAILED")).length,
                run: bulkInvoicesAction,
                confirm: {
                  title: (n: number) => `Report ${n === 1 ? "this document" : `these ${n} documents`} to the IRP?`,
                  description: "Each document without an IRN is queued for the Invoice Registration Portal. An IRN is permanent: it can only be cancelled within 24 hours. Documents that already have one or are waiting for one, and those to unregistered buyers, are skipped.",
                  action: "Request IRNs",
                },
              },
            ]
          : []),
      ]}
    />
  );
}
