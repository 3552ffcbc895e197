// OpenAPI operations for /api/v1 routes of this domain: orders, their lifecycle actions, pick lists and reorder previews.
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import {
  cancelOrderInput,
  confirmOrderInput,
  deliverOrderInput,
  dispatchOrderInput,
  editOrderInput,
  listOrdersInput,
  packOrderInput,
  placeOrderInput,
  releaseHoldInput,
  returnOrderInput,
} from "@/lib/orders/orders.schemas";
import { orderTabs } from "@/lib/orders/list-orders";
import { orderActions, orderStatuses } from "@/lib/orders/state-machine";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const nullableMoney = { ...money, type: ["string", "null"] };
const qty = { type: "string", description: 'Quantity, decimal string with 3 places, e.g. "12.000"' };
const nullableQty = { ...qty, type: ["string", "null"] };
const dateTime = { type: "string", format: "date-time" };
const nullableDateTime = { type: ["string", "null"], format: "date-time" };
const status = { enum: [...orderStatuses] };
const tabCount = { type: "object", properties: { count: { type: "integer" }, capped: { type: "boolean", description: "The count stopped at 1,000" } } };

const address = {
  type: "object",
  properties: { name: str, line1: str, line2: nullableStr, city: str, stateCode: { type: "string", description: "GST state code" }, stateName: str, pincode: str },
};

const orderLine = {
  type: "object",
  properties: {
    id: str,
    productId: str,
    position: { type: "integer" },
    sku: str,
    name: str,
    hsnCode: str,
    unit: { type: "string", description: "GST UQC unit code, e.g. PCS, KGS" },
    quantity: qty,
    unitPrice: money,
    priceSource: { enum: ["retailer_list", "default_list", "base_price", "free_goods"] },
    freeGoods: { type: "boolean", description: "Given free under a scheme (\"buy 10, get 1 free\"): unitPrice 0, no taxable value or tax" },
    taxInclusive: { type: "boolean" },
    gstRate: { type: "string", description: 'Percent, e.g. "18.00"' },
    cessRate: str,
    taxableValue: money,
    cgstAmount: money,
    sgstAmount: money,
    igstAmount: money,
    cessAmount: money,
    lineTotal: money,
    returnedQty: qty,
    invoicedQty: { ...qty, description: "Quantity on issued invoices so far" },
  },
};

