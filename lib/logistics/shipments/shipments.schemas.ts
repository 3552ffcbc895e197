// Shipment inputs: shared by the screens, the server actions and the REST routes.
import { z } from "zod";
import { numberFromText, optionalText, quantitySchema, requiredText } from "@/lib/validation";

const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD");
const count = (label: string, min: number, max: number) =>
  z.preprocess(numberFromText, z.number({ error: `Enter the ${label}` }).int(`${label} must be a whole number`).min(min, `At least ${min} ${label}`).max(max, `At most ${max} ${label}`));

export const shipmentStatuses = ["READY", "DISPATCHED", "DELIVERED", "PARTLY_DELIVERED", "UNDELIVERED", "CANCELLED"] as const;

/** One or more packed orders of one consignee (connection and ship-to) from one warehouse. */
export const createShipmentInput = z.strictObject({
  orderIds: z
    .array(id("order"), { error: "Choose the packed orders to ship" })
    .min(1, "Choose at least one packed order")
    .max(50, "A shipment can carry at most 50 orders")
    .refine((ids) => new Set(ids).size === ids.length, "An order appears twice"),
  packages: count("packages", 1, 10_000).default(1),
  weightKg: quantitySchema.default("0"),
  volumeM3: quantitySchema.default("0"),
  crates: count("crates", 0, 10_000).default(0),
  notes: optionalText(500),
});
export type CreateShipmentInput = z.input<typeof createShipmentInput>;
export type CreateShipmentData = z.output<typeof createShipmentInput>;

export const listShipmentsInput = z.strictObject({
  status: z.enum(shipmentStatuses).optional(),
  /** IST days of creation, inclusive. */
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(100).optional(),
  /** Only shipments on no live trip (the trip builder's list). */
  unassigned: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListShipmentsInput = z.input<typeof listShipmentsInput>;

export const cancelShipmentInput = z.strictObject({ reason: optionalText(500) });

/** Dispatch by hand (own fleet without a trip, or a vehicle of a transporter): the vehicle and the LR go to the orders' timeline. */
export const dispatchShipmentInput = z.strictObject({
  vehicleNumber: optionalText(20),
  lrNumber: optionalText(20),
  lrDate: day.optional(),
  note: optionalText(500),
});

/** A tracking event added by staff (a call from the transporter, a partner's status read out). */
export const addTrackingEventInput = z.strictObject({
  code: z.enum(["in_transit", "delayed", "arrived", "note"], { error: "Choose what happened" }),
  description: requiredText("Description", 300),
  location: optionalText(120),
  occurredAt: z.iso.datetime({ offset: true, error: "Enter the time as an ISO date-time" }).optional(),
});
