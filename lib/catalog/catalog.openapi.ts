// OpenAPI operations for /api/v1 routes of this domain: Products and categories.
import { bulkSetActiveInput, categoryInput, createProductInput, listProductsInput, updateCategoryInput, updateProductInput } from "@/lib/catalog/catalog.schemas";
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";

const money = (description: string) => ({ type: "string", description: `Decimal rupees, e.g. "${description}"` });
const nullableMoney = (description: string) => ({ type: ["string", "null"], description: `Decimal rupees, e.g. "${description}"` });
const stockStatus = { enum: ["in_stock", "low", "out"], description: "out: available ≤ 0; low: available ≤ reorderLevel; else in_stock" };

const productView = {
  title: "Product",
  type: "object",
  properties: {
    id: { type: "string" },
    sku: { type: "string" },
    name: { type: "string" },
    description: { type: ["string", "null"] },
    categoryId: { type: ["string", "null"] },
    brand: { type: ["string", "null"] },
    hsnCode: { type: "string", description: "4, 6 or 8 digits" },
    gstRate: { type: "string", description: "Percent, e.g. \"18\"" },
    cessRate: { type: "string" },
    unit: { type: "string", description: "GST UQC code, e.g. PCS, KGS, LTR" },
    packUnit: { type: ["string", "null"] },
    packSize: { type: ["string", "null"], description: "Units of `unit` in one `packUnit`" },
    sellInPacks: { type: "boolean" },
    mrp: nullableMoney("120.00"),
    basePrice: money("95.00"),
    costPrice: nullableMoney("78.00"),
    taxInclusive: { type: "boolean" },
    barcode: { type: ["string", "null"] },
    active: { type: "boolean" },
    minOrderQty: { type: "string" },
    reorderLevel: { type: "string" },
    leadTimeDays: { type: ["integer", "null"], minimum: 0, maximum: 365, description: "Days from ordering to receiving this product; null: the reorder report uses its default lead time" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const imageView = {
  title: "ProductImage",
  type: "object",
  properties: { id: { type: "string" }, productId: { type: "string" }, contentType: { type: "string" }, position: { type: "integer" }, url: { type: "string", description: "GET serves the bytes" }, createdAt: { type: "string", format: "date-time" } },
};

const productDetail = {
  title: "ProductDetail",
  type: "object",
  properties: {
    ...productView.properties,
    category: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" }, path: { type: "array", items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } }, description: "Top-level category first" } } },
    images: { type: "array", items: imageView },
    stock: {
      type: "array",
      description: "Active warehouses (zero where nothing is stocked) and inactive ones still holding stock",
      items: { type: "object", properties: { warehouseId: { type: "string" }, code: { type: "string" }, name: { type: "string" }, active: { type: "boolean" }, onHand: { type: "string" }, reserved: { type: "string" }, available: { type: "string" } } },
    },
    available: { type: "string", description: "Sum of (onHand − reserved) over active warehouses" },
    stockStatus,
  },
};

const productListItem = {
  title: "ProductListItem",
  type: "object",
  properties: {
    id: { type: "string" },
    sku: { type: "string" },
    name: { type: "string" },
    brand: { type: ["string", "null"] },
    categoryId: { type: ["string", "null"] },
    categoryName: { type: ["string", "null"] },
    hsnCode: { type: "string" },
    gstRate: { type: "string" },
    unit: { type: "string" },
    packUnit: { type: ["string", "null"] },
    packSize: { type: ["string", "null"] },
    mrp: nullableMoney("120.00"),
    basePrice: money("95.00"),
    active: { type: "boolean" },
    reorderLevel: { type: "string" },
    available: { type: "string" },
    stockStatus,
    updatedAt: { type: "string", format: "date-time" },
  },
};

const categoryView = { title: "Category", type: "object", properties: { id: { type: "string" }, name: { type: "string" }, parentId: { type: ["string", "null"] }, createdAt: { type: "string", format: "date-time" }, updatedAt: { type: "string", format: "date-time" } } };
const categoryNode: Record<string, unknown> = {
  title: "CategoryNode",
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    parentId: { type: ["string", "null"] },
    ownProductCount: { type: "integer", description: "Products directly in this category" },
    productCount: { type: "integer", description: "Products in this category and all below it" },
    children: { type: "array", items: { $ref: "#/components/schemas/CategoryNode" }, description: "Sub-categories, same shape" },
  },
};

export const catalogOperations: Operation[] = [
  {
    method: "get",
    path: "/products",
    tag: "Products",
    summary: "List products",
    description:
      "Search `q` matches name, SKU and brand (3+ characters anywhere, 1–2 characters at the start of a word) and the barcode exactly. `categoryId` includes sub-categories unless includeSubcategories=false; `categoryId=none` lists uncategorised products. `active`: active, inactive or all (default). `stock`: in_stock, low or out. `sort`: name (default), sku, basePrice, updatedAt, createdAt. With a stock filter `total` is null (the list is not counted) and `nextCursor` says whether another page exists.",
    auth: true,
    query: listProductsInput.pick({ q: true, categoryId: true, includeSubcategories: true, active: true, stock: true, sort: true, dir: true }),
    response: { status: 200, description: "A page of products with available stock and stock status", schema: productListItem, list: true },
  },
  { method: "post", path: "/products", tag: "Products", summary: "Add a product", description: "SKU is unique per company (409 with errors.sku naming the product that has it). HSN 4/6/8 digits; GST rate one of the notified rates; basePrice (and mrp when given) more than 0; packSize, minOrderQty and reorderLevel fit the unit (whole numbers for PCS, BOX, …; up to 3 decimals for KGS, LTR, …); a pack needs both packUnit and packSize; leadTimeDays (optional) is whole days 0–365, the reorder report's default applies without it.", auth: true, idempotent: true, body: createProductInput, response: { status: 201, description: "The new product", schema: productView } },
  { method: "get", path: "/products/{id}", tag: "Products", summary: "One product with category path, images and stock per warehouse", auth: true, response: { status: 200, description: "Product detail", schema: productDetail } },
  { method: "patch", path: "/products/{id}", tag: "Products", summary: "Change a product", description: "Send only the fields to change. Cross-field rules (pack, MRP) are checked against the stored product. leadTimeDays null (or \"\") clears the product's own lead time, so the reorder report's default applies.", auth: true, body: updateProductInput, response: { status: 200, description: "The product", schema: productView } },
  { method: "post", path: "/products/bulk-active", tag: "Products", summary: "Activate or deactivate many products", description: "Ids that are not this company's products are ignored; `count` is how many changed.", auth: true, idempotent: true, body: bulkSetActiveInput, response: { status: 200, description: "{ count }", schema: { type: "object", properties: { count: { type: "integer" } } } } },
  { method: "get", path: "/products/{id}/images", tag: "Products", summary: "A product's images, in display order", auth: true, response: { status: 200, description: "{ data: [image] }", schema: { type: "object", properties: { data: { type: "array", items: imageView } } } } },
  { method: "post", path: "/products/{id}/images", tag: "Products", summary: "Upload a product image", description: "Send the image bytes as the body with Content-Type image/png, image/jpeg or image/webp; at most 1 MB, at most 8 images per product. The bytes must match the type and decode as an image; the stored image is a re-encoding in the same format without metadata, at most 2048 px a side.", auth: true, idempotent: true, rawBody: mediaTypes.images, response: { status: 201, description: "The image", schema: imageView } },
  { method: "get", path: "/products/{id}/images/{imageId}", tag: "Products", summary: "The image bytes", description: "Cacheable for a year (an image id's bytes never change); answers 304 to If-None-Match with its ETag.", auth: true, response: { status: 200, description: "The image", files: mediaTypes.images, headers: { ETag: { description: "The image id, quoted" } } }, otherResponses: [{ status: 304, description: "Not modified (If-None-Match matched the ETag)" }] },
  { method: "delete", path: "/products/{id}/images/{imageId}", tag: "Products", summary: "Remove a product image", auth: true, response: { status: 204, description: "Removed" } },
  { method: "get", path: "/categories", tag: "Categories", summary: "The category tree with product counts", description: "Siblings sorted by name; productCount includes every sub-category.", auth: true, response: { status: 200, description: "{ data: [node] }", schema: { type: "object", properties: { data: { type: "array", items: categoryNode } } } } },
  { method: "post", path: "/categories", tag: "Categories", summary: "Add a category", description: "Names are unique among siblings (case-insensitive). parentId omitted or null: top level.", auth: true, idempotent: true, body: categoryInput, response: { status: 201, description: "The category", schema: categoryView } },
  { method: "patch", path: "/categories/{id}", tag: "Categories", summary: "Rename and/or move a category", description: "parentId null moves it to the top level. Moving under itself or one of its sub-categories is a 400 validation error.", auth: true, body: updateCategoryInput, response: { status: 200, description: "The category", schema: categoryView } },
  { method: "delete", path: "/categories/{id}", tag: "Categories", summary: "Delete an empty category", description: "409 conflict while it has products or sub-categories (details.products, details.subcategories).", auth: true, response: { status: 204, description: "Deleted" } },
];

