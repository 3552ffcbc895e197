// OpenAPI operations for /api/v1/shipments: shipments of packed orders, their dispatch and tracking.
import type { Operation } from "@/lib/http/openapi-operation";
import { addTrackingEventInput, cancelShipmentInput, createShipmentInput, dispatchShipmentInput, listShipmentsInput, shipmentStatuses } from "@/lib/logistics/shipments/shipments.schemas";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' };
const dateTime = { type: "string", format: "date-time" };
const nullableDateTime = { type: ["string", "null"], format: "date-time" };
const day = { type: ["string", "null"], format: "date", description: "YYYY-MM-DD" };

export const trackingEventView = {
  title: "TrackingEvent",
  type: "object",
  properties: {
    id: str,
    code: { type: "string", description: "created | dispatched | out_for_delivery | arrived | delivered | partly_delivered | refused | not_home | returned | in_transit | delayed | cancelled | note" },
    description: str,
    location: nullableStr,
    latitude: nullableStr,
    longitude: nullableStr,
    source: { enum: ["staff", "driver", "partner", "system"] },
    occurredAt: dateTime,
  },
};

export const shipmentView = {
  title: "Shipment",
  type: "object",
  properties: {
    id: str,
    number: { type: "string", description: "SHP/26-27/000001" },
    kind: { enum: ["SUPPLY", "STOCK_TRANSFER", "APPROVAL", "JOB_WORK"] },
    status: { enum: [...shipmentStatuses] },
    warehouse: { type: "object", properties: { id: str, code: str, name: str } },
    consignee: { type: "object", properties: { connectionId: nullableStr, retailerId: nullableStr, name: str, customerCode: nullableStr } },
    shipTo: { type: "object", properties: { name: str, line1: str, line2: nullableStr, city: str, stateCode: str, pincode: str } },
    packages: { type: "integer" },
    weightKg: { type: "string", description: 'Kilograms, "125.50"' },
    volumeM3: { type: "string", description: 'Cubic metres, "1.250"' },
    crates: { type: "integer" },
    declaredValue: { ...money, description: "The orders' totals with tax" },
    carrier: { type: "object", properties: { type: { enum: ["OWN_FLEET", "PARTNER"] }, courierName: nullableStr, awbNumber: nullableStr, trackingUrl: nullableStr } },
    lrNumber: { ...nullableStr, description: "Lorry receipt; own fleet: the trip number" },
    lrDate: day,
    trip: { type: ["object", "null"], properties: { id: str, number: str, status: { enum: ["DRAFT", "SCHEDULED", "IN_TRANSIT", "COMPLETED", "CANCELLED"] }, tripDate: str } },
    orders: { type: "array", items: { type: "object", properties: { id: str, number: str, status: str, grandTotal: money } } },
    events: { type: "array", items: trackingEventView, description: "Oldest first; append-only" },
    dispatchedAt: nullableDateTime,
    deliveredAt: nullableDateTime,
    cancelledAt: nullableDateTime,
    createdAt: dateTime,
    availableActions: { type: "array", items: { enum: ["dispatch", "cancel"] } },
  },
};

export const shipmentsOperations: Operation[] = [
  { method: "get", path: "/shipments", tag: "Shipments", summary: "Shipments, newest first", description: "Filters: status, from/to (IST creation day), q (number, consignee, city, LR, order number), unassigned=true (on no live trip).", auth: true, query: listShipmentsInput.pick({ status: true, from: true, to: true, q: true, unassigned: true }), response: { status: 200, description: "A page of shipments", schema: shipmentView, list: true } },
  { method: "post", path: "/shipments", tag: "Shipments", summary: "Create a shipment from packed orders", description: "One or more PACKED orders of one consignee (same connection and ship-to) and warehouse, each on no other shipment that is not cancelled (409). Carrier: own fleet. Status READY.", auth: true, idempotent: true, body: createShipmentInput, response: { status: 201, description: "The shipment", schema: shipmentView } },
  { method: "get", path: "/shipments/{id}", tag: "Shipments", summary: "One shipment with its orders and tracking events", description: "Another company's shipment is 404.", auth: true, response: { status: 200, description: "The shipment", schema: shipmentView } },
  { method: "post", path: "/shipments/{id}/cancel", tag: "Shipments", summary: "Cancel a READY shipment", description: "Its orders stay packed and can go on another shipment. A shipment on a trip is removed from the trip first (409).", auth: true, body: cancelShipmentInput, response: { status: 200, description: "The shipment", schema: shipmentView } },
  { method: "post", path: "/shipments/{id}/dispatch", tag: "Shipments", summary: "Dispatch a READY shipment", description: "Its orders are dispatched (stock out; vehicle and LR on their timeline). A taxable supply must be fully invoiced first: 409 naming the order (issue the invoice first). A shipment on a trip leaves when the trip starts (409).", auth: true, body: dispatchShipmentInput, response: { status: 200, description: "The shipment", schema: shipmentView } },
  { method: "get", path: "/shipments/{id}/events", tag: "Shipments", summary: "The shipment's tracking events, oldest first", auth: true, response: { status: 200, description: "Tracking events, oldest first", schema: { type: "object", properties: { data: { type: "array", items: trackingEventView } } } } },
  { method: "post", path: "/shipments/{id}/events", tag: "Shipments", summary: "Add a tracking event", description: "Staff record what a transporter reported (in transit, delayed, arrived, note).", auth: true, body: addTrackingEventInput, response: { status: 201, description: "The event", schema: trackingEventView } },
];
