// Inputs of route planning: plan the day, and move a stop by hand. Shared by the planner screen, its
// server actions and the REST routes.
import { z } from "zod";

const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);
const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour), e.g. 08:30");

export const planDayInput = z
  .strictObject({
    tripDate: z.string({ error: "Enter a date as YYYY-MM-DD" }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD"),
    depotWarehouseId: id("depot"),
    vehicleIds: z
      .array(id("vehicle"), { error: "Choose the vehicles to plan with" })
      .min(1, "Choose at least one vehicle")
      .max(30, "At most 30 vehicles")
      .refine((ids) => new Set(ids).size === ids.length, "A vehicle appears twice"),
    shiftStart: hhmm.default("09:00"),
    shiftEnd: hhmm.default("19:00"),
    minutesPerStop: z.number({ error: "Minutes per stop must be a number" }).int("Whole minutes").min(0).max(120).default(10),
    /** The same seed and iterations give the same plan; without iterations the planner works for about a second. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    iterations: z.number().int().min(1).max(200_000).optional(),
  })
  .refine((v) => v.shiftStart < v.shiftEnd, { path: ["shiftEnd"], message: "Must be after the shift start" });
export type PlanDayInput = z.input<typeof planDayInput>;

export const moveStopInput = z.strictObject({
  toTripId: id("trip"),
  /** 1-based place in the target trip's order; past the end means last. */
  position: z.number({ error: "Position must be a number" }).int("A whole number").min(1, "At least 1").max(500),
});
