// OpenAPI operations of a connected vendor's catalog as the retailer sees it (/api/v1/me/vendors/{code}/...).
import { browseCatalogInput } from "@/lib/catalog/portal-catalog.schemas";
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { bool, dataList, int, money, nullableStr, object, str } from "@/lib/http/openapi-schemas";

const qty = { type: "string", description: 'Quantity, decimal string, e.g. "12.000"' };

const catalogItem = object(
  {
    id: str,
    sku: str,
    name: str,
    description: nullableStr,
    brand: nullableStr,
    categoryName: nullableStr,
    hsnCode: str,
    gstRate: { type: "string", description: 'Percent, e.g. "18"' },
    unit: { type: "string", description: "GST UQC unit code, e.g. PCS, KGS" },
    pack: { type: ["object", "null"], properties: { unit: str, size: qty, wholePacksOnly: bool }, description: "The pack it is sold in; null when it has none" },
    mrp: { ...nullableStr, description: "Maximum retail price, decimal rupees" },
    minOrderQty: qty,
    price: {
      type: ["object", "null"],
      description: "What this retailer pays today for the minimum order quantity",
      properties: {
        unitPrice: money,
        taxInclusive: bool,
        source: { enum: ["retailer_list", "default_list", "base_price"] },
        nextSlab: { type: ["object", "null"], properties: { minQty: str, unitPrice: money }, description: "The nearest cheaper price for a larger quantity" },
      },
    },
    availability: { enum: ["in_stock", "low", "out"] },
    availableQty: { ...nullableStr, description: "Only when the vendor shows stock quantities" },
    imageUrl: { ...nullableStr, description: "The first image (GET serves it)" },
  },
  { title: "CatalogItem" },
);

export const portalCatalogOperations: Operation[] = [
  {
    method: "get",
    path: "/me/vendors/{code}/catalog",
    tag: "Retailer portal",
    summary: "A connected vendor's catalog at my prices",
    description:
      "{code} is the vendor's public code. Active products with the price this retailer pays today for the minimum order quantity (its price list, else the vendor's default list, else the base price), the next quantity slab, and availability as in_stock / low / out (exact availableQty only when the vendor shows stock). Filters: q, categoryId, inStock=true.",
    auth: true,
    query: browseCatalogInput.pick({ q: true, categoryId: true }),
    response: {
      status: 200,
      description: "A page of products",
      schema: catalogItem,
      list: true,
      pageExtra: {
        vendor: object({ id: str, code: str, name: str }),
        priceList: { ...nullableStr, description: "The name of the retailer's price list, if it has one" },
        showQuantities: { ...bool, description: "The vendor shows exact available quantities" },
      },
    },
  },
  { method: "get", path: "/me/vendors/{code}/categories", tag: "Retailer portal", summary: "A connected vendor's categories with product counts", description: "Categories holding active products, with their path as label.", auth: true, response: { status: 200, description: "Categories", schema: dataList(object({ id: str, name: str, label: { type: "string", description: 'The path, e.g. "Staples › Atta"' }, productCount: { ...int, description: "Active products in it and below it" } })) } },
  { method: "get", path: "/me/vendors/{code}/catalog/images/{imageId}", tag: "Retailer portal", summary: "A product image from a connected vendor's catalog", auth: true, response: { status: 200, description: "The image", files: mediaTypes.images } },
];
