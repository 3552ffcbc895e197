-- Proof of delivery per stop, idempotent driver updates, and credit-note drafts from short or refused deliveries.
CREATE TYPE "PendingCreditNoteStatus" AS ENUM ('PENDING', 'ISSUED', 'DISMISSED');

CREATE TABLE "ProofOfDelivery" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "stopId" TEXT NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "receivedBy" TEXT,
    "signature" BYTEA,
    "signatureType" VARCHAR(20),
    "photo" BYTEA,
    "photoType" VARCHAR(20),
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "deliveredAt" TIMESTAMPTZ(3) NOT NULL,
    "lines" JSONB NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProofOfDelivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ProofOfDelivery_stopId_key" ON "ProofOfDelivery"("stopId");
CREATE INDEX "ProofOfDelivery_companyId_deliveredAt_idx" ON "ProofOfDelivery"("companyId", "deliveredAt");
ALTER TABLE "ProofOfDelivery" ADD CONSTRAINT "ProofOfDelivery_stopId_fkey" FOREIGN KEY ("stopId") REFERENCES "TripStop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DriverUpdate" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "clientUpdateId" VARCHAR(64) NOT NULL,
    "stopId" TEXT NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DriverUpdate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DriverUpdate_driverId_clientUpdateId_key" ON "DriverUpdate"("driverId", "clientUpdateId");
CREATE INDEX "DriverUpdate_companyId_stopId_idx" ON "DriverUpdate"("companyId", "stopId");
ALTER TABLE "DriverUpdate" ADD CONSTRAINT "DriverUpdate_stopId_fkey" FOREIGN KEY ("stopId") REFERENCES "TripStop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PendingCreditNote" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "stopId" TEXT,
    "lines" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "PendingCreditNoteStatus" NOT NULL DEFAULT 'PENDING',
    "issuedNoteId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingCreditNote_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PendingCreditNote_companyId_status_createdAt_idx" ON "PendingCreditNote"("companyId", "status", "createdAt");
CREATE INDEX "PendingCreditNote_invoiceId_idx" ON "PendingCreditNote"("invoiceId");
ALTER TABLE "PendingCreditNote" ADD CONSTRAINT "PendingCreditNote_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
