// OpenAPI operations for /api/v1 routes of this domain: Warehouses, stock levels, ledger, receipts, adjustments, transfers, counts.
import type { Operation } from "@/lib/http/openapi-operation";
import {
  adjustStockInput,
  createGoodsReceiptInput,
  createStockCountInput,
  createTransferInput,
  createWarehouseInput,
  listDocumentsInput,
  listLowStockInput,
  listMovementsInput,
  listStockLevelsInput,
  listWarehousesInput,
  saveCountLinesInput,
  stockSettingsInput,
  stockValuationInput,
  updateWarehouseInput,
} from "@/lib/inventory/inventory.schemas";

const qty = { type: "string", description: 'Quantity, decimal string with 3 places, e.g. "12.500"' };
const money = { type: "string", description: 'Rupees, decimal string, e.g. "1250.50"' };
const nullable = (s: Record<string, unknown>) => ({ ...s, type: [s.type, "null"] });
const ref = { type: "object", properties: { id: { type: "string" }, code: { type: "string" }, name: { type: "string" } } };
const product = { type: "object", properties: { id: { type: "string" }, sku: { type: "string" }, name: { type: "string" }, unit: { type: "string", description: "GST UQC unit code, e.g. PCS, KGS" } } };

const warehouse = {
  title: "Warehouse",
  type: "object",
  properties: {
    id: { type: "string" },
    code: { type: "string" },
    name: { type: "string" },
    addressLine1: { type: ["string", "null"] },
    addressLine2: { type: ["string", "null"] },
    city: { type: ["string", "null"] },
    stateCode: { type: "string", description: "GST state code" },
    stateName: { type: ["string", "null"] },
    pincode: { type: ["string", "null"] },
    isDefault: { type: "boolean" },
    active: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};
const warehouseListItem = {
  title: "WarehouseListItem",
  type: "object",
  properties: {
    ...warehouse.properties,
    productsInStock: { type: "integer", description: "Products with stock on hand here" },
    reserved: { ...qty, description: "Reserved here, over all products" },
    stockValue: { ...money, description: "On hand × cost price" },
  },
};
const stockLevel = {
  title: "StockLevel",
  type: "object",
  properties: {
    product: { type: "object", properties: { ...product.properties, active: { type: "boolean" }, reorderLevel: qty, costPrice: nullable(money) } },
    onHand: qty,
    reserved: qty,
    available: { ...qty, description: "on hand − reserved" },
    status: { enum: ["in_stock", "low", "out"], description: "out when available <= 0; low when available <= reorder level" },
    value: nullable(money),
    warehouses: { type: "array", items: { type: "object", properties: { warehouseId: { type: "string" }, code: { type: "string" }, name: { type: "string" }, onHand: qty, reserved: qty, available: qty } } },
  },
};
const movement = {
  title: "StockMovement",
  type: "object",
  properties: {
    id: { type: "string" },
    kind: { enum: ["RECEIPT", "ADJUSTMENT", "RESERVATION", "RELEASE", "DISPATCH", "RETURN", "TRANSFER_OUT", "TRANSFER_IN"] },
    kindLabel: { type: "string", description: 'The kind in words, e.g. "Goods receipt"' },
    onHandDelta: qty,
    reservedDelta: qty,
    unitCost: nullable(money),
    reason: { type: ["string", "null"] },
    reference: { type: ["object", "null"], properties: { type: { type: "string" }, id: { type: ["string", "null"] }, label: { type: "string" }, href: { type: ["string", "null"] } } },
    user: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
    product,
    warehouse: ref,
    onHandAfter: { ...nullable(qty), description: "Balance after this movement, when filtered to one productId and warehouseId" },
    reservedAfter: nullable(qty),
    createdAt: { type: "string", format: "date-time" },
  },
};
const receipt = {
  title: "GoodsReceipt",
  type: "object",
  properties: {
    id: { type: "string" },
    number: { type: "string", description: "GRN/25-26/00001, per company and financial year" },
    warehouse: ref,
    supplierName: { type: ["string", "null"] },
    supplierInvoiceNo: { type: ["string", "null"] },
    receivedAt: { type: "string", format: "date-time" },
    notes: { type: ["string", "null"] },
    createdBy: { type: ["string", "null"], description: "Name of who recorded it" },
    createdAt: { type: "string", format: "date-time" },
    lines: { type: "array", items: { type: "object", properties: { id: { type: "string" }, product, quantity: qty, unitCost: nullable(money), amount: { ...nullable(money), description: "quantity × unit cost" } } } },
    totalCost: { ...money, description: "Over the lines with a unit cost" },
  },
};
const transfer = {
  title: "StockTransfer",
  type: "object",
  properties: {
    id: { type: "string" },
    number: { type: "string", description: "TRF/25-26/00001" },
    fromWarehouse: ref,
    toWarehouse: ref,
    notes: { type: ["string", "null"] },
    createdBy: { type: ["string", "null"], description: "Name of who made it" },
    createdAt: { type: "string", format: "date-time" },
    lines: { type: "array", items: { type: "object", properties: { id: { type: "string" }, product, quantity: qty } } },
  },
};
const count = {
  title: "StockCount",
  type: "object",
  properties: {
    id: { type: "string" },
    number: { type: "string", description: "CNT/25-26/00001" },
    warehouse: ref,
    status: { enum: ["DRAFT", "POSTED", "CANCELLED"] },
    notes: { type: ["string", "null"] },
    createdBy: { type: ["string", "null"], description: "Name" },
    postedBy: { type: ["string", "null"], description: "Name" },
    postedAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
    lineCount: { type: "integer" },
    countedCount: { type: "integer", description: "Lines with a counted quantity" },
    differenceCount: { type: "integer", description: "Counted lines that differ from the expected quantity" },
    lines: { type: "array", items: { type: "object", properties: { id: { type: "string" }, product, expectedQty: qty, countedQty: nullable(qty), difference: { ...nullable(qty), description: "counted − expected" } } } },
  },
};
const adjustment = { type: "object", properties: { product, warehouse: ref, quantity: qty, reason: { type: "string" }, note: { type: ["string", "null"] }, onHand: qty, reserved: qty, available: qty } };

const lowStockRow = {
  type: "object",
  properties: { product, reorderLevel: qty, onHand: qty, reserved: qty, available: qty, shortfall: { ...qty, description: "reorder level − available, at least 0" }, status: { enum: ["low", "out"] } },
};
const valuationRow = { type: "object", properties: { product, onHand: qty, costPrice: nullable(money), value: { ...nullable(money), description: "on hand × cost price; null without a cost price" } } };
const valuationTotals = { type: "object", properties: { value: money, productsValued: { type: "integer" }, productsWithoutCost: { type: "integer" } } };
const stockSettings = { type: "object", properties: { showStockToRetailers: { type: "boolean", description: "Retailers see exact available quantities (else in stock / low / out)" } } };
const countListItem = {
  type: "object",
  properties: {
    id: { type: "string" },
    number: { type: "string" },
    warehouse: ref,
    status: { enum: ["DRAFT", "POSTED", "CANCELLED"] },
    notes: { type: ["string", "null"] },
    createdBy: { type: ["string", "null"], description: "Name" },
    postedBy: { type: ["string", "null"], description: "Name" },
    postedAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
    lineCount: { type: "integer" },
    countedCount: { type: "integer" },
    differenceCount: { type: "integer" },
  },
};

const T = { wh: "Warehouses", stock: "Stock", docs: "Stock documents" };
const inUnits = "Quantities are in the product's unit: whole numbers for counted units (PCS, BOX, PAC, …), up to 3 decimals for measured ones (KGS, LTR, MTR, …); a 400 names the line otherwise.";
const insufficient = "Not enough available stock is 409 `insufficient_stock`, with `items` naming each product, requested and available.";

export const inventoryOperations: Operation[] = [
  { method: "get", path: "/warehouses", tag: T.wh, summary: "List warehouses", auth: true, query: listWarehousesInput, response: { status: 200, description: "A page of warehouses", schema: warehouseListItem, list: true } },
  { method: "post", path: "/warehouses", tag: T.wh, summary: "Create a warehouse", description: "Codes are unique per company. The first warehouse becomes the default.", auth: true, idempotent: true, body: createWarehouseInput, response: { status: 201, description: "The warehouse", schema: warehouse } },
  { method: "get", path: "/warehouses/{id}", tag: T.wh, summary: "One warehouse", auth: true, response: { status: 200, description: "The warehouse", schema: warehouse } },
  { method: "patch", path: "/warehouses/{id}", tag: T.wh, summary: "Change a warehouse's code, name or address", auth: true, body: updateWarehouseInput, response: { status: 200, description: "The warehouse", schema: warehouse } },
  { method: "post", path: "/warehouses/{id}/set-default", tag: T.wh, summary: "Make this the default warehouse", auth: true, response: { status: 200, description: "The warehouse", schema: warehouse } },
  { method: "post", path: "/warehouses/{id}/deactivate", tag: T.wh, summary: "Deactivate a warehouse", description: "Refused (409) while any stock is on hand or reserved there, and for the default warehouse.", auth: true, response: { status: 200, description: "The warehouse", schema: warehouse } },
  { method: "post", path: "/warehouses/{id}/activate", tag: T.wh, summary: "Reactivate a warehouse", auth: true, response: { status: 200, description: "The warehouse", schema: warehouse } },

  { method: "get", path: "/stock", tag: T.stock, summary: "Stock levels per product", description: "On hand, reserved and available summed over active warehouses (or one with warehouseId), with the per-warehouse breakdown and status.", auth: true, query: listStockLevelsInput.pick({ q: true, warehouseId: true, status: true, sort: true, dir: true }), response: { status: 200, description: "A page of stock levels", schema: stockLevel, list: true } },
  { method: "get", path: "/stock/movements", tag: T.stock, summary: "The stock ledger, newest first", description: "Append-only movements with user and reference document. With both productId and warehouseId (and no other filter) each row carries the balance after it.", auth: true, query: listMovementsInput.pick({ productId: true, warehouseId: true, kind: true, refType: true, refId: true }), response: { status: 200, description: "A page of movements", schema: movement, list: true, pageExtra: { runningBalance: { type: "boolean", description: "Rows carry onHandAfter and reservedAfter (one product in one warehouse, no other filter)" } } } },
  { method: "get", path: "/stock/low", tag: T.stock, summary: "Low stock: active products at or below their reorder level", description: "Out of stock first, then by shortfall (reorder level − available).", auth: true, query: listLowStockInput.pick({ q: true }), response: { status: 200, description: "A page of products with available, reorder level and shortfall", schema: lowStockRow, list: true } },
  { method: "get", path: "/stock/valuation", tag: T.stock, summary: "Stock valuation at cost", description: "Totals, per warehouse, and a page of products (on hand × cost price). Products without a cost price have value null and are counted in productsWithoutCost.", auth: true, query: stockValuationInput.pick({ warehouseId: true }), response: { status: 200, description: "Totals, per warehouse, and a page of products by value", schema: valuationRow, list: true, pageExtra: { totals: valuationTotals, warehouses: { type: "array", items: { ...valuationTotals, properties: { id: { type: "string" }, code: { type: "string" }, name: { type: "string" }, active: { type: "boolean" }, ...valuationTotals.properties } } } } } },
  { method: "get", path: "/stock/settings", tag: T.stock, summary: "Stock settings (show exact stock to retailers)", auth: true, response: { status: 200, description: "The settings", schema: stockSettings } },
  { method: "patch", path: "/stock/settings", tag: T.stock, summary: "Show retailers exact available quantities, or only in stock / low / out", description: "Needs company.write (owners and admins).", auth: true, body: stockSettingsInput, response: { status: 200, description: "The settings", schema: stockSettings } },

  { method: "get", path: "/stock/receipts", tag: T.docs, summary: "Goods receipts, newest first", auth: true, query: listDocumentsInput.pick({ q: true, warehouseId: true }), response: { status: 200, description: "A page of receipts", schema: receipt, list: true } },
  { method: "post", path: "/stock/receipts", tag: T.docs, summary: "Receive stock (goods receipt)", description: `Numbered GRN/YY-YY/NNNNN per financial year of the received date. With updateCostPrice (default true) each product's cost price moves to the weighted average. ${inUnits}`, auth: true, idempotent: true, body: createGoodsReceiptInput, response: { status: 201, description: "The receipt", schema: receipt } },
  { method: "get", path: "/stock/receipts/{id}", tag: T.docs, summary: "One goods receipt", auth: true, response: { status: 200, description: "The receipt", schema: receipt } },
  { method: "get", path: "/stock/adjustments", tag: T.docs, summary: "Adjustment movements, newest first", auth: true, query: listMovementsInput.pick({ productId: true, warehouseId: true }), response: { status: 200, description: "A page of movements", schema: movement, list: true } },
  { method: "post", path: "/stock/adjustments", tag: T.docs, summary: "Adjust one product's stock with a reason", description: `quantity is signed ("+5", "-2.5"). ${inUnits} reason: damaged, expired, found, theft_loss, correction or other (other needs a note). ${insufficient}`, auth: true, idempotent: true, body: adjustStockInput, response: { status: 201, description: "The new level", schema: adjustment } },
  { method: "get", path: "/stock/transfers", tag: T.docs, summary: "Transfers between warehouses, newest first", auth: true, query: listDocumentsInput.pick({ q: true, warehouseId: true }), response: { status: 200, description: "A page of transfers", schema: transfer, list: true } },
  { method: "post", path: "/stock/transfers", tag: T.docs, summary: "Transfer stock between two warehouses", description: `One transaction: TRANSFER_OUT and TRANSFER_IN movements. ${inUnits} ${insufficient}`, auth: true, idempotent: true, body: createTransferInput, response: { status: 201, description: "The transfer", schema: transfer } },
  { method: "get", path: "/stock/transfers/{id}", tag: T.docs, summary: "One transfer", auth: true, response: { status: 200, description: "The transfer", schema: transfer } },
  { method: "get", path: "/stock/counts", tag: T.docs, summary: "Stock counts, newest first", auth: true, query: listDocumentsInput.pick({ q: true, warehouseId: true, status: true }), response: { status: 200, description: "A page of counts (without lines)", schema: countListItem, list: true } },
  { method: "post", path: "/stock/counts", tag: T.docs, summary: "Start a stock count for a warehouse", description: "Pre-fills every active product (or productIds) with the expected on-hand quantity.", auth: true, idempotent: true, body: createStockCountInput, response: { status: 201, description: "The count sheet", schema: count } },
  { method: "get", path: "/stock/counts/{id}", tag: T.docs, summary: "One count sheet", auth: true, response: { status: 200, description: "The count sheet", schema: count } },
  { method: "put", path: "/stock/counts/{id}/lines", tag: T.docs, summary: "Save counted quantities (draft counts)", description: `countedQty null clears a count. Products not on the sheet are added. ${inUnits}`, auth: true, body: saveCountLinesInput, response: { status: 200, description: "The count sheet", schema: count } },
  { method: "post", path: "/stock/counts/{id}/post", tag: T.docs, summary: "Post the differences as adjustments", description: `Differences are taken against the live on-hand quantity at posting. A count posts once (409 invalid_transition after). ${insufficient}`, auth: true, response: { status: 200, description: "The posted count", schema: count } },
  { method: "post", path: "/stock/counts/{id}/cancel", tag: T.docs, summary: "Cancel a draft count", auth: true, response: { status: 200, description: "The cancelled count", schema: count } },
];
