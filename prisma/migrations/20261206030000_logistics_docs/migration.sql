-- Logistics documents: delivery challans (CGST Rule 55) with their own series and lines; e-way bills of invoices and
-- challans with their Part B history and the queued calls to the e-way bill system; a company's e-way bill settings
-- (mode, NIC credentials encrypted, thresholds); and the local e-way bill sandbox's own records.

CREATE TYPE "ChallanReason" AS ENUM ('STOCK_TRANSFER', 'APPROVAL', 'JOB_WORK', 'EXHIBITION', 'OTHER');
CREATE TYPE "ChallanStatus" AS ENUM ('ISSUED', 'CANCELLED');
CREATE TYPE "EwayBillStatus" AS ENUM ('PENDING', 'GENERATED', 'CANCELLED', 'EXPIRED', 'FAILED');

CREATE TABLE "DeliveryChallan" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "financialYear" CHAR(5) NOT NULL,
    "reason" "ChallanReason" NOT NULL,
    "reasonNote" TEXT,
    "status" "ChallanStatus" NOT NULL DEFAULT 'ISSUED',
    "challanDate" DATE NOT NULL,
    "fromWarehouseId" TEXT NOT NULL,
    "toWarehouseId" TEXT,
    "stockTransferId" TEXT,
    "shipmentId" TEXT,
    "connectionId" TEXT,
    "consignor" JSONB NOT NULL,
    "consignee" JSONB NOT NULL,
    "taxType" VARCHAR(5) NOT NULL,
    "taxableTotal" DECIMAL(14,2) NOT NULL,
    "cgstTotal" DECIMAL(14,2) NOT NULL,
    "sgstTotal" DECIMAL(14,2) NOT NULL,
    "igstTotal" DECIMAL(14,2) NOT NULL,
    "cessTotal" DECIMAL(14,2) NOT NULL,
    "totalValue" DECIMAL(14,2) NOT NULL,
    "notes" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "DeliveryChallan_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DeliveryChallan_totals_check" CHECK ("taxableTotal" >= 0 AND "totalValue" >= "taxableTotal"),
    CONSTRAINT "DeliveryChallan_cancel_check" CHECK (("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL))
);
CREATE UNIQUE INDEX "DeliveryChallan_companyId_number_key" ON "DeliveryChallan"("companyId", "number");
CREATE INDEX "DeliveryChallan_companyId_challanDate_id_idx" ON "DeliveryChallan"("companyId", "challanDate" DESC, "id");
CREATE INDEX "DeliveryChallan_companyId_status_idx" ON "DeliveryChallan"("companyId", "status");
CREATE INDEX "DeliveryChallan_shipmentId_idx" ON "DeliveryChallan"("shipmentId");
CREATE INDEX "DeliveryChallan_stockTransferId_idx" ON "DeliveryChallan"("stockTransferId");
ALTER TABLE "DeliveryChallan" ADD CONSTRAINT "DeliveryChallan_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DeliveryChallan" ADD CONSTRAINT "DeliveryChallan_fromWarehouseId_fkey" FOREIGN KEY ("fromWarehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DeliveryChallan" ADD CONSTRAINT "DeliveryChallan_toWarehouseId_fkey" FOREIGN KEY ("toWarehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DeliveryChallan" ADD CONSTRAINT "DeliveryChallan_stockTransferId_fkey" FOREIGN KEY ("stockTransferId") REFERENCES "StockTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DeliveryChallan" ADD CONSTRAINT "DeliveryChallan_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "DeliveryChallanLine" (
    "id" TEXT NOT NULL,
    "challanId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" TEXT,
    "description" TEXT NOT NULL,
    "sku" TEXT,
    "hsnCode" VARCHAR(8) NOT NULL,
    "quantity" DECIMAL(14,3) NOT NULL,
    "unit" VARCHAR(8) NOT NULL,
    "rate" DECIMAL(14,2) NOT NULL,
    "taxableValue" DECIMAL(14,2) NOT NULL,
    "gstRate" DECIMAL(5,2) NOT NULL,
    "cessRate" DECIMAL(5,2) NOT NULL DEFAULT 0,
    CONSTRAINT "DeliveryChallanLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DeliveryChallanLine_values_check" CHECK ("quantity" > 0 AND "rate" >= 0 AND "taxableValue" >= 0)
);
CREATE UNIQUE INDEX "DeliveryChallanLine_challanId_position_key" ON "DeliveryChallanLine"("challanId", "position");
ALTER TABLE "DeliveryChallanLine" ADD CONSTRAINT "DeliveryChallanLine_challanId_fkey" FOREIGN KEY ("challanId") REFERENCES "DeliveryChallan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "EwayBill" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "challanId" TEXT,
    "shipmentId" TEXT,
    "docType" VARCHAR(3) NOT NULL,
    "docNo" VARCHAR(16) NOT NULL,
    "docDate" DATE NOT NULL,
    "status" "EwayBillStatus" NOT NULL DEFAULT 'PENDING',
    "ewbNo" VARCHAR(12),
    "ewbDate" TIMESTAMPTZ(3),
    "validUntil" TIMESTAMPTZ(3),
    "distanceKm" INTEGER NOT NULL,
    "odc" BOOLEAN NOT NULL DEFAULT false,
    "transMode" INTEGER,
    "vehicleNo" VARCHAR(15),
    "transporterId" VARCHAR(15),
    "transporterName" TEXT,
    "transDocNo" VARCHAR(15),
    "transDocDate" DATE,
    "fromPlace" TEXT NOT NULL,
    "fromStateCode" CHAR(2) NOT NULL,
    "fromPincode" CHAR(6) NOT NULL,
    "totalValue" DECIMAL(14,2) NOT NULL,
    "payload" JSONB NOT NULL,
    "provider" VARCHAR(8) NOT NULL,
    "extendedTimes" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "EwayBill_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EwayBill_document_check" CHECK (("invoiceId" IS NULL) <> ("challanId" IS NULL)),
    CONSTRAINT "EwayBill_number_check" CHECK ("ewbNo" IS NULL OR "ewbNo" ~ '^[0-9]{12}$'),
    CONSTRAINT "EwayBill_distance_check" CHECK ("distanceKm" BETWEEN 0 AND 4000)
);
CREATE UNIQUE INDEX "EwayBill_companyId_ewbNo_key" ON "EwayBill"("companyId", "ewbNo");
CREATE INDEX "EwayBill_companyId_status_validUntil_idx" ON "EwayBill"("companyId", "status", "validUntil");
CREATE INDEX "EwayBill_companyId_createdAt_id_idx" ON "EwayBill"("companyId", "createdAt" DESC, "id");
CREATE INDEX "EwayBill_invoiceId_idx" ON "EwayBill"("invoiceId");
CREATE INDEX "EwayBill_challanId_idx" ON "EwayBill"("challanId");
CREATE INDEX "EwayBill_shipmentId_idx" ON "EwayBill"("shipmentId");
ALTER TABLE "EwayBill" ADD CONSTRAINT "EwayBill_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EwayBill" ADD CONSTRAINT "EwayBill_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EwayBill" ADD CONSTRAINT "EwayBill_challanId_fkey" FOREIGN KEY ("challanId") REFERENCES "DeliveryChallan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EwayBill" ADD CONSTRAINT "EwayBill_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "EwayBillVehicle" (
    "id" TEXT NOT NULL,
    "ewayBillId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "vehicleNo" VARCHAR(15),
    "transMode" INTEGER NOT NULL,
    "transDocNo" VARCHAR(15),
    "transDocDate" DATE,
    "fromPlace" TEXT NOT NULL,
    "fromStateCode" CHAR(2) NOT NULL,
    "reasonCode" INTEGER,
    "reasonRem" TEXT,
    "validUntil" TIMESTAMPTZ(3),
    "enteredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" TEXT,
    CONSTRAINT "EwayBillVehicle_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "EwayBillVehicle_ewayBillId_enteredAt_idx" ON "EwayBillVehicle"("ewayBillId", "enteredAt");
ALTER TABLE "EwayBillVehicle" ADD CONSTRAINT "EwayBillVehicle_ewayBillId_fkey" FOREIGN KEY ("ewayBillId") REFERENCES "EwayBill"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Part B history is append-only.
CREATE FUNCTION "EwayBillVehicle_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'EwayBillVehicle rows are append-only';
END $$;
CREATE TRIGGER "EwayBillVehicle_no_update" BEFORE UPDATE ON "EwayBillVehicle" FOR EACH ROW EXECUTE FUNCTION "EwayBillVehicle_append_only"();

CREATE TABLE "EwayBillOperation" (
    "id" TEXT NOT NULL,
    "ewayBillId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "action" VARCHAR(12) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" VARCHAR(8) NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMPTZ(3),
    CONSTRAINT "EwayBillOperation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EwayBillOperation_action_check" CHECK ("action" IN ('GENERATE', 'VEHICLE', 'TRANSPORTER', 'EXTEND', 'CANCEL')),
    CONSTRAINT "EwayBillOperation_status_check" CHECK ("status" IN ('PENDING', 'DONE', 'FAILED'))
);
CREATE INDEX "EwayBillOperation_ewayBillId_createdAt_idx" ON "EwayBillOperation"("ewayBillId", "createdAt");
CREATE INDEX "EwayBillOperation_companyId_status_idx" ON "EwayBillOperation"("companyId", "status");
ALTER TABLE "EwayBillOperation" ADD CONSTRAINT "EwayBillOperation_ewayBillId_fkey" FOREIGN KEY ("ewayBillId") REFERENCES "EwayBill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "EwayBillSettings" (
    "companyId" TEXT NOT NULL,
    "mode" VARCHAR(8) NOT NULL DEFAULT 'SANDBOX',
    "baseUrl" TEXT,
    "username" TEXT,
    "clientId" TEXT,
    "passwordEnc" TEXT,
    "clientSecretEnc" TEXT,
    "publicKeyPem" TEXT,
    "threshold" DECIMAL(14,2) NOT NULL DEFAULT 50000,
    "stateThresholds" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "EwayBillSettings_pkey" PRIMARY KEY ("companyId"),
    CONSTRAINT "EwayBillSettings_mode_check" CHECK ("mode" IN ('SANDBOX', 'NIC')),
    CONSTRAINT "EwayBillSettings_threshold_check" CHECK ("threshold" >= 0)
);
ALTER TABLE "EwayBillSettings" ADD CONSTRAINT "EwayBillSettings_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "EwbSandboxBill" (
    "ewbNo" VARCHAR(12) NOT NULL,
    "userGstin" VARCHAR(15) NOT NULL,
    "docType" VARCHAR(3) NOT NULL,
    "docNo" VARCHAR(16) NOT NULL,
    "docDate" CHAR(10) NOT NULL,
    "status" VARCHAR(3) NOT NULL DEFAULT 'ACT',
    "generatedAt" TIMESTAMPTZ(3) NOT NULL,
    "validUpto" TIMESTAMPTZ(3),
    "distanceKm" INTEGER NOT NULL,
    "vehicleType" CHAR(1) NOT NULL DEFAULT 'R',
    "transporterId" VARCHAR(15),
    "extendedTimes" INTEGER NOT NULL DEFAULT 0,
    "payload" JSONB NOT NULL,
    "vehicles" JSONB NOT NULL DEFAULT '[]',
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    CONSTRAINT "EwbSandboxBill_pkey" PRIMARY KEY ("ewbNo")
);
CREATE INDEX "EwbSandboxBill_userGstin_docType_docNo_idx" ON "EwbSandboxBill"("userGstin", "docType", "docNo");
