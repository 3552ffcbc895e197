-- "Plan the day" runs: the request, the shipments that could not be placed (with the reason) and the
-- plan's figures. The plan itself lives in DeliveryTrip/TripStop (plannedBy = 'planner').
CREATE TABLE "RoutePlanRun" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "tripDate" DATE NOT NULL,
    "depotWarehouseId" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "unplaced" JSONB NOT NULL,
    "stats" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoutePlanRun_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RoutePlanRun_companyId_tripDate_depotWarehouseId_createdAt_idx" ON "RoutePlanRun"("companyId", "tripDate", "depotWarehouseId", "createdAt" DESC);
ALTER TABLE "RoutePlanRun" ADD CONSTRAINT "RoutePlanRun_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoutePlanRun" ADD CONSTRAINT "RoutePlanRun_depotWarehouseId_fkey" FOREIGN KEY ("depotWarehouseId") REFERENCES "Warehouse"("id") ON DELETE CASCADE ON UPDATE CASCADE;
