// The one input of every GST return read: the portal's return period (fp = MMYYYY) and whether
// the company files monthly or quarterly (a quarter is asked for by its last month).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { parseReturnPeriod, type ReturnPeriod } from "./period";

export const gstReturnInput = z.strictObject({
  fp: z.string({ error: "Give the return period as fp=MMYYYY, e.g. 112026" }).describe("Return period MMYYYY (a quarter: its last month, e.g. 122026)"),
  frequency: z.enum(["monthly", "quarterly"]).default("monthly").describe("monthly (default) or quarterly (QRMP)"),
});
export type GstReturnInput = z.input<typeof gstReturnInput>;

/** The period asked for, or a 422 naming `fp` (or `frequency`). */
export function readReturnPeriod(input: unknown): ReturnPeriod {
  let data: z.infer<typeof gstReturnInput>;
  try {
    data = parseInput(gstReturnInput, input);
  } catch (err) {
    if (err instanceof AppError) throw new AppError("validation", err.message, { fieldErrors: err.fieldErrors, status: 422 });
    throw err;
  }
  const period = parseReturnPeriod(data.fp, data.frequency);
  if (!period) {
    const why = data.frequency === "quarterly" && /^(0[1-9]|1[0-2])20\d{2}$/.test(data.fp) ? "a quarter is asked for by its last month: 03, 06, 09 or 12" : "MMYYYY of a month from July 2017, e.g. 112026";
    throw new AppError("validation", `fp must be ${why}`, { fieldErrors: { fp: [`Must be ${why}`] }, status: 422 });
  }
  return period;
}

/** The return period of a request: fp and frequency from the query string (other parameters ignored). */
export function periodQuery(url: URL): Record<string, string | undefined> {
  return { fp: url.searchParams.get("fp") ?? undefined, frequency: url.searchParams.get("frequency") ?? undefined };
}
