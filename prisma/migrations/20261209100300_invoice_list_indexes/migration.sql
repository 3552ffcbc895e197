-- The invoices list's filters at a large distributor's scale (380,000 documents, bench/mixed.ts), where each
-- count (the total and the per-type tabs) read the company's whole heap: 300 ms per statement for "unpaid",
-- and the text search a sequential scan. From the plans:
-- "unpaid" (nothing settled): the tab counts from this index alone (10 ms).
CREATE INDEX IF NOT EXISTS "Invoice_unpaid_idx" ON "Invoice" ("companyId", type) WHERE "settledAmount" = 0;
-- "overdue" and the receivables views: issued documents with something left to pay, by due date (19 ms).
CREATE INDEX IF NOT EXISTS "Invoice_open_due_idx" ON "Invoice" ("companyId", "dueDate") INCLUDE (type)
  WHERE status = 'ISSUED' AND "settledAmount" < "grandTotal";
-- Text search: the buyer's name anywhere, the number and the GSTIN by their start (trigram indexes serve
-- ILIKE '%…%' and LIKE '…%' whatever the database's collation), combined by a BitmapOr.
CREATE INDEX IF NOT EXISTS "Invoice_buyerName_idx" ON "Invoice" USING GIN ("buyerName" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Invoice_number_idx" ON "Invoice" USING GIN ("number" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Invoice_buyerGstin_idx" ON "Invoice" USING GIN ("buyerGstin" gin_trgm_ops);
