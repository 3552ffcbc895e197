-- The stored PDF of each delivery challan, as InvoicePdf is for invoices (lib/storage/stored-pdf.ts): rendered
-- on the first download and kept in the document storage with its SHA-256; `revision` fingerprints what can
-- still change on the printed page (cancellation, the e-way bill), so a cancelled challan is rendered again once.
CREATE TABLE "ChallanPdf" (
    "challanId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "revision" VARCHAR(32) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "renderedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChallanPdf_pkey" PRIMARY KEY ("challanId")
);
CREATE INDEX "ChallanPdf_companyId_idx" ON "ChallanPdf"("companyId");
ALTER TABLE "ChallanPdf" ADD CONSTRAINT "ChallanPdf_challanId_fkey" FOREIGN KEY ("challanId") REFERENCES "DeliveryChallan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
