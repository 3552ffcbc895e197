-- The sales report's drill-down to a product's documents (and any line-level read filtered by
-- product) finds the product's lines without reading every line of the company.
CREATE INDEX "InvoiceLine_companyId_productId_idx" ON "InvoiceLine"("companyId", "productId");
