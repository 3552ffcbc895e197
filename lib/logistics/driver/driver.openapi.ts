// OpenAPI operations for the driver's app (/api/v1/driver) and the credit-note drafts of short deliveries.
import { z } from "zod";
import type { Operation } from "@/lib/http/openapi-operation";
import { driverUpdateInput, myTripsInput } from "@/lib/logistics/driver/driver.schemas";
import { tripView } from "@/lib/logistics/trips/trips.openapi";
import { invoiceView } from "@/lib/billing/invoices.openapi";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };

const updateResult = { type: "object", properties: { stopId: str, stopStatus: str, tripId: str, tripStatus: str, kind: str, occurredAt: { type: "string", format: "date-time" }, replayed: { type: "boolean", description: "True when this is the stored answer to an earlier request with the same clientUpdateId" } } };
const stopView = {
  title: "DriverStop",
  type: "object",
  properties: {
    id: str, tripId: str, tripNumber: str, tripStatus: str, sequence: { type: "integer" }, stopsTotal: { type: "integer" }, name: str, addressLine: str, city: str, pincode: str, phone: nullableStr,
    callHref: { ...nullableStr, description: "tel: link" },
    navigateHref: { type: "string", description: "Google Maps directions to the position (or the address)" },
    geoHref: { ...nullableStr, description: "geo: link for the phone's map app" },
    windowStart: nullableStr, windowEnd: nullableStr, eta: nullableStr, status: str, arrivedAt: nullableStr, completedAt: nullableStr,
    orders: { type: "array", items: { type: "object", properties: { id: str, number: str, lines: { type: "array", items: { type: "object", properties: { orderLineId: str, name: str, unit: str, quantity: str } } } } } },
    proof: { type: ["object", "null"], description: "Proof of delivery, once done", properties: { outcome: str, receivedBy: nullableStr, deliveredAt: { type: "string", format: "date-time" }, hasSignature: { type: "boolean" }, hasPhoto: { type: "boolean" } } },
  },
};

const creditNoteDraft = {
  title: "CreditNoteDraft",
  type: "object",
  properties: {
    id: str,
    invoiceId: str,
    orderId: str,
    status: { enum: ["PENDING", "ISSUED", "DISMISSED"] },
    reason: { type: "string", description: "What happened at the stop" },
    lines: { type: "array", items: { type: "object", properties: { originalLineId: { type: "string", description: "The invoice line" }, quantity: str, name: str } } },
    issuedNoteId: nullableStr,
    createdAt: { type: "string", format: "date-time" },
  },
};

export const driverOperations: Operation[] = [
  { method: "get", path: "/driver/trips", tag: "Driver", summary: "My trips of a day", description: "The signed-in driver's scheduled, running and completed trips (today, IST, unless date=YYYY-MM-DD).", auth: true, query: myTripsInput, response: { status: 200, description: "My trips (availableActions is always empty for a driver)", schema: { type: "object", properties: { data: { type: "array", items: tripView } } } } },
  { method: "get", path: "/driver/trips/{id}", tag: "Driver", summary: "One of my trips with its stops in order", description: "Another driver's trip is 404.", auth: true, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "get", path: "/driver/trips/{id}/stops/{stopId}", tag: "Driver", summary: "A stop: what to hand over, call and navigate links", auth: true, response: { status: 200, description: "The stop", schema: stopView } },
  {
    method: "post",
    path: "/driver/trips/{id}/stops/{stopId}/updates",
    tag: "Driver",
    summary: "Arrive, deliver, partly deliver, refused or not home",
    description:
      "Idempotent and late-tolerant: each update carries a clientUpdateId (unique per driver) and its own occurredAt (not more than 5 minutes ahead of the server, not before the trip started). A replay answers the first result with replayed=true; the same id with another body is 422. deliver and partly_deliver need receivedBy and a PNG signature (base64); a photo is optional (JPEG/PNG/WebP, 2 MB). partly_deliver names the delivered quantity per order line; the rest comes back to the trip's depot and a credit-note draft is made. The first update of a scheduled trip starts it; the last stop done completes it. Bodies up to 6 MB.",
    auth: true,
    body: driverUpdateInput,
    response: { status: 200, description: "What happened", schema: updateResult },
  },
  { method: "get", path: "/credit-note-drafts", tag: "Invoices", summary: "Credit-note drafts from short or refused deliveries", description: "Pending by default; filters invoiceId, status (PENDING, ISSUED, DISMISSED).", auth: true, query: z.object({ invoiceId: z.string().optional(), status: z.enum(["PENDING", "ISSUED", "DISMISSED"]).optional().describe("Default PENDING") }), response: { status: 200, description: "Drafts, newest first (at most 200)", schema: { type: "object", properties: { data: { type: "array", items: creditNoteDraft } } } } },
  { method: "post", path: "/credit-note-drafts/{id}/issue", tag: "Invoices", summary: "Issue a credit-note draft", description: "Issues a RETURN credit note for the draft's lines and quantities on its invoice; 409 if it was already issued or dismissed.", auth: true, response: { status: 201, description: "The credit note", schema: invoiceView } },
  { method: "post", path: "/credit-note-drafts/{id}/dismiss", tag: "Invoices", summary: "Dismiss a credit-note draft", auth: true, response: { status: 200, description: "The draft", schema: creditNoteDraft } },
];
