-- A product's own lead time: days from ordering to receiving it (a local maker delivers in 2 days, a
-- brand's depot in a week, an importer in three). Empty means the reorder report's default applies.
ALTER TABLE "Product" ADD COLUMN "leadTimeDays" INTEGER;
ALTER TABLE "Product" ADD CONSTRAINT "Product_leadTimeDays_check" CHECK ("leadTimeDays" IS NULL OR "leadTimeDays" BETWEEN 0 AND 365);
