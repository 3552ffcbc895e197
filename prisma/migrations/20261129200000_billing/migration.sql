-- Billing: GST tax invoices, credit and debit notes, payments and their allocation, dated GST rates,
-- per-company billing settings (series, e-invoicing). Invoice, InvoiceLine, Payment and Allocation
-- lead their indexes with companyId like every tenant table.
CREATE TYPE "InvoiceType" AS ENUM ('INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE');
CREATE TYPE "InvoiceStatus" AS ENUM ('ISSUED', 'CANCELLED');
CREATE TYPE "EInvoiceStatus" AS ENUM ('NOT_REQUIRED', 'PENDING', 'GENERATED', 'FAILED', 'CANCELLED');
CREATE TYPE "PaymentKind" AS ENUM ('RECEIPT', 'REFUND');
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'CHEQUE', 'BANK_TRANSFER', 'UPI', 'CARD', 'GATEWAY');
CREATE TYPE "PaymentStatus" AS ENUM ('RECORDED', 'VOIDED');

ALTER TABLE "EmailMessage" ADD COLUMN "attachments" JSONB;
ALTER TABLE "Order" ADD COLUMN "invoicedTotal" DECIMAL(14,2) NOT NULL DEFAULT 0;
ALTER TABLE "OrderLine" ADD COLUMN "invoicedQty" DECIMAL(14,3) NOT NULL DEFAULT 0;

