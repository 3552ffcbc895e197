-- Product list speed at 100k products: search matches brand too (trigram index), and sorting by
-- price or last change, or counting by active flag, walks an index instead of the whole table.
CREATE INDEX "Product_brand_idx" ON "Product" USING GIN ("brand" gin_trgm_ops);
CREATE INDEX "Product_companyId_basePrice_idx" ON "Product"("companyId", "basePrice");
CREATE INDEX "Product_companyId_updatedAt_idx" ON "Product"("companyId", "updatedAt");
CREATE INDEX "Product_companyId_active_idx" ON "Product"("companyId", "active");
