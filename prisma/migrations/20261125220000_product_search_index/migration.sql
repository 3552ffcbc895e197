-- One trigram index over the searchable text of a product (name, SKU, brand), so a search that
-- matches thousands of products is one bitmap index scan instead of OR-ing three indexes (which the
-- planner gives up on for common words, scanning all 100k rows: ~120 ms → ~6 ms).
-- The expression must stay identical to productSearchText in lib/catalog/list-products-sql.ts.
CREATE INDEX "Product_search_trgm_idx" ON "Product" USING GIN ((lower("name" || E'\n' || "sku" || E'\n' || coalesce("brand", ''))) gin_trgm_ops);