CREATE TABLE "BillingSettings" (
    "companyId" TEXT NOT NULL,
    "invoiceSeries" VARCHAR(4) NOT NULL DEFAULT 'INV',
    "creditNoteSeries" VARCHAR(4) NOT NULL DEFAULT 'CN',
    "debitNoteSeries" VARCHAR(4) NOT NULL DEFAULT 'DN',
    "receiptSeries" VARCHAR(4) NOT NULL DEFAULT 'RCT',
    "eInvoiceEnabled" BOOLEAN NOT NULL DEFAULT false,
    "irpMode" VARCHAR(8) NOT NULL DEFAULT 'SANDBOX',
    "irpBaseUrl" TEXT,
    "irpUsername" TEXT,
    "irpClientId" TEXT,
    "irpPasswordEnc" TEXT,
    "irpClientSecretEnc" TEXT,
    "irpPublicKeyPem" TEXT,
    "ewayBillThreshold" DECIMAL(14,2) NOT NULL DEFAULT 50000,
    "emailOnIssue" BOOLEAN NOT NULL DEFAULT true,
    "invoiceTerms" TEXT,
    "signatoryName" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "BillingSettings_pkey" PRIMARY KEY ("companyId"),
    CONSTRAINT "BillingSettings_series_check" CHECK ("invoiceSeries" ~ '^[A-Z1-9][A-Z0-9]{0,3}$' AND "creditNoteSeries" ~ '^[A-Z1-9][A-Z0-9]{0,3}$' AND "debitNoteSeries" ~ '^[A-Z1-9][A-Z0-9]{0,3}$' AND "receiptSeries" ~ '^[A-Z1-9][A-Z0-9]{0,3}$'),
    CONSTRAINT "BillingSettings_irpMode_check" CHECK ("irpMode" IN ('SANDBOX', 'NIC'))
);
ALTER TABLE "BillingSettings" ADD CONSTRAINT "BillingSettings_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TaxRate" (
    "id" TEXT NOT NULL,
    "companyId" TEXT,
    "hsnPrefix" VARCHAR(8) NOT NULL,
    "gstRate" DECIMAL(5,2) NOT NULL,
    "cessRate" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "effectiveFrom" DATE NOT NULL,
    "source" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TaxRate_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "TaxRate_hsnPrefix_check" CHECK ("hsnPrefix" ~ '^[0-9]{2,8}$'),
    CONSTRAINT "TaxRate_rates_check" CHECK ("gstRate" >= 0 AND "gstRate" <= 40 AND "cessRate" >= 0)
);
-- NULLS NOT DISTINCT: the published schedule (companyId null) is unique per HSN prefix and date too.
CREATE UNIQUE INDEX "TaxRate_companyId_hsnPrefix_effectiveFrom_key" ON "TaxRate"("companyId", "hsnPrefix", "effectiveFrom") NULLS NOT DISTINCT;
CREATE INDEX "TaxRate_hsnPrefix_effectiveFrom_idx" ON "TaxRate"("hsnPrefix", "effectiveFrom");
ALTER TABLE "TaxRate" ADD CONSTRAINT "TaxRate_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "type" "InvoiceType" NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "series" VARCHAR(4) NOT NULL,
    "financialYear" CHAR(5) NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "issueDate" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "connectionId" TEXT NOT NULL,
    "retailerId" TEXT NOT NULL,
    "orderId" TEXT,
    "originalInvoiceId" TEXT,
    "noteReason" TEXT,
    "supplyType" TEXT NOT NULL DEFAULT 'regular',
    "reverseCharge" BOOLEAN NOT NULL DEFAULT false,
    "taxType" TEXT NOT NULL,
    "supplierStateCode" CHAR(2) NOT NULL,
    "placeOfSupply" CHAR(2) NOT NULL,
    "sellerGstin" TEXT,
    "seller" JSONB NOT NULL,
    "buyerGstin" TEXT,
    "buyerName" TEXT NOT NULL,
    "buyer" JSONB NOT NULL,
    "shipTo" JSONB,
    "buyerReference" TEXT,
    "notes" TEXT,
    "taxableTotal" DECIMAL(14,2) NOT NULL,
    "discountTotal" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "cgstTotal" DECIMAL(14,2) NOT NULL,
    "sgstTotal" DECIMAL(14,2) NOT NULL,
    "igstTotal" DECIMAL(14,2) NOT NULL,
    "cessTotal" DECIMAL(14,2) NOT NULL,
    "roundOff" DECIMAL(14,2) NOT NULL,
    "grandTotal" DECIMAL(14,2) NOT NULL,
    "settledAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "eInvoiceStatus" "EInvoiceStatus" NOT NULL DEFAULT 'NOT_REQUIRED',
    "eInvoiceError" TEXT,
    "irn" CHAR(64),
    "ackNo" TEXT,
    "ackDate" TIMESTAMPTZ(3),
    "signedInvoice" TEXT,
    "signedQrCode" TEXT,
    "irnCancelledAt" TIMESTAMPTZ(3),
    "ewayBillNo" TEXT,
    "ewayBillDate" TIMESTAMPTZ(3),
    "ewayBillValidUntil" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "issuedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Invoice_number_check" CHECK ("number" ~ '^[A-Z1-9][A-Z0-9/-]{0,15}$'),
    CONSTRAINT "Invoice_settled_check" CHECK ("settledAmount" >= 0 AND "settledAmount" <= "grandTotal"),
    CONSTRAINT "Invoice_note_check" CHECK (("type" = 'INVOICE') = ("originalInvoiceId" IS NULL))
);
CREATE UNIQUE INDEX "Invoice_companyId_number_key" ON "Invoice"("companyId", "number");
CREATE UNIQUE INDEX "Invoice_irn_key" ON "Invoice"("irn");
CREATE INDEX "Invoice_companyId_type_issueDate_id_idx" ON "Invoice"("companyId", "type", "issueDate" DESC, "id");
CREATE INDEX "Invoice_companyId_connectionId_issueDate_idx" ON "Invoice"("companyId", "connectionId", "issueDate");
CREATE INDEX "Invoice_companyId_status_type_dueDate_idx" ON "Invoice"("companyId", "status", "type", "dueDate");
CREATE INDEX "Invoice_retailerId_issueDate_idx" ON "Invoice"("retailerId", "issueDate" DESC);
CREATE INDEX "Invoice_orderId_idx" ON "Invoice"("orderId");
CREATE INDEX "Invoice_originalInvoiceId_idx" ON "Invoice"("originalInvoiceId");
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_originalInvoiceId_fkey" FOREIGN KEY ("originalInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" TEXT,
    "orderLineId" TEXT,
    "originalLineId" TEXT,
    "sku" TEXT,
    "description" TEXT NOT NULL,
    "hsnCode" VARCHAR(8) NOT NULL,
    "unit" VARCHAR(8) NOT NULL,
    "quantity" DECIMAL(14,3) NOT NULL,
    "unitPrice" DECIMAL(14,2) NOT NULL,
    "taxInclusive" BOOLEAN NOT NULL,
    "grossValue" DECIMAL(14,2) NOT NULL,
    "discount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "taxableValue" DECIMAL(14,2) NOT NULL,
    "gstRate" DECIMAL(5,2) NOT NULL,
    "cessRate" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "cgstAmount" DECIMAL(14,2) NOT NULL,
    "sgstAmount" DECIMAL(14,2) NOT NULL,
    "igstAmount" DECIMAL(14,2) NOT NULL,
    "cessAmount" DECIMAL(14,2) NOT NULL,
    "lineTotal" DECIMAL(14,2) NOT NULL,
    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "InvoiceLine_cgst_sgst_check" CHECK ("cgstAmount" = "sgstAmount")
);
CREATE INDEX "InvoiceLine_invoiceId_position_idx" ON "InvoiceLine"("invoiceId", "position");
CREATE INDEX "InvoiceLine_orderLineId_idx" ON "InvoiceLine"("orderLineId");
CREATE INDEX "InvoiceLine_originalLineId_idx" ON "InvoiceLine"("originalLineId");
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'RECORDED',
    "connectionId" TEXT NOT NULL,
    "retailerId" TEXT NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "allocatedAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "paidOn" DATE NOT NULL,
    "reference" TEXT,
    "bankName" TEXT,
    "notes" TEXT,
    "gatewayProvider" TEXT,
    "gatewayPaymentId" TEXT,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Payment_amount_check" CHECK ("amount" > 0 AND "allocatedAmount" >= 0 AND "allocatedAmount" <= "amount")
);
CREATE UNIQUE INDEX "Payment_companyId_number_key" ON "Payment"("companyId", "number");
CREATE UNIQUE INDEX "Payment_gatewayProvider_gatewayPaymentId_key" ON "Payment"("gatewayProvider", "gatewayPaymentId");
CREATE INDEX "Payment_companyId_paidOn_id_idx" ON "Payment"("companyId", "paidOn" DESC, "id");
CREATE INDEX "Payment_companyId_connectionId_paidOn_idx" ON "Payment"("companyId", "connectionId", "paidOn");
CREATE INDEX "Payment_retailerId_paidOn_idx" ON "Payment"("retailerId", "paidOn" DESC);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Allocation" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "paymentId" TEXT,
    "creditNoteId" TEXT,
    "invoiceId" TEXT,
    "refundId" TEXT,
    "amount" DECIMAL(14,2) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Allocation_amount_check" CHECK ("amount" > 0),
    CONSTRAINT "Allocation_source_check" CHECK (num_nonnulls("paymentId", "creditNoteId") = 1),
    CONSTRAINT "Allocation_target_check" CHECK (num_nonnulls("invoiceId", "refundId") = 1)
);
CREATE INDEX "Allocation_companyId_connectionId_idx" ON "Allocation"("companyId", "connectionId");
CREATE INDEX "Allocation_paymentId_idx" ON "Allocation"("paymentId");
CREATE INDEX "Allocation_creditNoteId_idx" ON "Allocation"("creditNoteId");
CREATE INDEX "Allocation_invoiceId_idx" ON "Allocation"("invoiceId");
CREATE INDEX "Allocation_refundId_idx" ON "Allocation"("refundId");
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The local IRP sandbox's memory (demo and tests only; the NIC driver never touches these).
CREATE TABLE "IrpSandboxDocument" (
    "irn" CHAR(64) NOT NULL,
    "sellerGstin" TEXT NOT NULL,
    "docType" VARCHAR(3) NOT NULL,
    "docNo" VARCHAR(16) NOT NULL,
    "docYear" CHAR(7) NOT NULL,
    "ackNo" TEXT NOT NULL,
    "ackDate" TIMESTAMPTZ(3) NOT NULL,
    "status" VARCHAR(3) NOT NULL DEFAULT 'ACT',
    "payload" JSONB NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IrpSandboxDocument_pkey" PRIMARY KEY ("irn")
);
CREATE UNIQUE INDEX "IrpSandboxDocument_ackNo_key" ON "IrpSandboxDocument"("ackNo");
CREATE UNIQUE INDEX "IrpSandboxDocument_sellerGstin_docYear_docType_docNo_key" ON "IrpSandboxDocument"("sellerGstin", "docYear", "docType", "docNo");

