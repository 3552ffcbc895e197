-- The stored PDF of each issued invoice, credit note and debit note: rendered once (by a job at issue, or
-- on the first download) and kept in the document storage (lib/storage: local disk or S3-compatible),
-- with its SHA-256 for the ETag and an integrity check on every read. `revision` fingerprints the
-- fields that can still change on the printed page after issue (cancellation, IRN and ack, e-way
-- bill): when it no longer matches the document, the PDF is rendered again once (e.g. with the
-- CANCELLED mark) and this row points at the new bytes.
CREATE TABLE "InvoicePdf" (
    "invoiceId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "revision" VARCHAR(32) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "renderedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InvoicePdf_pkey" PRIMARY KEY ("invoiceId")
);
CREATE INDEX "InvoicePdf_companyId_idx" ON "InvoicePdf"("companyId");
ALTER TABLE "InvoicePdf" ADD CONSTRAINT "InvoicePdf_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
