// OpenAPI operations for shipping partners: accounts, rates and booking of a shipment, the tracking webhook.
import type { Operation } from "@/lib/http/openapi-operation";
import { addShippingAccountInput, bookShipmentInput, ratesQuery } from "@/lib/logistics/shipping/shipping.schemas";

const accountFields = {
  id: { type: "string" },
  provider: { enum: ["SHIPROCKET", "SANDBOX"] },
  label: { type: "string" },
  apiEmail: { type: "string" },
  apiPasswordSet: { const: true },
  webhookTokenSet: { const: true },
  webhookUrl: { type: "string", description: "Paste into Shiprocket → Settings → API → Webhooks, with the token as x-api-key" },
  webhookToken: { type: "string", description: "Only in the answer to POST (shown once)" },
  pickupLocation: { type: "string" },
  pickupPincode: { type: "string" },
  active: { type: "boolean" },
  verifiedAt: { type: ["string", "null"], format: "date-time" },
  lastError: { type: ["string", "null"] },
  lastWebhookAt: { type: ["string", "null"], format: "date-time", description: "When the partner's webhook last reached us" },
  lastPolledAt: { type: ["string", "null"], format: "date-time", description: "When tracking was last fetched from the partner" },
  createdAt: { type: "string", format: "date-time" },
};
const account = {
  title: "ShippingAccount",
  type: "object",
  required: Object.keys(accountFields).filter((k) => k !== "webhookToken"),
  properties: accountFields,
};
const verifiedAccount = { type: "object", required: [...account.required, "ok"], properties: { ...accountFields, ok: { type: "boolean", description: "The partner accepted the credentials" } } };
const option = { type: "object", properties: { courierId: { type: "string" }, courierName: { type: "string" }, price: { type: "string", description: "Rupees" }, etaDays: { type: ["integer", "null"] }, cod: { type: "boolean" } } };
const rates = {
  type: "object",
  properties: {
    shipment: {
      type: "object",
      properties: { id: { type: "string" }, number: { type: "string" }, status: { type: "string" }, weightKg: { type: "string" }, volumeM3: { type: "string" }, declaredValue: { type: "string", description: "Rupees" }, shipToPincode: { type: "string" }, cod: { type: "boolean" } },
    },
    ownFleet: {
      type: "object",
      properties: {
        distanceKm: { type: ["string", "null"], description: "Road km warehouse → consignee (haversine × 1.3), null without map positions" },
        options: { type: "array", items: { type: "object", properties: { vehicleId: { type: "string" }, registrationNo: { type: "string" }, label: { type: ["string", "null"] }, type: { enum: ["TWO_WHEELER", "THREE_WHEELER", "TEMPO", "LCV", "TRUCK", "CONTAINER", "OTHER"] }, fits: { type: "boolean", description: "The shipment fits the vehicle's capacity" }, estimatedCost: { type: ["string", "null"] }, basis: { type: "string" } } } },
      },
    },
    partners: { type: "array", items: { type: "object", properties: { accountId: { type: "string" }, label: { type: "string" }, provider: { type: "string" }, ok: { type: "boolean" }, options: { type: "array", items: option }, error: { type: ["string", "null"] } } } },
  },
};
const booking = {
  title: "ShipmentBooking",
  type: "object",
  properties: {
    id: { type: "string" },
    shipmentId: { type: "string" },
    shippingAccountId: { type: "string" },
    status: { enum: ["PENDING", "BOOKED", "FAILED", "CANCELLING", "CANCELLED"], description: "PENDING = booking… (the job has not got the AWB yet); CANCELLING = the partner is being told" },
    courierId: { type: "string" },
    courierName: { type: "string" },
    quotedPrice: { type: "string" },
    price: { type: ["string", "null"] },
    cod: { type: "boolean", description: "Cash on delivery" },
    awbNumber: { type: ["string", "null"] },
    labelUrl: { type: ["string", "null"] },
    attempts: { type: "integer" },
    lastError: { type: ["string", "null"] },
    bookedAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
  },
};

const T = "Shipping partners";

