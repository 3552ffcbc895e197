// Parses domain input with its zod schema and turns failure into one `validation` AppError
// that names every bad field.
import { z } from "zod";
import { assertNoForbiddenChars, forbiddenCharMessage, hasForbiddenChars } from "@/lib/control-chars";
import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * Every domain function's input passes here, so every action, form and API body is checked for
 * characters no field may hold (422 naming the field) before its schema runs.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertNoForbiddenChars(input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error);
}

export function validationError(error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  let forbiddenChars = false;
  for (const issue of error.issues) {
    if (issue.code === "custom" && issue.params?.[FORBIDDEN_CHARS] === true) forbiddenChars = true;
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
  return new AppError("validation", message, { fieldErrors, ...(forbiddenChars ? { status: 422 } : {}) });
}

const FORBIDDEN_CHARS = "forbiddenChars";

/**
 * The one shared string: a z.string() that refuses control characters other than tab and line
 * breaks, and unpaired surrogates (422 through parseInput). The text and email schemas below build
 * on it, so a schema used on its own (import rows, page filters) is safe too.
 */
export const textSchema = (params?: Parameters<typeof z.string>[0]) => z.string(params).superRefine(refuseForbiddenChars);

function refuseForbiddenChars(v: string, ctx: z.RefinementCtx) {
  if (hasForbiddenChars(v)) ctx.addIssue({ code: "custom", message: forbiddenCharMessage(v), params: { [FORBIDDEN_CHARS]: true } });
}

/** Trims, and turns "" into undefined, so optional form fields can be left blank. */
export const optionalText = (max = 200) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v), textSchema().max(max).nullable().optional());

export const requiredText = (label: string, max = 200) =>
  textSchema({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} is too long (max ${max})`);

export const emailSchema = textSchema({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address"));

/** Money as a decimal string with at most 2 decimals ("250000" or "250000.50"); numbers accepted too. */
export const amountSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/,/g, ""))
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v), "Enter an amount in rupees, e.g. 250000 or 250000.50");

/**
 * A selling price: an amount of more than zero (at most 2 decimals). A price of 0 or less is never
 * a price: a supply given free is a line marked free goods (lib/orders, lib/billing), so it is
 * explicit, never a price typed as 0 by accident. `label` names the field in the message.
 */
export const priceSchema = (label = "Price") =>
  z
    .union([z.string(), z.number()], { error: `Enter the ${label.toLowerCase()}` })
    .transform((v) => String(v).trim().replace(/,/g, ""))
    .superRefine((v, ctx) => {
      const message = priceIssue(v, label);
      if (message) ctx.addIssue({ code: "custom", message });
    });

/** What is wrong with a price typed as text, or null (the rule of priceSchema, for code that has a string in hand). */
export function priceIssue(v: string, label = "Price"): string | null {
  if (v === "") return `Enter the ${label.toLowerCase()}`;
  if (/^-\d*(\.\d*)?$/.test(v)) return `${label} cannot be negative`;
  if (/^0*(\.0*)?$/.test(v)) return `${label} must be more than zero`;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(v)) return `Enter the ${label.toLowerCase()} in rupees, e.g. 92 or 92.50`;
  return null;
}

/** A quantity (pieces, kg, litres) as a decimal string with at most 3 decimals; numbers accepted too. */
export const quantitySchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/,/g, ""))
  .refine((v) => /^\d{1,11}(\.\d{1,3})?$/.test(v), "Enter a quantity, e.g. 12 or 2.5 (up to 3 decimals)");

/** A quantity that must be more than zero. */
export const positiveQuantitySchema = quantitySchema.refine((v) => Number(v) > 0, "Must be more than zero");

const TRUE_WORDS = ["true", "yes", "y", "1", "on"];
const FALSE_WORDS = ["false", "no", "n", "0", "off", ""];

/** A yes/no field: true and false, or the words forms send ("on", "true", "false", ""); any other text is refused. */
export const booleanSchema = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const t = v.trim().toLowerCase();
  return TRUE_WORDS.includes(t) ? true : FALSE_WORDS.includes(t) ? false : v;
}, z.boolean({ error: "Choose yes or no" }));

/**
 * For z.preprocess before z.number(): a number's text ("30", " 2.5 ") becomes the number, as forms
 * send it; anything else is left for z.number() to refuse. Unlike z.coerce.number(), true, null,
 * "" and [] do not turn into 1 or 0.
 */
export const numberFromText = (v: unknown) => (typeof v === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);
