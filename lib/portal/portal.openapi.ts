// OpenAPI operations of the retailer's portal home (lib/portal/get-my-home.ts).
import type { Operation } from "@/lib/http/openapi-operation";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const quantity = { type: "string", description: 'Decimal string with 3 places, e.g. "12.000"' };
const day = { type: "string", format: "date", description: "Calendar day in India, YYYY-MM-DD" };
const dateTime = { type: "string", format: "date-time" };
const nullableDateTime = { type: ["string", "null"], format: "date-time" };
const vendor = { type: "object", properties: { code: str, name: str } };

const myHome = {
  title: "MyHome",
  type: "object",
  properties: {
    asOf: day,
    dues: {
      type: "array",
      description: "Vendors owed money, the most overdue first",
      items: {
        type: "object",
        properties: {
          vendor,
          connectionId: str,
          outstanding: { ...money, description: "Ledger balance owed to the vendor (the statement's closing balance)" },
          overdue: { ...money, description: "The part of it past its due date" },
          nextDueDate: { type: ["string", "null"], format: "date", description: "Earliest due date still ahead of an open invoice or debit note" },
          openDocuments: { type: "integer" },
          payOnline: { type: "boolean", description: "The vendor takes payment online: the portal pays all owed through a pay link, an invoice through POST /me/invoices/{id}/checkout" },
        },
      },
    },
    onTheWay: {
      type: "array",
      description: "Packed orders on a scheduled delivery trip, then dispatched orders not yet delivered (the latest first)",
      items: {
        type: "object",
        properties: {
          id: str,
          number: str,
          vendor,
          stage: { enum: ["scheduled", "dispatched", "out_for_delivery"], description: "scheduled: packed and on a delivery trip that has not left; out_for_delivery while the trip carrying it is on the road" },
          dispatchedAt: nullableDateTime,
          grandTotal: money,
          lineCount: { type: "integer" },
          eta: { ...nullableDateTime, description: "ETA at the retailer's stop when the trip has one" },
          trip: { type: ["object", "null"], properties: { number: str, tripDate: day } },
          courier: { type: ["object", "null"], description: "A shipping partner's consignment", properties: { name: nullableStr, awbNumber: nullableStr, trackingUrl: nullableStr } },
        },
      },
    },
    usualItems: {
      type: "array",
      description: "Products ordered most over the last 90 days, at vendors the retailer can order from; add lastQuantity to the vendor's cart with POST /cart/{vendorCode}/items",
      items: {
        type: "object",
        properties: { vendor, productId: str, sku: str, name: str, unit: str, timesOrdered: { type: "integer" }, lastQuantity: quantity, lastOrderedAt: dateTime },
      },
    },
  },
};

export const portalOperations: Operation[] = [
  {
    method: "get",
    path: "/me/home",
    tag: "Retailer portal",
    summary: "My home: dues, orders on the way, usual items",
    description: "For retailer users. Per vendor owed: outstanding (the ledger balance), the overdue part, next due date and whether it takes payment online; dispatched orders not yet delivered with the ETA of the delivery trip when it has one; the products ordered most over the last 90 days with the last quantity ordered. Only the retailer's own connections; staff get 403.",
    auth: true,
    response: { status: 200, description: "The retailer's home", schema: myHome },
  },
];
