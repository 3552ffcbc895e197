-- Sales rollups: the sales report and the dashboard read pre-aggregated rows instead of every
-- invoice line. Issuing a document adds it to the rollups and cancelling it subtracts it, in the
-- same transaction (lib/reporting/sales/record-sales-rollups.ts); this migration fills them from the
-- documents already issued.
--
-- Two grains, each by day and by month (a range is read as whole months plus the days at its edges):
--   SalesByDay / SalesByMonth           per retailer (connection), warehouse and salesperson of the
--                                       order, place of supply: one key per document, so `documents`
--                                       adds up.
--   ProductSalesByDay / ProductSalesByMonth per product and HSN code of the lines; `documents` counts the
--                                       documents with a line of that product and HSN, `productDocuments`
--                                       those counted once per product, `hsnDocuments` once per HSN
--                                       code, so the document count of a product or an HSN code adds up
--                                       over the other.
-- '' stands for "none" in warehouseId, salespersonId and productId (key columns are never null).
-- Sums are signed: invoices and debit notes add, credit notes subtract; quantity moves with goods only
-- (invoices, and credit notes for returns). Cost is the line's unit cost at issue × net quantity;
-- costedLines counts the lines whose cost is known (cost is "unknown" for a group with none).

-- The cost of what was sold, frozen on the line when it is issued (the product's cost then; a note's
-- line takes the cost of the invoice line it corrects). Until now the report priced every past sale
-- at today's cost; existing lines get today's cost, which is what the report showed for them.
ALTER TABLE "InvoiceLine" ADD COLUMN "unitCost" DECIMAL(14,2);
ALTER TABLE "InvoiceLine" DISABLE TRIGGER "InvoiceLine_immutable";
UPDATE "InvoiceLine" l SET "unitCost" = p."costPrice"
  FROM "Product" p
  WHERE p.id = l."productId" AND p."companyId" = l."companyId" AND p."costPrice" IS NOT NULL;
ALTER TABLE "InvoiceLine" ENABLE TRIGGER "InvoiceLine_immutable";

-- Line-level reads that remain (drill-down, exports, category report, GSTR-1, turnover) select a
-- company's documents by issue date.
CREATE INDEX "Invoice_companyId_issueDate_idx" ON "Invoice"("companyId", "issueDate");

CREATE TABLE "SalesByDay" (
    "companyId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "connectionId" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "salespersonId" TEXT NOT NULL,
    "placeOfSupply" CHAR(2) NOT NULL,
    "documents" INTEGER NOT NULL,
    "quantity" DECIMAL(20,3) NOT NULL,
    "taxable" DECIMAL(20,2) NOT NULL,
    "tax" DECIMAL(20,2) NOT NULL,
    "gross" DECIMAL(20,2) NOT NULL,
    "costedTaxable" DECIMAL(20,2) NOT NULL,
    "cost" DECIMAL(24,5) NOT NULL,
    "costedLines" INTEGER NOT NULL,
    CONSTRAINT "SalesByDay_pkey" PRIMARY KEY ("companyId", "day", "connectionId", "warehouseId", "salespersonId", "placeOfSupply")
);

CREATE TABLE "SalesByMonth" (
    "companyId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "connectionId" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "salespersonId" TEXT NOT NULL,
    "placeOfSupply" CHAR(2) NOT NULL,
    "documents" INTEGER NOT NULL,
    "quantity" DECIMAL(20,3) NOT NULL,
    "taxable" DECIMAL(20,2) NOT NULL,
    "tax" DECIMAL(20,2) NOT NULL,
    "gross" DECIMAL(20,2) NOT NULL,
    "costedTaxable" DECIMAL(20,2) NOT NULL,
    "cost" DECIMAL(24,5) NOT NULL,
    "costedLines" INTEGER NOT NULL,
    CONSTRAINT "SalesByMonth_pkey" PRIMARY KEY ("companyId", "month", "connectionId", "warehouseId", "salespersonId", "placeOfSupply")
);

CREATE TABLE "ProductSalesByDay" (
    "companyId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "productId" TEXT NOT NULL,
    "hsnCode" VARCHAR(8) NOT NULL,
    "documents" INTEGER NOT NULL,
    "productDocuments" INTEGER NOT NULL,
    "hsnDocuments" INTEGER NOT NULL,
    "quantity" DECIMAL(20,3) NOT NULL,
    "taxable" DECIMAL(20,2) NOT NULL,
    "tax" DECIMAL(20,2) NOT NULL,
    "gross" DECIMAL(20,2) NOT NULL,
    "costedTaxable" DECIMAL(20,2) NOT NULL,
    "cost" DECIMAL(24,5) NOT NULL,
    "costedLines" INTEGER NOT NULL,
    CONSTRAINT "ProductSalesByDay_pkey" PRIMARY KEY ("companyId", "day", "productId", "hsnCode")
);

CREATE TABLE "ProductSalesByMonth" (
    "companyId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "productId" TEXT NOT NULL,
    "hsnCode" VARCHAR(8) NOT NULL,
    "documents" INTEGER NOT NULL,
    "productDocuments" INTEGER NOT NULL,
    "hsnDocuments" INTEGER NOT NULL,
    "quantity" DECIMAL(20,3) NOT NULL,
    "taxable" DECIMAL(20,2) NOT NULL,
    "tax" DECIMAL(20,2) NOT NULL,
    "gross" DECIMAL(20,2) NOT NULL,
    "costedTaxable" DECIMAL(20,2) NOT NULL,
    "cost" DECIMAL(24,5) NOT NULL,
    "costedLines" INTEGER NOT NULL,
    CONSTRAINT "ProductSalesByMonth_pkey" PRIMARY KEY ("companyId", "month", "productId", "hsnCode")
);

