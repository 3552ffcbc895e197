// OpenAPI operations for e-way bills: generate (from an invoice, challan or shipment), Part B, transporter,
// extension, cancellation, the trip-wide Part B update and the settings.
import type { Operation } from "@/lib/http/openapi-operation";
import { cancelEwayBillInput, extendValidityInput, generateEwayBillInput, listEwayBillsInput, shipmentEwayBillsInput, tripPartBInput, updateEwayBillSettingsInput, updatePartBInput, updateTransporterInput } from "./ewaybills.schemas";

const TAG = "E-way bills";
export const ewayBillViewSchema = {
  title: "EwayBill",
  type: "object",
  properties: {
    id: { type: "string" },
    ewbNo: { type: ["string", "null"], description: "12 digits, once generated" },
    status: { enum: ["PENDING", "GENERATED", "CANCELLED", "EXPIRED", "FAILED"] },
    docType: { enum: ["INV", "CHL"] },
    docNo: { type: "string" },
    docDate: { type: "string", format: "date" },
    invoice: { type: ["object", "null"], properties: { id: { type: "string" }, number: { type: "string" } }, description: "The tax invoice it moves goods on (docType INV)" },
    challan: { type: ["object", "null"], properties: { id: { type: "string" }, number: { type: "string" } }, description: "The delivery challan it moves goods on (docType CHL)" },
    shipment: { type: ["object", "null"], properties: { id: { type: "string" }, number: { type: "string" }, status: { type: "string" }, shipToName: { type: "string" } } },
    ewbDate: { type: ["string", "null"], format: "date-time" },
    validUntil: { type: ["string", "null"], format: "date-time", description: "Null until Part B is entered" },
    expiringSoon: { type: "boolean", description: "Generated and running out within 8 hours" },
    distanceKm: { type: "integer" },
    odc: { type: "boolean", description: "Over-dimensional cargo (validity counted at 20 km a day)" },
    transMode: { type: ["integer", "null"], description: "1 road, 2 rail, 3 air, 4 ship" },
    vehicleNo: { type: ["string", "null"] },
    transporterId: { type: ["string", "null"] },
    transporterName: { type: ["string", "null"] },
    transDocNo: { type: ["string", "null"] },
    transDocDate: { type: ["string", "null"], format: "date" },
    fromPlace: { type: "string" },
    fromStateCode: { type: "string" },
    totalValue: { type: "string", description: "Decimal rupees" },
    provider: { enum: ["sandbox", "nic"], description: "sandbox = the local e-way bill sandbox (not reported to GSTN)" },
    pending: { type: "boolean", description: "An operation is waiting for the e-way bill system" },
    extendedTimes: { type: "integer", description: "How often the validity was extended" },
    lastError: { type: ["string", "null"] },
    cancelledAt: { type: ["string", "null"], format: "date-time" },
    cancelReason: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
    vehicles: {
      type: "array",
      description: "Part B history, oldest first",
      items: {
        type: "object",
        properties: {
          vehicleNo: { type: ["string", "null"] },
          transMode: { type: "integer", description: "1 road, 2 rail, 3 air, 4 ship" },
          transDocNo: { type: ["string", "null"] },
          transDocDate: { type: ["string", "null"], format: "date" },
          fromPlace: { type: "string" },
          fromStateCode: { type: "string" },
          reasonCode: { type: ["integer", "null"], description: "1 break down, 2 trans-shipment, 3 others, 4 first time; null for the Part B given at generation" },
          reasonRem: { type: ["string", "null"] },
          validUntil: { type: ["string", "null"], format: "date-time", description: "Validity after this update" },
          enteredAt: { type: "string", format: "date-time" },
        },
      },
    },
    operations: {
      type: "array",
      description: "Requests to the e-way bill system, newest first (at most 20)",
      items: { type: "object", properties: { id: { type: "string" }, action: { enum: ["GENERATE", "VEHICLE", "TRANSPORTER", "EXTEND", "CANCEL"] }, status: { enum: ["PENDING", "DONE", "FAILED"] }, error: { type: ["string", "null"] }, createdAt: { type: "string", format: "date-time" }, doneAt: { type: ["string", "null"], format: "date-time" } } },
    },
  },
};
const settingsView = {
  title: "EwayBillSettings",
  type: "object",
  properties: {
    mode: { enum: ["SANDBOX", "NIC"] },
    baseUrl: { type: ["string", "null"] },
    username: { type: ["string", "null"] },
    clientId: { type: ["string", "null"] },
    passwordSet: { type: "boolean" },
    clientSecretSet: { type: "boolean" },
    publicKeySet: { type: "boolean" },
    threshold: { type: "string" },
    stateThresholds: { type: "object", additionalProperties: { type: "string" } },
    defaultStateThresholds: { type: "object", additionalProperties: { type: "string" } },
  },
};
const queued = "logistics.write. Checked now (409 in words when the e-way bill system's rules refuse it), then sent by a background job; the answer is the bill with pending = true.";

