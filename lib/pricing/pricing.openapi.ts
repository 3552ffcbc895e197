// OpenAPI operations for /api/v1 routes of this domain: Price lists, item prices, price quotes, import/export.
import { attachmentHeader, mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { createPriceListInput, listPriceListsInput, quotePricesInput, setItemPricesInput, updatePriceListInput, upsertPriceListItemInput } from "@/lib/pricing/pricing.schemas";

const priceListView = {
  title: "PriceList",
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    description: { type: ["string", "null"] },
    isDefault: { type: "boolean", description: "Exactly one list per company is the default; retailers without their own list buy on it" },
    active: { type: "boolean" },
    itemCount: { type: "integer", description: "Price rows (slabs) in the list" },
    productCount: { type: "integer" },
    retailerCount: { type: "integer", description: "Retailer connections (not ended) that buy on this list" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const slabView = {
  title: "PriceRow",
  type: "object",
  properties: {
    id: { type: "string" },
    priceListId: { type: "string" },
    productId: { type: "string" },
    minQty: { type: "string", description: "From this quantity up, e.g. \"10\"" },
    price: { type: "string", description: "Decimal rupees per unit, e.g. \"92.00\"" },
    validFrom: { type: ["string", "null"], format: "date", description: "First day (inclusive, Asia/Kolkata); null = open" },
    validTo: { type: ["string", "null"], format: "date", description: "Last day (inclusive); null = open" },
    state: { enum: ["current", "upcoming", "expired"] },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const pricedProduct = {
  title: "PricedProduct",
  type: "object",
  properties: {
    product: { type: "object", properties: { id: { type: "string" }, sku: { type: "string" }, name: { type: "string" }, unit: { type: "string" }, basePrice: { type: "string" }, mrp: { type: ["string", "null"] }, gstRate: { type: "string" }, taxInclusive: { type: "boolean" }, active: { type: "boolean" } } },
    slabs: { type: "array", items: slabView },
  },
};

const priceQuote = {
  type: "object",
  properties: {
    productId: { type: "string" },
    quantity: { type: "string" },
    unitPrice: { type: "string", description: "Decimal rupees per unit" },
    source: { enum: ["retailer_list", "default_list", "base_price"] },
    priceListId: { type: ["string", "null"] },
    priceListName: { type: ["string", "null"] },
    slabMinQty: { type: ["string", "null"] },
    nextSlab: { type: ["object", "null"], properties: { minQty: { type: "string" }, unitPrice: { type: "string" } }, description: "The nearest cheaper price above this quantity (\"10+ at ₹92.00\")" },
    taxInclusive: { type: "boolean" },
    gstRate: { type: "string" },
    mrp: { type: ["string", "null"] },
  },
};

const importResult = {
  type: "object",
  required: ["kind", "dryRun", "format", "rows", "toCreate", "toUpdate", "unchanged", "errors"],
  properties: {
    kind: { enum: ["products", "prices"] },
    dryRun: { type: "boolean" },
    format: { enum: ["csv", "xlsx"] },
    rows: { type: "integer", description: "Data rows read (blank rows skipped)" },
    toCreate: { type: "integer" },
    toUpdate: { type: "integer" },
    unchanged: { type: "integer", description: "Rows that match what is stored already" },
    newCategories: { type: "array", items: { type: "string" }, description: "Category paths that will be (or were) created (products only)" },
    errors: { type: "array", items: { type: "object", properties: { row: { type: "integer", description: "Spreadsheet row number (the header is row 1)" }, column: { type: "string" }, message: { type: "string" } } } },
  },
};

export const pricingOperations: Operation[] = [
  { method: "get", path: "/price-lists", tag: "Price lists", summary: "List price lists with item and retailer counts", description: "Default list first. Filters: q (name or description), active (active, inactive, all).", auth: true, query: listPriceListsInput.pick({ q: true, active: true }), response: { status: 200, description: "A page of price lists", schema: priceListView, list: true } },
  { method: "post", path: "/price-lists", tag: "Price lists", summary: "Create a price list", description: "The company's first list becomes its default. Names are unique per company (ignoring case).", auth: true, idempotent: true, body: createPriceListInput, response: { status: 201, description: "The new price list", schema: priceListView } },
  { method: "get", path: "/price-lists/{id}", tag: "Price lists", summary: "One price list", auth: true, response: { status: 200, description: "The price list", schema: priceListView } },
  { method: "patch", path: "/price-lists/{id}", tag: "Price lists", summary: "Rename, describe, activate or deactivate a price list", description: "The default list cannot be deactivated (409).", auth: true, body: updatePriceListInput, response: { status: 200, description: "The price list", schema: priceListView } },
  { method: "delete", path: "/price-lists/{id}", tag: "Price lists", summary: "Delete a price list and its prices", description: "Refused with 409 for the default list (reason: default) and for a list retailers buy on (reason: assigned, with the retailers named).", auth: true, response: { status: 204, description: "Deleted" } },
  { method: "post", path: "/price-lists/{id}/default", tag: "Price lists", summary: "Make this the default price list", description: "The previous default stops being one in the same transaction. An inactive list cannot become the default (409).", auth: true, response: { status: 200, description: "The price list", schema: priceListView } },
  { method: "get", path: "/price-lists/{id}/items", tag: "Price lists", summary: "Priced products of a list, each with its quantity slabs", description: "Search with q (SKU, name or barcode).", auth: true, query: listPriceListsInput.pick({ q: true }), response: { status: 200, description: "A page of products with slabs", schema: pricedProduct, list: true } },
  { method: "put", path: "/price-lists/{id}/items", tag: "Price lists", summary: "Set all price rows of one product in the list", description: "Replaces the product's rows with `slabs`; an empty array removes the product from the list. Each price is more than 0; each minQty fits the product's unit. Rows with the same minQty may not share a day.", auth: true, body: setItemPricesInput, response: { status: 200, description: "The product with its new slabs", schema: pricedProduct } },
  { method: "post", path: "/price-lists/{id}/items", tag: "Price lists", summary: "Add a price row (or change the row `id`)", description: "A row applies from minQty units up (in the product's unit: whole numbers of PCS, BOX, …) at a price of more than 0 (free goods are marked on the order line, never priced at 0) between validFrom and validTo (inclusive days, Asia/Kolkata; blank = open). Overlapping dates for the same product and minQty are refused (400 naming validFrom).", auth: true, body: upsertPriceListItemInput, response: { status: 201, description: "The price row (200 when an existing row changed)", schema: slabView } },
  { method: "delete", path: "/price-lists/{id}/items/{itemId}", tag: "Price lists", summary: "Delete one price row", auth: true, response: { status: 204, description: "Deleted" } },
  {
    method: "post",
    path: "/price-quotes",
    tag: "Price lists",
    summary: "Quote prices: what a retailer pays per product for a quantity on a day",
    description:
      "Staff: optional connectionId (the retailer), else the default list. Retailer tokens: name the vendor with companyId (or your connectionId); only an active connection can quote. The day is the calendar day in Asia/Kolkata (default today). Each product: its row in the retailer's list, else the default list, else the base price; among applicable rows the highest minQty wins.",
    auth: true,
    body: quotePricesInput,
    response: { status: 200, description: "{ companyId, connectionId, date, items: PriceQuote[] } in the order asked", schema: { type: "object", properties: { companyId: { type: "string" }, connectionId: { type: ["string", "null"] }, date: { type: "string", format: "date" }, items: { type: "array", items: priceQuote } } } },
  },
  {
    method: "post",
    path: "/products/import",
    tag: "Import / export",
    summary: "Import products or prices from CSV or XLSX (with a dry run)",
    description:
      "Query: kind=products|prices, dryRun=true|false. Send the file itself as the body with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (at most 20,000 rows). Header names ignore case, spaces and underscores.\n\nProducts columns: sku, name, description, category (a path like \"Staples > Flours\"; missing categories are created), brand, hsn_code, gst_rate, cess_rate, unit, pack_unit, pack_size, sell_in_packs, mrp, base_price, cost_price, tax_inclusive, barcode, active, min_order_qty, reorder_level. Rows update the product with the same SKU, else create one; columns left out keep their values.\n\nPrices columns: price_list (name), sku, min_qty, price, valid_from, valid_to (YYYY-MM-DD or DD/MM/YYYY). A row with the same list, SKU, min_qty and valid_from as an existing price updates it.\n\nA dry run writes nothing and lists every error by row and column. A real import is one transaction: if any row is bad, nothing is imported (400 with rowErrors).",
    auth: true,
    rawBody: [mediaTypes.csv, mediaTypes.xlsx],
    response: { status: 200, description: "Counts and row errors", schema: importResult },
  },
  { method: "get", path: "/products/export", tag: "Import / export", summary: "Export products or a price list's prices as CSV or XLSX", description: "Query: kind=products|prices, format=csv|xlsx. Products accept the products list filters (q, categoryId, includeSubcategories, active, stock). Prices take priceListId (all lists when left out). The columns are the import's, so an export re-imports cleanly.", auth: true, response: { status: 200, description: "The file, as an attachment", files: [mediaTypes.csv, mediaTypes.xlsx], headers: attachmentHeader } },
  { method: "get", path: "/products/import/template", tag: "Import / export", summary: "A blank import template with the right columns and an example row", description: "Query: kind=products|prices, format=csv|xlsx.", auth: true, response: { status: 200, description: "The file, as an attachment", files: [mediaTypes.csv, mediaTypes.xlsx], headers: attachmentHeader } },
];
