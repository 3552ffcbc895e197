-- Logistics core: vehicles and drivers, shipments (what leaves a warehouse) with their orders and an
-- append-only tracking history, delivery trips with ordered stops, and positions/receiving hours for
-- route planning (retailer shop, warehouse depot).

CREATE TYPE "VehicleType" AS ENUM ('TWO_WHEELER', 'THREE_WHEELER', 'TEMPO', 'LCV', 'TRUCK', 'CONTAINER', 'OTHER');
CREATE TYPE "VehicleOwnership" AS ENUM ('OWN', 'HIRED');
CREATE TYPE "ShipmentKind" AS ENUM ('SUPPLY', 'STOCK_TRANSFER', 'APPROVAL', 'JOB_WORK');
CREATE TYPE "ShipmentStatus" AS ENUM ('READY', 'DISPATCHED', 'DELIVERED', 'PARTLY_DELIVERED', 'UNDELIVERED', 'CANCELLED');
CREATE TYPE "CarrierType" AS ENUM ('OWN_FLEET', 'PARTNER');
CREATE TYPE "TripStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'IN_TRANSIT', 'COMPLETED', 'CANCELLED');
CREATE TYPE "StopStatus" AS ENUM ('PENDING', 'ARRIVED', 'DELIVERED', 'PARTLY_DELIVERED', 'REFUSED', 'NOT_HOME');