export const orderView = {
  title: "Order",
  type: "object",
  properties: {
    id: str,
    number: { type: "string", description: "SO/25-26/000123: per company and Indian financial year" },
    status,
    statusLabel: str,
    creditHold: { type: "boolean", description: "Placed over the credit limit; cannot be confirmed until released" },
    holdReason: nullableStr,
    source: { enum: ["PORTAL", "STAFF", "API"] },
    vendor: { type: "object", properties: { id: str, code: str, name: str, stateCode: str, gstin: nullableStr } },
    retailer: { type: "object", properties: { id: str, name: str, gstin: nullableStr, stateCode: str, customerCode: nullableStr } },
    connectionId: str,
    warehouse: { type: "object", properties: { id: str, code: str, name: str } },
    placeOfSupply: { type: "string", description: "GST state code of the place of supply" },
    supplierStateCode: str,
    taxType: { enum: ["intra", "inter"], description: "intra: CGST + SGST; inter: IGST" },
    shippingAddress: address,
    buyerReference: nullableStr,
    notes: nullableStr,
    lines: { type: "array", items: orderLine },
    totals: { type: "object", properties: { taxable: money, cgst: money, sgst: money, igst: money, cess: money, tax: money, grandTotal: money, returned: money } },
    timeline: {
      type: "array",
      description: "Oldest first",
      items: {
        type: "object",
        properties: {
          id: str,
          kind: { enum: ["placed", "confirmed", "packed", "dispatched", "delivered", "cancelled", "returned", "edited", "held", "released", "draft_saved", "invoiced"] },
          fromStatus: { enum: [...orderStatuses, null], description: "Null for the first entry (the order was made) and for entries that do not change the status" },
          toStatus: { enum: [...orderStatuses, null], description: "Null for entries that do not change the status" },
          label: str,
          actorName: nullableStr,
          note: nullableStr,
          data: {},
          at: dateTime,
        },
      },
    },
    placedAt: nullableDateTime,
    confirmedAt: nullableDateTime,
    packedAt: nullableDateTime,
    dispatchedAt: nullableDateTime,
    deliveredAt: nullableDateTime,
    cancelledAt: nullableDateTime,
    cancelReason: nullableStr,
    returnedAt: nullableDateTime,
    delivery: { type: ["object", "null"], properties: { receivedBy: str, note: nullableStr, hasPhoto: { type: "boolean", description: "GET /orders/{id}/delivery-photo serves it" } } },
    availableActions: { type: "array", items: { enum: [...orderActions] }, description: "What the caller may do now; each is POST /orders/{id}/<action> (edit is PATCH /orders/{id}, release_hold is /release-hold)" },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};

const orderListItem = {
  title: "OrderListItem",
  type: "object",
  properties: {
    id: str,
    number: str,
    status,
    statusLabel: str,
    creditHold: { type: "boolean" },
    retailer: { type: "object", properties: { id: str, name: str, customerCode: nullableStr } },
    vendor: { type: "object", properties: { code: str, name: str } },
    lineCount: { type: "integer" },
    grandTotal: money,
    placedAt: nullableDateTime,
    createdAt: dateTime,
  },
};

const pickList = {
  title: "PickList",
  type: "object",
  properties: {
    order: { type: "object", properties: { id: str, number: str, placedAt: nullableDateTime, retailerName: str, shippingAddress: address, notes: nullableStr } },
    warehouse: { type: "object", properties: { code: str, name: str } },
    lines: {
      type: "array",
      items: {
        type: "object",
        properties: { productId: str, sku: str, name: str, freeGoods: { type: "boolean", description: "Free goods of a scheme (no price)" }, unit: str, quantity: qty, barcode: nullableStr, packUnit: nullableStr, packSize: nullableQty, packs: { type: ["string", "null"], description: "Whole packs and loose units, e.g. \"3 BOX + 4 PCS\"; null when the product has no pack" } },
      },
    },
    totalQuantity: qty,
    printedAt: dateTime,
  },
};

const reorderPreview = {
  title: "ReorderPreview",
  type: "object",
  properties: {
    sourceOrder: { type: "object", properties: { id: str, number: str } },
    vendorCode: str,
    lines: {
      type: "array",
      items: {
        type: "object",
        properties: {
          productId: str,
          sku: str,
          name: str,
          unit: str,
          previousQuantity: qty,
          quantity: qty,
          previousUnitPrice: money,
          unitPrice: nullableMoney,
          lineTotal: nullableMoney,
          status: { enum: ["ok", "inactive", "out_of_stock", "insufficient_stock", "price_changed"] },
          message: nullableStr,
          available: nullableQty,
        },
      },
    },
    totals: { type: "object", properties: { taxable: money, tax: money, grandTotal: money } },
  },
};

const action = (path: string, summary: string, description: string, body?: Operation["body"]): Operation => ({
  method: "post",
  path: `/orders/{id}/${path}`,
  tag: "Orders",
  summary,
  description: `${description} Not allowed in the order's current state: 409 invalid_transition with currentState.`,
  auth: true,
  ...(body ? { body } : {}),
  response: { status: 200, description: "The order", schema: orderView },
});

export const ordersOperations: Operation[] = [
  {
    method: "get",
    path: "/orders",
    tag: "Orders",
    summary: "List orders",
    description:
      "Staff see the company's orders, a retailer its own (vendorCode narrows to one vendor). status: all (default), on_hold (placed and held over the credit limit), open, draft, placed, confirmed, packed, dispatched, delivered, cancelled or returned. q matches the order number, retailer name and customer code. from/to are calendar days (YYYY-MM-DD, India); minTotal/maxTotal bound the grand total. sort: -createdAt (default), createdAt, grandTotal, -grandTotal, number, -number. The answer also carries `counts` per status tab ({ count, capped }) and `totalIsCapped` (counting stops at 1,000; `total` is then a lower bound).",
    auth: true,
    query: listOrdersInput.pick({ status: true, q: true, connectionId: true, vendorCode: true, from: true, to: true, minTotal: true, maxTotal: true, sort: true }),
    response: {
      status: 200,
      description: "A page of orders",
      schema: orderListItem,
      list: true,
      pageExtra: {
        totalIsCapped: { type: "boolean", description: "Counting stopped at 1,000: total is a lower bound" },
        counts: { type: "object", description: "Per status tab", properties: Object.fromEntries(orderTabs.map((t) => [t, tabCount])) },
      },
    },
  },
  {
    method: "post",
    path: "/orders",
    tag: "Orders",
    summary: "Place an order",
    description:
      "Staff name the retailer by connectionId (draft: true saves without reserving stock); a retailer names the vendor by vendorCode. Each line is priced from the retailer's price list today, GST per line (CGST + SGST within the vendor's state, else IGST), stock reserved and the credit limit checked, all in one transaction. Quantities are in the product's unit: whole numbers for counted units (PCS, BOX, PAC, …), up to 3 decimals for measured ones (KGS, LTR, MTR, …). Staff may add lines with freeGoods: true (a scheme's free goods: no price, no tax; the same product may also be on the order as a paid line); at least one line is paid. Errors: 400 validation (errors name the field, e.g. lines.0.quantity for a fraction of a counted unit, minimum order quantity or whole packs), 409 insufficient_stock, 409 credit_limit_exceeded (details: limit, outstanding, orderTotal), 409 conflict (connection not active). Send Idempotency-Key so a retry never places two orders.",
    auth: true,
    idempotent: true,
    body: placeOrderInput,
    response: { status: 201, description: "The new order", schema: orderView },
  },
  { method: "get", path: "/orders/{id}", tag: "Orders", summary: "One order: lines, GST, totals, timeline and the caller's available actions", description: "Another company's or another retailer's order is 404.", auth: true, response: { status: 200, description: "The order", schema: orderView } },
  {
    method: "patch",
    path: "/orders/{id}",
    tag: "Orders",
    summary: "Edit a placed order",
    description: "lines is the new full set of lines (re-priced today, the stock reservation follows in the same transaction, credit re-checked); shipping address, buyer reference and notes may change too. 409 invalid_transition once the order is confirmed.",
    auth: true,
    body: editOrderInput,
    response: { status: 200, description: "The order", schema: orderView },
  },
  action("place", "Place a draft order", "Re-prices the draft today, reserves stock and checks credit, like POST /orders.", undefined),
  action("confirm", "Confirm a placed order", "Not while it is on credit hold.", confirmOrderInput),
  action("release-hold", "Release a credit hold", "Needs orders.approve_credit.", releaseHoldInput),
  action("pack", "Mark a confirmed order packed", "Print the pick list first: GET /orders/{id}/pick-list.", packOrderInput),
  action("dispatch", "Dispatch a packed order", "The reserved stock leaves the warehouse (ledger DISPATCH). A taxable supply must be fully invoiced first (CGST Act s. 31): 409 conflict naming the order otherwise (issue the invoice first). An order on a shipment is dispatched with its shipment (409).", dispatchOrderInput),
  action("deliver", "Record delivery of a dispatched order", "Proof of delivery: receiver's name, time (default now), note and an optional photo as base64 JPEG/PNG/WebP up to 2 MB (bodies up to 3 MB); the photo is re-encoded without metadata (no location), at most 2560 px a side.", deliverOrderInput),
  action("cancel", "Cancel an order", "Before dispatch only (a retailer only before the vendor confirms). Reserved stock is released.", cancelOrderInput),
  action("return", "Record goods returned", "Per line, at most what was delivered and not yet returned; the stock goes back into the warehouse. Can repeat for partial returns.", returnOrderInput),
  { method: "get", path: "/orders/{id}/pick-list", tag: "Orders", summary: "The pick list of an order (staff)", description: "SKU, barcode, quantity and whole packs per line, for the warehouse.", auth: true, response: { status: 200, description: "Pick list", schema: pickList } },
  {
    method: "get",
    path: "/orders/{id}/reorder-preview",
    tag: "Orders",
    summary: "Preview ordering the same again",
    description: "Every line at today's price and availability; lines that are inactive, out of stock, short of stock or changed in price are flagged with a message.",
    auth: true,
    response: { status: 200, description: "Reorder preview", schema: reorderPreview },
  },
  { method: "get", path: "/orders/{id}/delivery-photo", tag: "Orders", summary: "The proof-of-delivery photo", description: "404 when the delivery had no photo.", auth: true, response: { status: 200, description: "The photo", files: mediaTypes.images } },
];
