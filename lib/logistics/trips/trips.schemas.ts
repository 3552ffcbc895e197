// Delivery trip inputs: shared by the trip builder screens, the server actions and the REST routes.
import { z } from "zod";
import { booleanSchema, optionalText } from "@/lib/validation";

const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);
const day = z.string({ error: "Enter a date as YYYY-MM-DD" }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD");
const dateTime = z.iso.datetime({ offset: true, error: "Enter a date-time with its offset, e.g. 2026-12-06T08:30:00+05:30" });

export const tripStatuses = ["DRAFT", "SCHEDULED", "IN_TRANSIT", "COMPLETED", "CANCELLED"] as const;

export const createTripInput = z.strictObject({
  tripDate: day,
  depotWarehouseId: id("depot"),
  vehicleId: id("vehicle").nullish(),
  driverId: id("driver").nullish(),
  plannedDeparture: dateTime.nullish(),
  notes: optionalText(500),
});
export type CreateTripInput = z.input<typeof createTripInput>;

/** Vehicle, driver, departure and notes of a draft or scheduled trip (null clears). */
export const updateTripInput = z.strictObject({
  vehicleId: id("vehicle").nullish(),
  driverId: id("driver").nullish(),
  plannedDeparture: dateTime.nullish(),
  notes: optionalText(500),
});

export const addShipmentsInput = z.strictObject({
  shipmentIds: z
    .array(id("shipment"), { error: "Choose the shipments to load" })
    .min(1, "Choose at least one shipment")
    .max(100, "At most 100 shipments at a time")
    .refine((ids) => new Set(ids).size === ids.length, "A shipment appears twice"),
});

/** The stops in their new order: every stop of the trip, once. */
export const reorderStopsInput = z.strictObject({
  stopIds: z.array(id("stop"), { error: "Give the stops in their new order" }).min(1, "Give the stops in their new order").max(200),
});

export const lockInput = z.strictObject({ locked: booleanSchema });

export const cancelTripInput = z.strictObject({ reason: optionalText(500) });

/** Bringing a running trip back before every stop was reached: why, in a few words (kept on the trip). */
export const endTripInput = z.strictObject({ reason: z.string().trim().min(3, "Say why the trip comes back early").max(500) });

export const listTripsInput = z.strictObject({
  /** One IST day, or a from/to range. */
  date: day.optional(),
  from: day.optional(),
  to: day.optional(),
  status: z.enum(tripStatuses).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
