// The driver's updates from the phone: one shape for the driver pages and the mobile app.
import { z } from "zod";
import { numberFromText, optionalText, quantitySchema } from "@/lib/validation";

export const driverUpdateKinds = ["arrive", "deliver", "partly_deliver", "refused", "not_home"] as const;

const image = (types: readonly [string, ...string[]]) => z.strictObject({ contentType: z.enum(types as [string, ...string[]]), dataBase64: z.string().min(1, "Empty image").max(2_800_000, "Larger than 2 MB") });

export const driverUpdateInput = z
  .strictObject({
    /** Made on the phone for each update (a UUID); a replay with the same id applies nothing and answers the first result. */
    clientUpdateId: z.string({ error: "clientUpdateId is required" }).trim().min(8, "At least 8 characters").max(64, "At most 64 characters").regex(/^[A-Za-z0-9_.:-]+$/, "Letters, digits and _ . : - only"),
    kind: z.enum(driverUpdateKinds, { error: "Choose arrive, deliver, partly_deliver, refused or not_home" }),
    /** When it happened on the phone, with its offset. */
    occurredAt: z.iso.datetime({ offset: true, error: "Enter the time as an ISO date-time with offset" }),
    latitude: z.preprocess(numberFromText, z.number({ error: "A latitude in degrees" }).min(-90).max(90)).optional(),
    longitude: z.preprocess(numberFromText, z.number({ error: "A longitude in degrees" }).min(-180).max(180)).optional(),
    receivedBy: optionalText(120),
    /** The receiver's signature drawn on the phone (PNG from a canvas). */
    signature: image(["image/png"]).optional(),
    photo: image(["image/jpeg", "image/png", "image/webp"]).optional(),
    /** Delivered quantity per order line (partly_deliver; lines left out were delivered in full). */
    lines: z
      .array(z.strictObject({ orderLineId: z.string().trim().min(1, "Choose a line").max(64), deliveredQty: quantitySchema }))
      .max(500)
      .refine((ls) => new Set(ls.map((l) => l.orderLineId)).size === ls.length, "A line appears twice")
      .optional(),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "deliver" || v.kind === "partly_deliver") {
      if (!v.receivedBy) ctx.addIssue({ code: "custom", path: ["receivedBy"], message: "Who received the goods?" });
      if (!v.signature) ctx.addIssue({ code: "custom", path: ["signature"], message: "The receiver signs on the phone" });
    }
    if (v.kind === "partly_deliver" && !v.lines?.length) ctx.addIssue({ code: "custom", path: ["lines"], message: "Enter what was delivered per line" });
    if ((v.latitude === undefined) !== (v.longitude === undefined)) ctx.addIssue({ code: "custom", path: [v.latitude === undefined ? "latitude" : "longitude"], message: "Send latitude and longitude together" });
  });
export type DriverUpdateInput = z.input<typeof driverUpdateInput>;
export type DriverUpdateData = z.output<typeof driverUpdateInput>;

export const myTripsInput = z.strictObject({ date: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD").optional() });
