// OpenAPI operations of route planning.
import { z } from "zod";
import type { Operation } from "@/lib/http/openapi-operation";
import { moveStopInput, planDayInput } from "@/lib/logistics/planning/planning.schemas";
import { tripView } from "@/lib/logistics/trips/trips.openapi";

const unplaced = {
  type: "object",
  properties: {
    name: { type: "string" },
    city: { type: "string" },
    pincode: { type: "string" },
    reason: { enum: ["no_position", "capacity", "time_window", "too_far", "no_vehicle"] },
    detail: { type: "string" },
    shipmentIds: { type: "array", items: { type: "string" } },
    shipmentNumbers: { type: "array", items: { type: "string" } },
    weightKg: { type: "string" },
  },
};
const dayPlan = {
  title: "DayPlan",
  type: "object",
  properties: {
    tripDate: { type: "string", format: "date" },
    depot: { type: "object", properties: { id: { type: "string" }, code: { type: "string" }, name: { type: "string" }, position: { type: ["object", "null"], properties: { lat: { type: "number" }, lng: { type: "number" } } } } },
    trips: { type: "array", items: tripView },
    lastRun: {
      type: ["object", "null"],
      properties: {
        id: { type: "string" },
        createdAt: { type: "string", format: "date-time" },
        input: { type: "object", additionalProperties: true, description: "What the planner was asked (vehicles, shipments, options), as stored with the run" },
        stats: { type: "object", properties: { trips: { type: "integer" }, stops: { type: "integer" }, distanceKm: { type: "number" }, cost: { type: "number" }, loadMs: { type: "integer" }, solveMs: { type: "integer" }, writeMs: { type: "integer" }, totalMs: { type: "integer" }, iterations: { type: "integer" }, busyVehicles: { type: "array", items: { type: "string" } } } },
        unplaced: { type: "array", items: unplaced },
      },
    },
    waitingShipments: { type: "integer", description: "Ready shipments at the depot on no trip yet" },
  },
};

export const planningOperations: Operation[] = [
  {
    method: "get",
    path: "/route-plans",
    tag: "Delivery trips",
    summary: "A day's plan at a depot: its trips and the last planning run",
    auth: true,
    query: z.object({ tripDate: z.string().describe("YYYY-MM-DD"), depotWarehouseId: z.string() }),
    response: { status: 200, description: "Day plan", schema: dayPlan },
  },
  {
    method: "post",
    path: "/route-plans",
    tag: "Delivery trips",
    summary: "Plan the day: ready shipments onto draft trips for the chosen vehicles",
    description:
      "Takes every READY shipment at the depot that is on no trip (and those on the day's unlocked draft trips, which it rebuilds), groups them by door, and solves the routes: capacity in kg, m³ and crates, the shops' receiving windows, the shift. Locked trips stay as they are; a locked stop stays on its vehicle in its place. Shipments it cannot place are listed with the reason. With `iterations` the same seed gives the same plan; without, it searches for about a second.",
    auth: true,
    body: planDayInput,
    response: { status: 200, description: "The new day plan", schema: dayPlan },
  },
  {
    method: "post",
    path: "/trips/{id}/stops/{stopId}/move",
    tag: "Delivery trips",
    summary: "Move a stop to a place in another trip of the same day and depot (or its own)",
    description: "Both trips must be drafts or scheduled and the target's load must fit its vehicle (409 naming the dimension). ETAs of both trips are recomputed; the moved stop is locked so a re-plan keeps it there.",
    auth: true,
    body: moveStopInput,
    response: { status: 200, description: "Both trips after the move", schema: { type: "object", properties: { from: tripView, to: tripView } } },
  },
];
