// OpenAPI operations for the retailer's carts (/api/v1/cart...) and one-tap reorder into a cart.
import type { Operation } from "@/lib/http/openapi-operation";
import { orderView } from "@/lib/orders/orders.openapi";
import { addCartItemBody, checkoutBody, setCartItemBody } from "@/lib/orders/cart.schemas";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const qty = { type: "string", description: 'Quantity, decimal string with 3 places, e.g. "12.000"' };
const nullableQty = { ...qty, type: ["string", "null"] };

const problem = {
  type: "object",
  properties: {
    code: { enum: ["inactive", "no_price", "below_min_order", "not_whole_units", "not_whole_packs", "out_of_stock", "short_stock"] },
    message: str,
    blocking: { type: "boolean", description: "true: the order would be refused until the line is fixed; false: stock, checked again when the order is placed" },
  },
};

const cartLine = {
  type: "object",
  properties: {
    productId: str,
    sku: str,
    name: str,
    brand: nullableStr,
    hsnCode: str,
    unit: { type: "string", description: "GST UQC unit code, e.g. PCS, KGS" },
    imageUrl: nullableStr,
    quantity: qty,
    minOrderQty: qty,
    pack: { type: ["object", "null"], properties: { unit: str, size: qty, wholePacksOnly: { type: "boolean" } } },
    active: { type: "boolean" },
    stepper: { type: "object", properties: { min: qty, step: qty }, description: "Where a quantity stepper starts (the minimum order, rounded up to whole packs) and its step (the pack size when sold in whole packs, else 1)" },
    unitPrice: money,
    priceSource: { enum: ["retailer_list", "default_list", "base_price"] },
    taxInclusive: { type: "boolean" },
    nextSlab: { type: ["object", "null"], properties: { minQty: str, unitPrice: money }, description: 'The nearest cheaper price above this quantity ("10+ at ₹92.00")' },
    mrp: { ...money, type: ["string", "null"] },
    gstRate: str,
    cessRate: str,
    availability: { enum: ["in_stock", "low", "out"] },
    availableQty: { ...nullableQty, description: "Only when the vendor shows stock quantities" },
    taxableValue: money,
    cgstAmount: money,
    sgstAmount: money,
    igstAmount: money,
    cessAmount: money,
    taxAmount: money,
    lineTotal: money,
    problems: { type: "array", items: problem },
    suggestedQuantity: { ...nullableQty, description: "The nearest quantity the order accepts (minimum order, whole packs) when this one is refused" },
  },
};

const cartView = {
  title: "Cart",
  type: "object",
  properties: {
    vendor: { type: "object", properties: { id: str, code: str, name: str } },
    connection: { type: "object", properties: { id: str, status: { enum: ["ACTIVE", "SUSPENDED"] }, orderable: { type: "boolean" }, priceListName: nullableStr, placeOfSupply: str } },
    taxType: { enum: ["intra", "inter"], description: "intra: CGST + SGST; inter: IGST (estimate for the default place of supply)" },
    showQuantities: { type: "boolean" },
    defaultShippingAddress: { type: "object", properties: { name: str, line1: str, line2: nullableStr, city: str, stateCode: str, stateName: nullableStr, pincode: str } },
    lines: { type: "array", items: cartLine },
    totals: { type: "object", properties: { lineCount: { type: "integer" }, taxable: money, cgst: money, sgst: money, igst: money, cess: money, tax: money, grandTotal: money } },
    hasProblems: { type: "boolean" },
    canCheckout: { type: "boolean", description: "Active connection, at least one line and no blocking problem" },
    updatedAt: { type: ["string", "null"], format: "date-time" },
  },
};

