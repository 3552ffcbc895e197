-- The product sales rollups split each (period, product, HSN code) key over a few rows ("stripe", from a
-- hash of the retailer's connection: lib/reporting/sales/rollup-write-sql.ts). Every document of the day
-- with a line of a product added to one row and held its lock to the commit, so documents of different
-- retailers queued on a busy product's row. Readers sum over the stripes; the rows already here stay in
-- stripe 0, where their sums are as right as before.
ALTER TABLE "ProductSalesByDay" ADD COLUMN "stripe" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "ProductSalesByDay" DROP CONSTRAINT "ProductSalesByDay_pkey",
  ADD CONSTRAINT "ProductSalesByDay_pkey" PRIMARY KEY ("companyId", "day", "productId", "hsnCode", "stripe");
ALTER TABLE "ProductSalesByMonth" ADD COLUMN "stripe" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "ProductSalesByMonth" DROP CONSTRAINT "ProductSalesByMonth_pkey",
  ADD CONSTRAINT "ProductSalesByMonth_pkey" PRIMARY KEY ("companyId", "month", "productId", "hsnCode", "stripe");
