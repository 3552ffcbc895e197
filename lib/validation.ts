// Parses domain input with its zod schema and turns failure into one `validation` AppError
// that names every bad field.
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error);
}

export function validationError(error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const p = [...issue.path, key].join(".");
        (fieldErrors[p] ??= []).push("Unknown field");
      }
      continue;
    }
    const p = issue.path.length ? issue.path.join(".") : "_";
    (fieldErrors[p] ??= []).push(issue.message);
  }
  const names = Object.keys(fieldErrors).filter((k) => k !== "_");
  const message = names.length ? `Invalid input: ${names.join(", ")}` : (fieldErrors._?.[0] ?? "Invalid input");
  return new AppError("validation", message, { fieldErrors });
}

/** Trims, and turns "" into undefined, so optional form fields can be left blank. */
export const optionalText = (max = 200) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v), z.string().max(max).nullable().optional());

export const requiredText = (label: string, max = 200) =>
  z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} is too long (max ${max})`);

export const emailSchema = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address"));

/** Money as a decimal string with at most 2 decimals ("250000" or "250000.50"); numbers accepted too. */
export const amountSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/,/g, ""))
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v), "Enter an amount in rupees, e.g. 250000 or 250000.50");

/** A quantity (pieces, kg, litres) as a decimal string with at most 3 decimals; numbers accepted too. */
export const quantitySchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/,/g, ""))
  .refine((v) => /^\d{1,11}(\.\d{1,3})?$/.test(v), "Enter a quantity, e.g. 12 or 2.5 (up to 3 decimals)");

/** A quantity that must be more than zero. */
export const positiveQuantitySchema = quantitySchema.refine((v) => Number(v) > 0, "Must be more than zero");
