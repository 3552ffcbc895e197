// OpenAPI operations for /api/v1/trips: delivery trips built by hand (or by the route planner) and their stops.
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { addShipmentsInput, cancelTripInput, createTripInput, endTripInput, listTripsInput, lockInput, reorderStopsInput, tripStatuses, updateTripInput } from "@/lib/logistics/trips/trips.schemas";

const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const nullableDateTime = { type: ["string", "null"], format: "date-time" };

export const tripStopView = {
  type: "object",
  properties: {
    id: str,
    sequence: { type: "integer", description: "1..n, the order of the stops" },
    retailerId: nullableStr,
    connectionId: nullableStr,
    name: str,
    addressLine: str,
    city: str,
    pincode: str,
    phone: nullableStr,
    latitude: nullableStr,
    longitude: nullableStr,
    windowStart: { ...nullableDateTime, description: "The retailer's receiving hours on the trip date (IST)" },
    windowEnd: nullableDateTime,
    eta: { ...nullableDateTime, description: "From the planned departure (or the start): road km at town speed plus time at each door" },
    legKm: nullableStr,
    locked: { type: "boolean" },
    status: { enum: ["PENDING", "ARRIVED", "DELIVERED", "PARTLY_DELIVERED", "REFUSED", "NOT_HOME", "SKIPPED"] },
    arrivedAt: nullableDateTime,
    completedAt: nullableDateTime,
    proof: {
      type: ["object", "null"],
      description: "The proof of delivery the driver recorded at this stop; the signature and photo are served by GET /trips/{id}/stops/{stopId}/proof/{signature|photo}",
      properties: {
        outcome: { enum: ["delivered", "partly_delivered", "refused"] },
        receivedBy: nullableStr,
        deliveredAt: { type: "string", format: "date-time" },
        hasSignature: { type: "boolean" },
        hasPhoto: { type: "boolean" },
        latitude: nullableStr,
        longitude: nullableStr,
        note: nullableStr,
        lines: { type: "array", items: { type: "object", properties: { orderId: str, orderLineId: str, name: str, ordered: str, delivered: str } } },
      },
    },
    shipments: { type: "array", items: { type: "object", properties: { id: str, number: str, status: str, packages: { type: "integer" }, weightKg: str, orders: { type: "array", items: { type: "object", properties: { id: str, number: str } } }, onThisTrip: { type: "boolean" } } } },
  },
};

export const tripView = {
  title: "Trip",
  type: "object",
  properties: {
    id: str,
    number: { type: "string", description: "TRP/26-27/00001 — also the LR number of its own-fleet shipments" },
    tripDate: { type: "string", format: "date" },
    status: { enum: [...tripStatuses] },
    depot: { type: "object", properties: { id: str, code: str, name: str, city: nullableStr } },
    vehicle: { type: ["object", "null"], properties: { id: str, registrationNo: str, type: str, label: nullableStr, capacityKg: str, capacityM3: str, capacityCrates: { type: ["integer", "null"] } } },
    driver: { type: ["object", "null"], properties: { id: str, name: str, phone: str } },
    plannedDeparture: nullableDateTime,
    locked: { type: "boolean" },
    plannedBy: { enum: ["manual", "planner"] },
    startedAt: nullableDateTime,
    completedAt: nullableDateTime,
    cancelledAt: nullableDateTime,
    notes: nullableStr,
    load: { type: "object", properties: { shipments: { type: "integer" }, packages: { type: "integer" }, weightKg: str, volumeM3: str, crates: { type: "integer" } } },
    stops: { type: "array", items: tripStopView },
    warnings: { type: "array", items: str, description: "Vehicle papers (RC, insurance, fitness, permit, PUC) or the driver's licence expired on the trip date: shown, never blocking" },
    availableActions: { type: "array", items: { enum: ["edit", "schedule", "start", "cancel", "end"] } },
  },
};

const body409 = "A completed, cancelled or running trip refuses changes (409 invalid_transition).";

export const tripsOperations: Operation[] = [
  { method: "get", path: "/trips", tag: "Delivery trips", summary: "Delivery trips, newest day first", description: "Filters: date (one IST day) or from/to, status.", auth: true, query: listTripsInput.pick({ date: true, from: true, to: true, status: true }), response: { status: 200, description: "A page of trips", schema: tripView, list: true } },
  { method: "post", path: "/trips", tag: "Delivery trips", summary: "Create a trip", description: "A DRAFT trip for a day from a depot warehouse; vehicle, driver and planned departure may follow.", auth: true, idempotent: true, body: createTripInput, response: { status: 201, description: "The trip", schema: tripView } },
  { method: "get", path: "/trips/{id}", tag: "Delivery trips", summary: "One trip with its stops, load and warnings", description: "Another company's trip is 404.", auth: true, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "patch", path: "/trips/{id}", tag: "Delivery trips", summary: "Set the vehicle, driver, planned departure or notes", description: `Draft or scheduled trips; a new vehicle must carry the load (409 naming the dimension). ${body409}`, auth: true, body: updateTripInput, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/shipments", tag: "Delivery trips", summary: "Load READY shipments", description: `One stop per consignee address (new stops go last, with the retailer's shop position and receiving window). A shipment is on at most one live trip (409 naming the other trip). Load is checked against the vehicle's kg, m³ and crates (409 naming the dimension). ${body409}`, auth: true, body: addShipmentsInput, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "delete", path: "/trips/{id}/shipments/{shipmentId}", tag: "Delivery trips", summary: "Take a shipment off the trip", description: `An emptied stop goes. ${body409}`, auth: true, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/reorder", tag: "Delivery trips", summary: "Put the stops in a new order", description: `Every stop once; a locked stop keeps its place (409). ETAs follow. ${body409}`, auth: true, body: reorderStopsInput, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/lock", tag: "Delivery trips", summary: "Lock or unlock the trip for the route planner", auth: true, body: lockInput, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/stops/{stopId}/lock", tag: "Delivery trips", summary: "Lock or unlock a stop at its place", auth: true, body: lockInput, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/schedule", tag: "Delivery trips", summary: "Schedule a draft trip", description: "Needs a vehicle, a driver and at least one stop, and a load within capacity. Own-fleet shipments get LR = trip number, LR date = trip date.", auth: true, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/start", tag: "Delivery trips", summary: "Start a scheduled trip (out for delivery)", description: "Every shipment is dispatched in one transaction (its orders' stock goes out). A taxable supply needs its invoice: 409 naming the order, and nothing moves. Expired vehicle papers or licence come back in `warnings`.", auth: true, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/cancel", tag: "Delivery trips", summary: "Cancel a draft or scheduled trip", description: "Its shipments are free for another trip.", auth: true, body: cancelTripInput, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "post", path: "/trips/{id}/end", tag: "Delivery trips", summary: "Bring a running trip back early", description: "For a breakdown, the weather or a driver taken ill: every stop not yet reached becomes SKIPPED and its shipments go back to READY at the depot for another trip (their orders stay dispatched: the goods are the buyer's once invoiced); the trip completes. 409 when the trip is not on the road or every stop is done.", auth: true, body: endTripInput, response: { status: 200, description: "The trip", schema: tripView } },
  { method: "get", path: "/trips/{id}/stops/{stopId}/proof/{kind}", tag: "Delivery trips", summary: "The signature or photo of a proof of delivery", description: "kind is signature or photo; 404 when the stop has no proof or the proof has no such image. Served inline with its own type (image/png, image/jpeg or image/webp).", auth: true, response: { status: 200, description: "The signature or photo", files: mediaTypes.images } },
];
