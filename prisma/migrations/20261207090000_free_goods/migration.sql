-- Free goods (schemes such as "buy 10, get 1 free"): a line given at no price is marked so, never a
-- price typed as 0. On an order the same product may then appear twice, once paid and once free.
-- On an invoice (and a credit note of it) the mark travels with the line, so the document shows it
-- as free goods with no taxable value.
ALTER TABLE "OrderLine" ADD COLUMN "freeGoods" BOOLEAN NOT NULL DEFAULT false;
DROP INDEX "OrderLine_orderId_productId_key";
CREATE UNIQUE INDEX "OrderLine_orderId_productId_freeGoods_key" ON "OrderLine"("orderId", "productId", "freeGoods");

ALTER TABLE "InvoiceLine" ADD COLUMN "freeGoods" BOOLEAN NOT NULL DEFAULT false;