const cartSummary = {
  type: "object",
  properties: {
    vendor: { type: "object", properties: { code: str, name: str } },
    connectionStatus: { enum: ["ACTIVE", "SUSPENDED"] },
    orderable: { type: "boolean" },
    lineCount: { type: "integer" },
    taxable: money,
    tax: money,
    grandTotal: money,
    hasProblems: { type: "boolean" },
    canCheckout: { type: "boolean" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const reorderLine = {
  type: "object",
  properties: { productId: str, sku: str, name: str, unit: str, quantity: qty, previousUnitPrice: money, unitPrice: { ...money, type: ["string", "null"] }, status: { enum: ["ok", "price_changed", "inactive", "out_of_stock", "insufficient_stock"] }, message: nullableStr },
};

const reorderResult = {
  type: "object",
  properties: {
    sourceOrder: { type: "object", properties: { id: str, number: str } },
    vendorCode: str,
    added: { type: "array", items: { ...reorderLine, properties: { ...reorderLine.properties, cartQuantity: qty } }, description: "Lines now in the cart (status ok or price_changed)" },
    flagged: { type: "array", items: reorderLine, description: "Lines left out: inactive, out_of_stock or insufficient_stock" },
  },
};

const T = "Cart";
const retailerOnly = "Retailer users only (staff get 403). {vendorCode} is the vendor's public code; without an active or suspended connection to it the answer is 404.";

export const cartOperations: Operation[] = [
  { method: "get", path: "/cart", tag: T, summary: "My carts, one per vendor, with line count and value", description: `${retailerOnly} Values are at today's prices, with GST.`, auth: true, response: { status: 200, description: "{ data: [...], lineCount }", schema: { type: "object", properties: { data: { type: "array", items: cartSummary }, lineCount: { type: "integer" } } } } },
  { method: "get", path: "/cart/{vendorCode}", tag: T, summary: "One vendor's cart, priced for today", description: `${retailerOnly} Prices from the retailer's price list (slabs by quantity), availability as in_stock / low / out, GST per line for the default place of supply, and per-line problems (minimum order, whole packs, no longer sold, stock).`, auth: true, response: { status: 200, description: "The cart", schema: cartView } },
  { method: "delete", path: "/cart/{vendorCode}", tag: T, summary: "Empty the cart", description: retailerOnly, auth: true, response: { status: 204, description: "Emptied" } },
  { method: "post", path: "/cart/{vendorCode}/items", tag: T, summary: "Add a product (adds to the quantity already in the cart)", description: `${retailerOnly} A suspended connection is 409 conflict. Minimum order and whole packs are not refused here; the cart lists them as problems. The quantity must fit the product's unit (whole numbers of PCS, BOX, …; up to 3 decimals of KGS, LTR, …): else 400 naming quantity.`, auth: true, body: addCartItemBody, response: { status: 200, description: "The cart", schema: cartView } },
  { method: "put", path: "/cart/{vendorCode}/items/{productId}", tag: T, summary: "Set a product's quantity (0 removes it)", description: `${retailerOnly} The quantity must fit the product's unit (whole numbers of PCS, BOX, …; up to 3 decimals of KGS, LTR, …): else 400 naming quantity.`, auth: true, body: setCartItemBody, response: { status: 200, description: "The cart", schema: cartView } },
  { method: "delete", path: "/cart/{vendorCode}/items/{productId}", tag: T, summary: "Remove a product from the cart", description: retailerOnly, auth: true, response: { status: 200, description: "The cart", schema: cartView } },
  {
    method: "post",
    path: "/cart/{vendorCode}/checkout",
    tag: T,
    summary: "Place the cart as an order",
    description: `${retailerOnly} The body may be empty: the order then ships to the connection's shipping address, else the business address. Prices, GST, stock and credit are checked as for POST /orders; when the order is refused (409 insufficient_stock, credit_limit_exceeded, 400 validation) the cart is left as it was. On success the ordered lines leave the cart.`,
    auth: true,
    idempotent: true,
    body: checkoutBody,
    response: { status: 201, description: "The order (as GET /orders/{id})", schema: orderView },
  },
  { method: "post", path: "/orders/{id}/reorder", tag: T, summary: "Reorder: put a past order's lines into the cart at today's prices", description: "Retailer users only. Lines still sold and in stock go into the cart with that vendor (quantities raised to today's minimum order / whole packs; a product already in the cart keeps the larger quantity); the rest come back in `flagged` with the reason.", auth: true, response: { status: 200, description: "What was added and what was left out", schema: reorderResult } },
];