export const shippingOperations: Operation[] = [
  { method: "get", path: "/shipping-accounts", tag: T, summary: "List shipping partner accounts", auth: true, response: { status: 200, description: "Active first, then oldest first (not paged)", schema: { type: "object", properties: { data: { type: "array", items: account } } } } },
  { method: "post", path: "/shipping-accounts", tag: T, summary: "Add a shipping partner account", description: "Shiprocket: an API user's email and password (stored encrypted, never returned). The webhook token (generated when left out) is in this answer only. SANDBOX is the local shipping sandbox (not in production). Owners and admins only.", auth: true, idempotent: true, body: addShippingAccountInput, response: { status: 201, description: "The account with its webhook URL and token", schema: account } },
  { method: "get", path: "/shipping-accounts/{id}", tag: T, summary: "One shipping partner account", auth: true, response: { status: 200, description: "The account", schema: account } },
  { method: "post", path: "/shipping-accounts/{id}/verify", tag: T, summary: "Sign in at the partner with the stored credentials", description: "The result is kept as verifiedAt or lastError; `ok` says which.", auth: true, response: { status: 200, description: "The account and whether the partner accepted the credentials", schema: verifiedAccount } },
  { method: "post", path: "/shipping-accounts/{id}/disable", tag: T, summary: "Disable an account (no more rates or bookings through it)", auth: true, response: { status: 200, description: "The account", schema: account } },
  { method: "post", path: "/shipping-accounts/{id}/enable", tag: T, summary: "Enable an account again", auth: true, response: { status: 200, description: "The account", schema: account } },
  { method: "get", path: "/shipments/{id}/rates", tag: T, summary: "Own fleet and partner rates for a shipment", description: "Own fleet: every active vehicle, whether the shipment fits its capacity, and an estimated cost from its cost per km over the round trip (when the warehouse and the consignee have map positions) plus its cost per trip. Partners: the couriers of every active account for the shipment's PIN codes, weight and value; cod=true asks for cash on delivery.", auth: true, query: ratesQuery, response: { status: 200, description: "Rates", schema: rates } },
  { method: "post", path: "/shipments/{id}/book", tag: T, summary: "Book a READY shipment with a partner's courier", description: "Answers 202 with the booking PENDING: the partner is called by a background job after commit (with retries), which fills the AWB, courier and tracking link on the shipment and appends a tracking event; a refusal or the last failed attempt marks the booking FAILED with the reason, and the shipment can be booked again. Refused (409) for a shipment that is not READY, is on a trip, or is already booked.", auth: true, idempotent: true, body: bookShipmentInput, response: { status: 202, description: "The booking", schema: booking } },
  { method: "delete", path: "/shipments/{id}/book", tag: T, summary: "Cancel the partner booking before pickup", description: "Answers 202 with the booking CANCELLING; a job tells the partner and then gives the shipment back to the own fleet (AWB, courier and tracking link cleared). Refused (409) while the booking is still PENDING, for a shipment that has left the warehouse, or when there is no booking. A partner that refuses puts the booking back to BOOKED with the reason in lastError.", auth: true, response: { status: 202, description: "The booking", schema: booking } },
  { method: "get", path: "/shipments/{id}/book", tag: T, summary: "The shipment's partner booking", auth: true, response: { status: 200, description: "{ booking: ... | null }", schema: { type: "object", properties: { booking: { anyOf: [booking, { type: "null" }] } } } } },
];

const problem = { content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };

export const shippingWebhookPaths: Record<string, Record<string, unknown>> = {
  "/api/webhooks/shiprocket/{accountId}": {
    post: {
      tags: ["Webhooks"],
      summary: "Shiprocket tracking webhook",
      description:
        "Header x-api-key = the account's webhook token (compared in constant time before the body is read; missing or wrong: 401, nothing stored). Body: Shiprocket's tracking update { awb, current_status, current_timestamp, scans, … }. Each (AWB, status, timestamp) is stored once as a tracking event with source \"partner\"; the shipment's status follows forward only (delivered → DELIVERED, RTO / lost → UNDELIVERED, picked up / in transit → DISPATCHED). An unknown AWB is answered 200. No cookie, no bearer token.",
      operationId: "postShiprocketWebhook",
      security: [],
      parameters: [{ name: "accountId", in: "path", required: true, schema: { type: "string" } }],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", description: "Shiprocket tracking update" } } } },
      responses: {
        "200": {
          description: "Received",
          content: { "application/json": { schema: { type: "object", required: ["received", "matched"], properties: { received: { type: "boolean" }, matched: { type: "boolean", description: "The AWB is one of this account's shipments" }, duplicate: { type: "boolean", description: "This (AWB, status, timestamp) was stored before (only when matched)" } } } } },
        },
        "400": { description: "Not a tracking update", ...problem },
        "401": { description: "Missing or wrong x-api-key", ...problem },
        "404": { description: "No account at this URL", ...problem },
        "413": { description: "Body too large", ...problem },
        default: { description: "Any other error, as problem+json", ...problem },
      },
    },
  },
};
