-- Logistics, shipping partners: a company's accounts with a courier aggregator (Shiprocket, or the local
-- sandbox), the booking of a shipment with one (its job's progress), and the sandbox's own parcels.
-- The core Shipment.shippingAccountId gets its foreign key here.

CREATE TYPE "ShippingPartner" AS ENUM ('SHIPROCKET', 'SANDBOX');
CREATE TYPE "BookingStatus" AS ENUM ('PENDING', 'BOOKED', 'FAILED', 'CANCELLING', 'CANCELLED');

CREATE TABLE "ShippingAccount" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "publicId" TEXT NOT NULL,
    "provider" "ShippingPartner" NOT NULL,
    "label" TEXT NOT NULL,
    "apiEmail" TEXT NOT NULL,
    "apiPasswordEnc" TEXT NOT NULL,
    "webhookTokenEnc" TEXT NOT NULL,
    "pickupLocation" TEXT NOT NULL,
    "pickupPincode" CHAR(6) NOT NULL,
    "authTokenEnc" TEXT,
    "authTokenExpiresAt" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "verifiedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastWebhookAt" TIMESTAMPTZ(3),
    "lastPolledAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShippingAccount_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShippingAccount_publicId_key" ON "ShippingAccount"("publicId");
CREATE INDEX "ShippingAccount_companyId_active_idx" ON "ShippingAccount"("companyId", "active");
ALTER TABLE "ShippingAccount" ADD CONSTRAINT "ShippingAccount_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_shippingAccountId_fkey" FOREIGN KEY ("shippingAccountId") REFERENCES "ShippingAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ShipmentBooking" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "shippingAccountId" TEXT NOT NULL,
    "courierId" TEXT NOT NULL,
    "courierName" TEXT NOT NULL,
    "quotedPrice" DECIMAL(12,2) NOT NULL,
    "cod" BOOLEAN NOT NULL DEFAULT false,
    "status" "BookingStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "partnerOrderId" TEXT,
    "partnerShipmentId" TEXT,
    "awbNumber" TEXT,
    "labelUrl" TEXT,
    "price" DECIMAL(12,2),
    "requestedById" TEXT,
    "bookedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShipmentBooking_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShipmentBooking_shipmentId_key" ON "ShipmentBooking"("shipmentId");
CREATE INDEX "ShipmentBooking_companyId_status_idx" ON "ShipmentBooking"("companyId", "status");
ALTER TABLE "ShipmentBooking" ADD CONSTRAINT "ShipmentBooking_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ShipmentBooking" ADD CONSTRAINT "ShipmentBooking_shippingAccountId_fkey" FOREIGN KEY ("shippingAccountId") REFERENCES "ShippingAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ShippingSandboxShipment" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "orderRef" TEXT NOT NULL,
    "awb" TEXT NOT NULL,
    "courierId" TEXT NOT NULL,
    "courierName" TEXT NOT NULL,
    "pickupPincode" CHAR(6) NOT NULL,
    "deliveryPincode" CHAR(6) NOT NULL,
    "weightKg" DECIMAL(10,2) NOT NULL,
    "price" DECIMAL(12,2) NOT NULL,
    "cod" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShippingSandboxShipment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShippingSandboxShipment_awb_key" ON "ShippingSandboxShipment"("awb");
CREATE UNIQUE INDEX "ShippingSandboxShipment_accountId_orderRef_key" ON "ShippingSandboxShipment"("accountId", "orderRef");
ALTER TABLE "ShippingSandboxShipment" ADD CONSTRAINT "ShippingSandboxShipment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ShippingAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