export const ewayBillOperations: Operation[] = [
  { method: "get", path: "/eway-bills", tag: TAG, summary: "List e-way bills", description: "logistics.read. Filters: status, expiring=1 (generated, running out within 8 hours, soonest first), shipmentId, q (number, document, vehicle). Also returns expiringCount.", auth: true, query: listEwayBillsInput.pick({ q: true, status: true, expiring: true, shipmentId: true }), response: { status: 200, description: "A page of e-way bills", schema: ewayBillViewSchema, list: true, pageExtra: { expiringCount: { type: "integer", description: "Generated bills running out within 8 hours" } } } },
  {
    method: "post",
    path: "/eway-bills",
    tag: TAG,
    summary: "Ask for an e-way bill of an invoice, a challan or a shipment's document",
    description: `logistics.write. Built from the document and the shipment (dispatch-from warehouse, ship-to; Part B from vehicleNo, else the trip's vehicle, with the LR — own fleet: the trip number). The GENEWAYBILL JSON is validated strictly; problems are 400 naming the field and nothing is stored. One live bill per document (409). ${queued}`,
    auth: true,
    idempotent: true,
    body: generateEwayBillInput,
    response: { status: 202, description: "The bill, PENDING", schema: ewayBillViewSchema },
  },
  { method: "get", path: "/eway-bills/{id}", tag: TAG, summary: "One e-way bill with its Part B history", auth: true, response: { status: 200, description: "The bill", schema: ewayBillViewSchema } },
  { method: "post", path: "/eway-bills/{id}/part-b", tag: TAG, summary: "Update Part B (VEHEWB)", description: `Reason 1 break down, 2 trans-shipment, 3 others, 4 first time. Refused on cancelled or expired bills. ${queued}`, auth: true, body: updatePartBInput, response: { status: 202, description: "The bill", schema: ewayBillViewSchema } },
  { method: "post", path: "/eway-bills/{id}/transporter", tag: TAG, summary: "Change the transporter (UPDATETRANSPORTER)", description: queued, auth: true, body: updateTransporterInput, response: { status: 202, description: "The bill", schema: ewayBillViewSchema } },
  { method: "post", path: "/eway-bills/{id}/extend", tag: TAG, summary: "Extend the validity (EXTENDVALIDITY)", description: `Only from 8 hours before to 8 hours after expiry. Reasons 1 natural calamity, 2 law and order, 4 transshipment, 5 accident, 99 others; consignment M (in movement) or T (in transit, with the address). ${queued}`, auth: true, body: extendValidityInput, response: { status: 202, description: "The bill", schema: ewayBillViewSchema } },
  { method: "post", path: "/eway-bills/{id}/cancel", tag: TAG, summary: "Cancel (CANEWB)", description: `Only within 24 hours of generation. Reasons 1 duplicate, 2 order cancelled, 3 data entry mistake, 4 others. ${queued}`, auth: true, body: cancelEwayBillInput, response: { status: 202, description: "The bill", schema: ewayBillViewSchema } },
  { method: "post", path: "/eway-bills/shipments/{shipmentId}", tag: TAG, summary: "E-way bills for every document of a shipment that needs one", description: `By value threshold (per state, configurable) and job work rules; documents with a live bill are skipped. ${queued}`, auth: true, body: shipmentEwayBillsInput, response: {
      status: 202,
      description: "What was queued and what was not",
      schema: {
        type: "object",
        properties: {
          queued: { type: "array", items: ewayBillViewSchema, description: "Bills asked for, pending" },
          notRequired: { type: "array", items: { type: "object", properties: { docNo: { type: "string" }, why: { type: "string" } } } },
          alreadyLive: { type: "array", items: { type: "string" }, description: "Document numbers that already have a live bill" },
        },
      },
    },
  },
  { method: "post", path: "/eway-bills/trips/{tripId}/part-b", tag: TAG, summary: "Part B of every live e-way bill on a trip's shipments from the trip's vehicle", description: `Trip number as LR, trip date, from the depot; first time (4) for bills without a vehicle, else the reason given (default 3). ${queued}`, auth: true, body: tripPartBInput, response: {
      status: 202,
      description: "What was queued and what was skipped",
      schema: {
        type: "object",
        properties: {
          queued: { type: "array", items: { type: "string" }, description: "Ids of the bills whose Part B update is queued" },
          skipped: { type: "array", items: { type: "object", properties: { ewbNo: { type: ["string", "null"] }, why: { type: "string" } } } },
        },
      },
    },
  },
  { method: "get", path: "/eway-bills/settings", tag: TAG, summary: "E-way bill settings (credentials shown only as set / not set)", auth: true, response: { status: 200, description: "Settings", schema: settingsView } },
  { method: "patch", path: "/eway-bills/settings", tag: TAG, summary: "Change the e-way bill system, NIC credentials and thresholds", description: "company.write or billing.write. password and clientSecret are write-only (stored encrypted); omit to keep, null to clear. stateThresholds replaces the built-in intra-state table per state code.", auth: true, body: updateEwayBillSettingsInput, response: { status: 200, description: "Settings", schema: settingsView } },
];
