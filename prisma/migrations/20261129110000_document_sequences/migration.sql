-- Document numbers from a counter row per company, series and financial year instead of max() over
-- the documents: taking the next SO number stays one indexed UPDATE at a million orders a year. The
-- row lock is held until commit (gapless: a rollback gives the number back). A series' first number
-- in a year starts after any documents already there (lib/inventory/numbering.ts), so no backfill.
CREATE TABLE "DocumentSequence" (
    "companyId" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "financialYear" CHAR(5) NOT NULL,
    "last" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentSequence_pkey" PRIMARY KEY ("companyId", "series", "financialYear"),
    CONSTRAINT "DocumentSequence_last_check" CHECK ("last" > 0)
);
ALTER TABLE "DocumentSequence" ADD CONSTRAINT "DocumentSequence_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sorting the orders list by amount (largest first) without reading every order.
CREATE INDEX "Order_companyId_grandTotal_id_idx" ON "Order"("companyId", "grandTotal", "id");