ALTER TABLE "Retailer" ADD COLUMN "latitude" DECIMAL(9,6),
    ADD COLUMN "longitude" DECIMAL(9,6),
    ADD COLUMN "receivingFromMin" SMALLINT,
    ADD COLUMN "receivingToMin" SMALLINT,
    ADD CONSTRAINT "Retailer_position_check" CHECK (("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180))),
    ADD CONSTRAINT "Retailer_receiving_check" CHECK (("receivingFromMin" IS NULL) = ("receivingToMin" IS NULL) AND ("receivingFromMin" IS NULL OR ("receivingFromMin" >= 0 AND "receivingToMin" <= 1440 AND "receivingFromMin" < "receivingToMin")));
ALTER TABLE "Warehouse" ADD COLUMN "latitude" DECIMAL(9,6),
    ADD COLUMN "longitude" DECIMAL(9,6),
    ADD CONSTRAINT "Warehouse_position_check" CHECK (("latitude" IS NULL) = ("longitude" IS NULL));

CREATE TABLE "Vehicle" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "registrationNo" VARCHAR(15) NOT NULL,
    "type" "VehicleType" NOT NULL,
    "label" TEXT,
    "ownership" "VehicleOwnership" NOT NULL DEFAULT 'OWN',
    "transporterName" TEXT,
    "transporterId" VARCHAR(15),
    "capacityKg" DECIMAL(10,2) NOT NULL,
    "capacityM3" DECIMAL(10,3) NOT NULL,
    "capacityCrates" INTEGER,
    "costPerKm" DECIMAL(10,2),
    "costPerTrip" DECIMAL(10,2),
    "homeWarehouseId" TEXT,
    "rcExpiry" DATE,
    "insuranceExpiry" DATE,
    "fitnessExpiry" DATE,
    "permitExpiry" DATE,
    "pucExpiry" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Vehicle_capacity_check" CHECK ("capacityKg" > 0 AND "capacityM3" >= 0 AND ("capacityCrates" IS NULL OR "capacityCrates" >= 0))
);
CREATE UNIQUE INDEX "Vehicle_companyId_registrationNo_key" ON "Vehicle"("companyId", "registrationNo");
CREATE INDEX "Vehicle_companyId_active_idx" ON "Vehicle"("companyId", "active");
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_homeWarehouseId_fkey" FOREIGN KEY ("homeWarehouseId") REFERENCES "Warehouse"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Driver" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "phone" VARCHAR(15) NOT NULL,
    "licenceNo" VARCHAR(20) NOT NULL,
    "licenceExpiry" DATE,
    "transporterName" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Driver_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Driver_companyId_userId_key" ON "Driver"("companyId", "userId");
CREATE UNIQUE INDEX "Driver_companyId_licenceNo_key" ON "Driver"("companyId", "licenceNo");
CREATE INDEX "Driver_companyId_active_idx" ON "Driver"("companyId", "active");
ALTER TABLE "Driver" ADD CONSTRAINT "Driver_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Driver" ADD CONSTRAINT "Driver_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "DeliveryTrip" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "tripDate" DATE NOT NULL,
    "depotWarehouseId" TEXT NOT NULL,
    "vehicleId" TEXT,
    "driverId" TEXT,
    "status" "TripStatus" NOT NULL DEFAULT 'DRAFT',
    "plannedDeparture" TIMESTAMPTZ(3),
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "plannedBy" TEXT NOT NULL DEFAULT 'manual',
    "plannedDistanceKm" DECIMAL(10,2),
    "plannedDurationMin" INTEGER,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "notes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "DeliveryTrip_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DeliveryTrip_companyId_number_key" ON "DeliveryTrip"("companyId", "number");
CREATE INDEX "DeliveryTrip_companyId_tripDate_status_idx" ON "DeliveryTrip"("companyId", "tripDate", "status");
CREATE INDEX "DeliveryTrip_driverId_tripDate_idx" ON "DeliveryTrip"("driverId", "tripDate");
ALTER TABLE "DeliveryTrip" ADD CONSTRAINT "DeliveryTrip_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DeliveryTrip" ADD CONSTRAINT "DeliveryTrip_depotWarehouseId_fkey" FOREIGN KEY ("depotWarehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DeliveryTrip" ADD CONSTRAINT "DeliveryTrip_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DeliveryTrip" ADD CONSTRAINT "DeliveryTrip_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "Driver"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Shipment" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "kind" "ShipmentKind" NOT NULL DEFAULT 'SUPPLY',
    "status" "ShipmentStatus" NOT NULL DEFAULT 'READY',
    "warehouseId" TEXT NOT NULL,
    "connectionId" TEXT,
    "retailerId" TEXT,
    "toWarehouseId" TEXT,
    "shipToName" TEXT NOT NULL,
    "shipToLine1" TEXT NOT NULL,
    "shipToLine2" TEXT,
    "shipToCity" TEXT NOT NULL,
    "shipToStateCode" CHAR(2) NOT NULL,
    "shipToPincode" CHAR(6) NOT NULL,
    "packages" INTEGER NOT NULL DEFAULT 1,
    "weightKg" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "volumeM3" DECIMAL(10,3) NOT NULL DEFAULT 0,
    "crates" INTEGER NOT NULL DEFAULT 0,
    "declaredValue" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "carrierType" "CarrierType" NOT NULL DEFAULT 'OWN_FLEET',
    "shippingAccountId" TEXT,
    "partnerShipmentId" TEXT,
    "courierName" TEXT,
    "awbNumber" TEXT,
    "trackingUrl" TEXT,
    "lrNumber" VARCHAR(20),
    "lrDate" DATE,
    "currentTripId" TEXT,
    "dispatchedAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Shipment_measures_check" CHECK ("packages" >= 0 AND "weightKg" >= 0 AND "volumeM3" >= 0 AND "crates" >= 0 AND "declaredValue" >= 0)
);
CREATE UNIQUE INDEX "Shipment_companyId_number_key" ON "Shipment"("companyId", "number");
CREATE INDEX "Shipment_companyId_status_createdAt_idx" ON "Shipment"("companyId", "status", "createdAt" DESC);
CREATE INDEX "Shipment_companyId_createdAt_id_idx" ON "Shipment"("companyId", "createdAt" DESC, "id");
CREATE INDEX "Shipment_currentTripId_idx" ON "Shipment"("currentTripId");
CREATE INDEX "Shipment_retailerId_idx" ON "Shipment"("retailerId");
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_toWarehouseId_fkey" FOREIGN KEY ("toWarehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_currentTripId_fkey" FOREIGN KEY ("currentTripId") REFERENCES "DeliveryTrip"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ShipmentOrder" (
    "shipmentId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    CONSTRAINT "ShipmentOrder_pkey" PRIMARY KEY ("shipmentId", "orderId")
);
CREATE INDEX "ShipmentOrder_orderId_idx" ON "ShipmentOrder"("orderId");
ALTER TABLE "ShipmentOrder" ADD CONSTRAINT "ShipmentOrder_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ShipmentOrder" ADD CONSTRAINT "ShipmentOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "TrackingEvent" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "location" TEXT,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "source" TEXT NOT NULL,
    "externalId" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrackingEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TrackingEvent_shipmentId_source_externalId_key" ON "TrackingEvent"("shipmentId", "source", "externalId");
CREATE INDEX "TrackingEvent_shipmentId_occurredAt_idx" ON "TrackingEvent"("shipmentId", "occurredAt");
ALTER TABLE "TrackingEvent" ADD CONSTRAINT "TrackingEvent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Tracking history is append-only: a correction is a new event.
CREATE FUNCTION "TrackingEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TrackingEvent rows are append-only' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER "TrackingEvent_no_update" BEFORE UPDATE ON "TrackingEvent" FOR EACH ROW EXECUTE FUNCTION "TrackingEvent_append_only"();

CREATE TABLE "TripStop" (
    "id" TEXT NOT NULL,
    "tripId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "connectionId" TEXT,
    "retailerId" TEXT,
    "name" TEXT NOT NULL,
    "addressLine" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "pincode" CHAR(6) NOT NULL,
    "phone" TEXT,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "windowStart" TIMESTAMPTZ(3),
    "windowEnd" TIMESTAMPTZ(3),
    "eta" TIMESTAMPTZ(3),
    "legKm" DECIMAL(10,2),
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "status" "StopStatus" NOT NULL DEFAULT 'PENDING',
    "arrivedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "TripStop_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TripStop_tripId_sequence_key" ON "TripStop"("tripId", "sequence");
CREATE INDEX "TripStop_companyId_retailerId_idx" ON "TripStop"("companyId", "retailerId");
ALTER TABLE "TripStop" ADD CONSTRAINT "TripStop_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "DeliveryTrip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TripStopShipment" (
    "stopId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    CONSTRAINT "TripStopShipment_pkey" PRIMARY KEY ("stopId", "shipmentId")
);
CREATE INDEX "TripStopShipment_shipmentId_idx" ON "TripStopShipment"("shipmentId");
ALTER TABLE "TripStopShipment" ADD CONSTRAINT "TripStopShipment_stopId_fkey" FOREIGN KEY ("stopId") REFERENCES "TripStop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TripStopShipment" ADD CONSTRAINT "TripStopShipment_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
