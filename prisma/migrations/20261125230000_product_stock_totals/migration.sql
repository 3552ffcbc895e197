-- Per-product stock totals over all warehouses, kept by the ledger in the same transaction as the
-- levels (lib/inventory/ledger.ts). Lists filter and sort by stock status from the product row itself
-- instead of summing StockLevel for every product they look at. Inactive warehouses hold no stock
-- (deactivation requires empty shelves, and no movement may touch one), so these are also the
-- totals over active warehouses.
ALTER TABLE "Product" ADD COLUMN "stockOnHand" DECIMAL(14,3) NOT NULL DEFAULT 0,
                      ADD COLUMN "stockReserved" DECIMAL(14,3) NOT NULL DEFAULT 0;

UPDATE "Product" p SET "stockOnHand" = s.on_hand, "stockReserved" = s.reserved
FROM (SELECT "productId", sum("onHand") AS on_hand, sum(reserved) AS reserved FROM "StockLevel" GROUP BY "productId") s
WHERE s."productId" = p.id;

ALTER TABLE "Product" ADD CONSTRAINT "Product_stock_check" CHECK ("stockOnHand" >= 0 AND "stockReserved" >= 0 AND "stockReserved" <= "stockOnHand");
