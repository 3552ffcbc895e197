-- Payment gateways: gateway accounts per company (secrets encrypted), pay links, payment attempts
-- (forward-only state machine), webhook events stored once per (provider, event id), and the local
-- gateway sandbox's own links and payments.

CREATE TYPE "GatewayProvider" AS ENUM ('RAZORPAY', 'STRIPE', 'SANDBOX');
CREATE TYPE "GatewayMode" AS ENUM ('TEST', 'LIVE');
CREATE TYPE "PayLinkStatus" AS ENUM ('CREATED', 'PARTLY_PAID', 'PAID', 'CANCELLED', 'EXPIRED');
CREATE TYPE "PaymentAttemptStatus" AS ENUM ('CREATED', 'AUTHORIZED', 'CAPTURED', 'PARTLY_REFUNDED', 'REFUNDED', 'FAILED');
CREATE TYPE "WebhookEventStatus" AS ENUM ('RECEIVED', 'VERIFIED', 'APPLIED', 'IGNORED', 'FAILED');

CREATE TABLE "GatewayAccount" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "publicId" TEXT NOT NULL,
    "provider" "GatewayProvider" NOT NULL,
    "mode" "GatewayMode" NOT NULL DEFAULT 'TEST',
    "label" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "keySecretEnc" TEXT NOT NULL,
    "webhookSecretEnc" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "verifiedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "GatewayAccount_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "GatewayAccount_publicId_key" ON "GatewayAccount"("publicId");
CREATE INDEX "GatewayAccount_companyId_active_idx" ON "GatewayAccount"("companyId", "active");
ALTER TABLE "GatewayAccount" ADD CONSTRAINT "GatewayAccount_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PayLink" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "retailerId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "reference" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amountPaise" BIGINT NOT NULL,
    "amountPaidPaise" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'INR',
    "status" "PayLinkStatus" NOT NULL DEFAULT 'CREATED',
    "acceptPartial" BOOLEAN NOT NULL DEFAULT false,
    "gatewayLinkId" TEXT,
    "shortUrl" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PayLink_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PayLink_amount_check" CHECK ("amountPaise" > 0 AND "amountPaidPaise" >= 0)
);
CREATE UNIQUE INDEX "PayLink_companyId_reference_key" ON "PayLink"("companyId", "reference");
CREATE UNIQUE INDEX "PayLink_accountId_gatewayLinkId_key" ON "PayLink"("accountId", "gatewayLinkId");
CREATE INDEX "PayLink_companyId_invoiceId_idx" ON "PayLink"("companyId", "invoiceId");
CREATE INDEX "PayLink_companyId_connectionId_createdAt_idx" ON "PayLink"("companyId", "connectionId", "createdAt" DESC);
ALTER TABLE "PayLink" ADD CONSTRAINT "PayLink_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PayLink" ADD CONSTRAINT "PayLink_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "GatewayAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PayLink" ADD CONSTRAINT "PayLink_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PayLink" ADD CONSTRAINT "PayLink_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "PaymentAttempt" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "payLinkId" TEXT,
    "provider" "GatewayProvider" NOT NULL,
    "gatewayPaymentId" TEXT NOT NULL,
    "status" "PaymentAttemptStatus" NOT NULL DEFAULT 'CREATED',
    "amountPaise" BIGINT NOT NULL,
    "amountRefundedPaise" BIGINT NOT NULL DEFAULT 0,
    "refundBookedPaise" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "method" TEXT,
    "errorReason" TEXT,
    "paymentId" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "reviewReason" TEXT,
    "authorizedAt" TIMESTAMPTZ(3),
    "capturedAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PaymentAttempt_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PaymentAttempt_paymentId_key" ON "PaymentAttempt"("paymentId");
CREATE UNIQUE INDEX "PaymentAttempt_provider_gatewayPaymentId_key" ON "PaymentAttempt"("provider", "gatewayPaymentId");
CREATE INDEX "PaymentAttempt_companyId_createdAt_idx" ON "PaymentAttempt"("companyId", "createdAt" DESC);
CREATE INDEX "PaymentAttempt_payLinkId_idx" ON "PaymentAttempt"("payLinkId");
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "GatewayAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_payLinkId_fkey" FOREIGN KEY ("payLinkId") REFERENCES "PayLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "provider" "GatewayProvider" NOT NULL,
    "eventId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "rawBody" TEXT NOT NULL,
    "status" "WebhookEventStatus" NOT NULL DEFAULT 'VERIFIED',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedAt" TIMESTAMPTZ(3),
    "appliedAt" TIMESTAMPTZ(3),
    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WebhookEvent_provider_eventId_key" ON "WebhookEvent"("provider", "eventId");
CREATE INDEX "WebhookEvent_companyId_receivedAt_idx" ON "WebhookEvent"("companyId", "receivedAt" DESC);
CREATE INDEX "WebhookEvent_accountId_receivedAt_idx" ON "WebhookEvent"("accountId", "receivedAt" DESC);
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "GatewayAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GatewayReconciliation" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "checked" INTEGER NOT NULL DEFAULT 0,
    "repaired" INTEGER NOT NULL DEFAULT 0,
    "details" TEXT,
    "error" TEXT,
    CONSTRAINT "GatewayReconciliation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "GatewayReconciliation_companyId_startedAt_idx" ON "GatewayReconciliation"("companyId", "startedAt" DESC);
CREATE INDEX "GatewayReconciliation_accountId_startedAt_idx" ON "GatewayReconciliation"("accountId", "startedAt" DESC);
ALTER TABLE "GatewayReconciliation" ADD CONSTRAINT "GatewayReconciliation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "GatewayAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GatewaySandboxLink" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "amountPaid" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "referenceId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "acceptPartial" BOOLEAN NOT NULL,
    "notes" JSONB NOT NULL,
    "callbackUrl" TEXT,
    "expireBy" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GatewaySandboxLink_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "GatewaySandboxLink_accountId_idx" ON "GatewaySandboxLink"("accountId");
ALTER TABLE "GatewaySandboxLink" ADD CONSTRAINT "GatewaySandboxLink_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "GatewayAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GatewaySandboxPayment" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "amountRefunded" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "errorDescription" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "GatewaySandboxPayment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "GatewaySandboxPayment_linkId_idx" ON "GatewaySandboxPayment"("linkId");
ALTER TABLE "GatewaySandboxPayment" ADD CONSTRAINT "GatewaySandboxPayment_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "GatewaySandboxLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