CREATE TABLE "IrpSandboxKey" (
    "id" INTEGER NOT NULL,
    "privatePem" TEXT NOT NULL,
    "publicPem" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IrpSandboxKey_pkey" PRIMARY KEY ("id")
);

-- The published GST schedule for common goods, as dated rows: the rate before and after the
-- 2025 rate rationalisation (GST Council, 3 Sep 2025; Central Tax (Rate) notifications 9–17/2025,
-- in force 22 Sep 2025). A company adds its own rows for anything else in Settings → GST.
INSERT INTO "TaxRate" ("id", "companyId", "hsnPrefix", "gstRate", "cessRate", "effectiveFrom", "source") VALUES
  ('txr_1905_2017', NULL, '1905', 18, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_1905_2025', NULL, '1905', 5, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_0402_2017', NULL, '0402', 5, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_0405_2017', NULL, '0405', 12, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_0405_2025', NULL, '0405', 5, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_0406_2017', NULL, '0406', 12, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_0406_2025', NULL, '0406', 5, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_2009_2017', NULL, '2009', 12, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_2009_2025', NULL, '2009', 5, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_3401_2017', NULL, '3401', 18, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_3401_2025', NULL, '3401', 5, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_3305_2017', NULL, '3305', 18, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_3305_2025', NULL, '3305', 5, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_3306_2017', NULL, '3306', 18, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_3306_2025', NULL, '3306', 5, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_2202_2017', NULL, '2202', 28, 12, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_2202_2025', NULL, '2202', 40, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_1006_2017', NULL, '1006', 5, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_1701_2017', NULL, '1701', 5, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_1507_2017', NULL, '1507', 5, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_1508_2017', NULL, '1508', 5, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_0902_2017', NULL, '0902', 5, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_0901_2017', NULL, '0901', 5, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_8415_2017', NULL, '8415', 28, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_8415_2025', NULL, '8415', 18, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)'),
  ('txr_8528_2017', NULL, '8528', 28, 0, '2017-07-01', 'Notification 1/2017-Central Tax (Rate)'),
  ('txr_8528_2025', NULL, '8528', 18, 0, '2025-09-22', 'Notification 9/2025-Central Tax (Rate)');
