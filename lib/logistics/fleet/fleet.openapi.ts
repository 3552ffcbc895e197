// OpenAPI operations for /api/v1 routes of the fleet: vehicles and drivers.
import type { Operation } from "@/lib/http/openapi-operation";
import { createDriverInput, createVehicleInput, listFleetInput, updateDriverInput, updateVehicleInput } from "@/lib/logistics/fleet/fleet.schemas";

const nullable = (s: Record<string, unknown>) => ({ ...s, type: [s.type as string, "null"] });
const day = { type: "string", format: "date", description: "YYYY-MM-DD, the last day the document is valid" };
const warning = {
  type: "object",
  properties: {
    document: { enum: ["rc", "insurance", "fitness", "permit", "puc", "licence"] },
    label: { type: "string" },
    expiry: { type: "string", format: "date" },
    daysLeft: { type: "integer", description: "From today (India); negative: lapsed" },
    status: { enum: ["expired", "expiring"] },
    message: { type: "string" },
  },
};
const vehicle = {
  title: "Vehicle",
  type: "object",
  properties: {
    id: { type: "string" },
    registrationNo: { type: "string", description: "Normalised as the e-way bill system takes it: MH15AB1234, DL01CAB1234, 22BH1234AA" },
    type: { enum: ["TWO_WHEELER", "THREE_WHEELER", "TEMPO", "LCV", "TRUCK", "CONTAINER", "OTHER"] },
    label: nullable({ type: "string" }),
    ownership: { enum: ["OWN", "HIRED"] },
    transporterName: nullable({ type: "string" }),
    transporterId: nullable({ type: "string", description: "GSTIN or TRANSIN" }),
    capacityKg: { type: "string" },
    capacityM3: { type: "string" },
    capacityCrates: nullable({ type: "integer" }),
    costPerKm: nullable({ type: "string", description: "Rupees" }),
    costPerTrip: nullable({ type: "string", description: "Rupees" }),
    homeWarehouseId: nullable({ type: "string" }),
    homeWarehouse: { type: ["object", "null"], properties: { id: { type: "string" }, code: { type: "string" }, name: { type: "string" } }, description: "The depot it starts from" },
    rcExpiry: nullable(day),
    insuranceExpiry: nullable(day),
    fitnessExpiry: nullable(day),
    permitExpiry: nullable(day),
    pucExpiry: nullable(day),
    active: { type: "boolean" },
    notes: nullable({ type: "string" }),
    warnings: { type: "array", items: warning, description: "Documents lapsed or lapsing within 30 days" },
    documentStatus: { enum: ["ok", "expiring", "expired"] },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};
const driver = {
  title: "Driver",
  type: "object",
  properties: {
    id: { type: "string" },
    kind: { enum: ["EMPLOYEE", "EXTERNAL"] },
    name: { type: "string" },
    phone: { type: "string", description: "+91XXXXXXXXXX" },
    licenceNo: { type: "string", description: "Normalised: state + RTO + year + 7 digits" },
    licenceExpiry: nullable(day),
    userId: nullable({ type: "string" }),
    email: nullable({ type: "string" }),
    transporterName: nullable({ type: "string" }),
    active: { type: "boolean" },
    warnings: { type: "array", items: warning },
    documentStatus: { enum: ["ok", "expiring", "expired"] },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const T = "Fleet";

export const fleetOperations: Operation[] = [
  { method: "get", path: "/vehicles", tag: T, summary: "List vehicles", description: "status: active (default), inactive or all; q matches the registration number, label and transporter; attention=true keeps those with a document lapsed or lapsing within 30 days.", auth: true, query: listFleetInput, response: { status: 200, description: "A page of vehicles", schema: vehicle, list: true } },
  { method: "post", path: "/vehicles", tag: T, summary: "Add a vehicle", description: "The registration number is checked against every format the e-way bill system takes (state series, Bharat series, temporary, defence, Bhutan, Nepal) and stored normalised (upper case, no spaces or dashes, a 1-digit RTO zero-padded). A hired vehicle names its transporter; the transporter id is a GSTIN or TRANSIN with its check character.", auth: true, idempotent: true, body: createVehicleInput, response: { status: 201, description: "The vehicle", schema: vehicle } },
  { method: "get", path: "/vehicles/{id}", tag: T, summary: "One vehicle", auth: true, response: { status: 200, description: "The vehicle", schema: vehicle } },
  { method: "patch", path: "/vehicles/{id}", tag: T, summary: "Change a vehicle", auth: true, body: updateVehicleInput, response: { status: 200, description: "The vehicle", schema: vehicle } },
  { method: "post", path: "/vehicles/{id}/deactivate", tag: T, summary: "Take a vehicle out of service", auth: true, response: { status: 200, description: "The vehicle", schema: vehicle } },
  { method: "post", path: "/vehicles/{id}/activate", tag: T, summary: "Put a vehicle back in service", auth: true, response: { status: 200, description: "The vehicle", schema: vehicle } },
  { method: "get", path: "/drivers", tag: T, summary: "List drivers", description: "status: active (default), inactive or all; q matches name, phone and licence; attention=true keeps those whose licence lapsed or lapses within 30 days.", auth: true, query: listFleetInput, response: { status: 200, description: "A page of drivers", schema: driver, list: true } },
  { method: "post", path: "/drivers", tag: T, summary: "Add a driver", description: "userId links an existing staff member; inviteEmail adds a new employee with the DRIVER role (needs employees.write) who gets an email to set a password; otherwise an external driver with transporterName. Phone: an Indian mobile number; licence: state + RTO + year + 7 digits.", auth: true, idempotent: true, body: createDriverInput, response: { status: 201, description: "The driver", schema: driver } },
  { method: "get", path: "/drivers/{id}", tag: T, summary: "One driver", auth: true, response: { status: 200, description: "The driver", schema: driver } },
  { method: "patch", path: "/drivers/{id}", tag: T, summary: "Change a driver's name, phone, licence or transporter", auth: true, body: updateDriverInput, response: { status: 200, description: "The driver", schema: driver } },
  { method: "post", path: "/drivers/{id}/deactivate", tag: T, summary: "Take a driver off the roster", auth: true, response: { status: 200, description: "The driver", schema: driver } },
  { method: "post", path: "/drivers/{id}/activate", tag: T, summary: "Put a driver back on the roster", auth: true, response: { status: 200, description: "The driver", schema: driver } },
];
