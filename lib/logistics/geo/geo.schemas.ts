// Input of a delivery location: a map pin (inside India) and receiving hours (HH:MM, IST). Shared by
// the staff and retailer forms, the server actions and the API.
import { z } from "zod";

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM (24-hour), e.g. 09:30");

export const locationInput = z
  .strictObject({
    latitude: z.number().min(6, "Must be inside India").max(37.6, "Must be inside India").nullable().optional(),
    longitude: z.number().min(68, "Must be inside India").max(97.5, "Must be inside India").nullable().optional(),
    receivingFrom: hhmm.nullable().optional(),
    receivingTo: hhmm.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const pair = (a: keyof typeof v, b: keyof typeof v, what: string) => {
      if (v[a] === undefined && v[b] === undefined) return;
      if ((v[a] ?? null) === null && (v[b] ?? null) !== null) ctx.addIssue({ code: "custom", path: [a], message: `Give both ${what} or neither` });
      if ((v[b] ?? null) === null && (v[a] ?? null) !== null) ctx.addIssue({ code: "custom", path: [b], message: `Give both ${what} or neither` });
    };
    pair("latitude", "longitude", "latitude and longitude");
    pair("receivingFrom", "receivingTo", "opening and closing times");
    if (v.receivingFrom && v.receivingTo && toMinutes(v.receivingFrom) >= toMinutes(v.receivingTo)) {
      ctx.addIssue({ code: "custom", path: ["receivingTo"], message: "Must be after the opening time" });
    }
  });

export type LocationInput = z.infer<typeof locationInput>;

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}
