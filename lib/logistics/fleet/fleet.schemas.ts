// Fleet input: vehicles and drivers, and the list queries. Shared by the forms, the server actions and the
// REST routes; the identifier formats are in ./formats.ts.
import { z } from "zod";
import { VehicleOwnership, VehicleType } from "@/lib/generated/prisma/enums";
import { daySchema } from "@/lib/inventory/inventory.schemas";
import { parseIndianMobile, parseLicenceNumber, parseTransporterId, parseVehicleNumber } from "@/lib/logistics/fleet/formats";
import { amountSchema, emailSchema, optionalText, quantitySchema, requiredText, textSchema } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToNull, s.nullable().optional());

/** A parse function of ./formats.ts as a zod string that becomes the normalised value, or says what is wrong. */
function formatted(required: string, parse: (raw: string) => { ok: true; value: string } | { ok: false; error: string }) {
  return textSchema({ error: required }).transform((raw, ctx) => {
    const r = parse(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  });
}

export const vehicleNumberSchema = formatted("Enter the registration number", parseVehicleNumber);
export const licenceNumberSchema = formatted("Enter the driving licence number", (raw) => parseLicenceNumber(raw));
export const mobileSchema = formatted("Enter the mobile number", parseIndianMobile);
export const transporterIdSchema = formatted("Enter the transporter id", parseTransporterId);

const capacitySchema = quantitySchema.refine((v) => Number(v) > 0, "Must be more than zero").refine((v) => Number(v) < 1e8, "Too large");
const cratesSchema = z.preprocess((v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v), z.number({ error: "Enter a whole number of crates" }).int("Enter a whole number of crates").min(1, "At least 1").max(100_000, "Too many"));
const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);

const vehicleFields = {
  registrationNo: vehicleNumberSchema,
  type: z.enum(VehicleType, { error: "Choose the vehicle type" }),
  label: optionalText(80),
  ownership: z.enum(VehicleOwnership, { error: "Choose own or hired" }),
  transporterName: optionalText(120),
  transporterId: optional(transporterIdSchema),
  capacityKg: capacitySchema,
  capacityM3: capacitySchema,
  capacityCrates: optional(cratesSchema),
  costPerKm: optional(amountSchema),
  costPerTrip: optional(amountSchema),
  homeWarehouseId: optional(id("warehouse")),
  rcExpiry: optional(daySchema),
  insuranceExpiry: optional(daySchema),
  fitnessExpiry: optional(daySchema),
  permitExpiry: optional(daySchema),
  pucExpiry: optional(daySchema),
  notes: optionalText(500),
};

/** A hired vehicle names its transporter; an own vehicle has none. */
function transporterRule(v: { ownership?: "OWN" | "HIRED"; transporterName?: string | null; transporterId?: string | null }, ctx: z.RefinementCtx) {
  if (v.ownership === "HIRED" && !v.transporterName) ctx.addIssue({ code: "custom", path: ["transporterName"], message: "A hired vehicle needs its transporter's name" });
  if (v.ownership === "OWN" && v.transporterName) ctx.addIssue({ code: "custom", path: ["transporterName"], message: "Only a hired vehicle has a transporter" });
  if (v.ownership === "OWN" && v.transporterId) ctx.addIssue({ code: "custom", path: ["transporterId"], message: "Only a hired vehicle has a transporter id" });
}

export const createVehicleInput = z.strictObject(vehicleFields).superRefine(transporterRule);
export type CreateVehicleInput = z.input<typeof createVehicleInput>;
export const updateVehicleInput = z.strictObject(vehicleFields).partial();
export type UpdateVehicleInput = z.input<typeof updateVehicleInput>;
export { transporterRule };

export const fleetStatusAction = z.enum(["deactivate", "activate"], { error: "Action must be deactivate or activate" });

export const listFleetInput = z.strictObject({
  status: z.enum(["active", "inactive", "all"]).default("active"),
  q: z.string().trim().max(100).optional(),
  /** Only those with a document lapsed or lapsing within 30 days. */
  attention: z.enum(["true", "false"]).optional(),
});

// ── Drivers ──

const driverFields = {
  name: optionalText(120),
  phone: mobileSchema,
  licenceNo: licenceNumberSchema,
  licenceExpiry: optional(daySchema),
  /** An existing staff member of the company (their user id): they sign in to the driver pages. */
  userId: optional(id("staff member")),
  /** Invite a new employee with the DRIVER role and link them (they get an email to set a password). */
  inviteEmail: optional(emailSchema),
  /** An external driver: the hired transporter they drive for. */
  transporterName: optionalText(120),
};

export const createDriverInput = z.strictObject(driverFields).superRefine((v, ctx) => {
  if (v.userId && v.inviteEmail) ctx.addIssue({ code: "custom", path: ["inviteEmail"], message: "Either link a staff member or invite a new one, not both" });
  if (!v.userId && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Name is required" });
  if (!v.userId && !v.inviteEmail && !v.transporterName) ctx.addIssue({ code: "custom", path: ["transporterName"], message: "An external driver needs the transporter they drive for (or link a staff member)" });
  if ((v.userId || v.inviteEmail) && v.transporterName) ctx.addIssue({ code: "custom", path: ["transporterName"], message: "An employee driver has no transporter" });
});
export type CreateDriverInput = z.input<typeof createDriverInput>;

export const updateDriverInput = z.strictObject({
  name: requiredText("Name", 120).optional(),
  phone: mobileSchema.optional(),
  licenceNo: licenceNumberSchema.optional(),
  licenceExpiry: optional(daySchema),
  transporterName: optionalText(120),
});
export type UpdateDriverInput = z.input<typeof updateDriverInput>;