ALTER TABLE "SalesByDay" ADD CONSTRAINT "SalesByDay_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SalesByMonth" ADD CONSTRAINT "SalesByMonth_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProductSalesByDay" ADD CONSTRAINT "ProductSalesByDay_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProductSalesByMonth" ADD CONSTRAINT "ProductSalesByMonth_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- backfill:begin
-- Every issued document, once: the same rows lib/reporting/sales/rollup-write-sql.ts adds per document
-- (tests/integration/sales-rollups.test.ts runs this block and compares).
CREATE TEMP TABLE sales_rollup_facts AS
WITH docs AS (
  SELECT i.id, i."companyId", i."issueDate" AS day, i."connectionId", i."placeOfSupply",
         coalesce(o."warehouseId", '') AS "warehouseId", coalesce(m."userId", '') AS "salespersonId",
         CASE WHEN i.type = 'CREDIT_NOTE' THEN -1 ELSE 1 END AS s,
         CASE WHEN i.type = 'INVOICE' THEN 1 WHEN i.type = 'CREDIT_NOTE' AND i."noteReason" = 'RETURN' THEN -1 ELSE 0 END AS qs
  FROM "Invoice" i
  LEFT JOIN "Invoice" oi ON oi.id = i."originalInvoiceId" AND oi."companyId" = i."companyId"
  LEFT JOIN "Order" o ON o.id = coalesce(i."orderId", oi."orderId") AND o."companyId" = i."companyId"
  LEFT JOIN "Membership" m ON m."companyId" = i."companyId" AND m."userId" = coalesce(o."createdById", o."placedById")
  WHERE i.status = 'ISSUED'
)
SELECT d.id, d."companyId", d.day, d."connectionId", d."placeOfSupply", d."warehouseId", d."salespersonId",
       coalesce(l."productId", '') AS "productId", l."hsnCode",
       sum(d.qs * l.quantity) AS quantity,
       sum(d.s * l."taxableValue") AS taxable,
       sum(d.s * (l."cgstAmount" + l."sgstAmount" + l."igstAmount" + l."cessAmount")) AS tax,
       sum(d.s * l."lineTotal") AS gross,
       coalesce(sum(d.s * l."taxableValue") FILTER (WHERE l."unitCost" IS NOT NULL), 0) AS "costedTaxable",
       coalesce(sum(d.qs * l.quantity * l."unitCost") FILTER (WHERE l."unitCost" IS NOT NULL), 0) AS cost,
       count(l."unitCost")::int AS "costedLines",
       (row_number() OVER (PARTITION BY d.id, coalesce(l."productId", '') ORDER BY l."hsnCode") = 1)::int AS "productFirst",
       (row_number() OVER (PARTITION BY d.id, l."hsnCode" ORDER BY coalesce(l."productId", '')) = 1)::int AS "hsnFirst"
FROM docs d
JOIN "InvoiceLine" l ON l."invoiceId" = d.id AND l."companyId" = d."companyId"
GROUP BY d.id, d."companyId", d.day, d."connectionId", d."placeOfSupply", d."warehouseId", d."salespersonId", coalesce(l."productId", ''), l."hsnCode";

INSERT INTO "SalesByDay" ("companyId", "day", "connectionId", "warehouseId", "salespersonId", "placeOfSupply", "documents", "quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines")
SELECT "companyId", day, "connectionId", "warehouseId", "salespersonId", "placeOfSupply",
       count(DISTINCT id), sum(quantity), sum(taxable), sum(tax), sum(gross), sum("costedTaxable"), sum(cost), sum("costedLines")
FROM sales_rollup_facts GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "SalesByMonth" ("companyId", "month", "connectionId", "warehouseId", "salespersonId", "placeOfSupply", "documents", "quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines")
SELECT "companyId", date_trunc('month', day::timestamp)::date, "connectionId", "warehouseId", "salespersonId", "placeOfSupply",
       count(DISTINCT id), sum(quantity), sum(taxable), sum(tax), sum(gross), sum("costedTaxable"), sum(cost), sum("costedLines")
FROM sales_rollup_facts GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "ProductSalesByDay" ("companyId", "day", "productId", "hsnCode", "documents", "productDocuments", "hsnDocuments", "quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines")
SELECT "companyId", day, "productId", "hsnCode",
       count(*), sum("productFirst"), sum("hsnFirst"), sum(quantity), sum(taxable), sum(tax), sum(gross), sum("costedTaxable"), sum(cost), sum("costedLines")
FROM sales_rollup_facts GROUP BY 1, 2, 3, 4;

INSERT INTO "ProductSalesByMonth" ("companyId", "month", "productId", "hsnCode", "documents", "productDocuments", "hsnDocuments", "quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines")
SELECT "companyId", date_trunc('month', day::timestamp)::date, "productId", "hsnCode",
       count(*), sum("productFirst"), sum("hsnFirst"), sum(quantity), sum(taxable), sum(tax), sum(gross), sum("costedTaxable"), sum(cost), sum("costedLines")
FROM sales_rollup_facts GROUP BY 1, 2, 3, 4;

DROP TABLE sales_rollup_facts;
-- backfill:end
