// The one rule for characters no text field may hold, applied wherever outside input enters: the
// route wrapper (JSON bodies, query strings, path parameters), parseInput (every domain function,
// so every server action and form), the shared text schemas and the CSV/XLSX reader.
//
// Refused: C0 controls except tab, newline and carriage return (NUL among them: PostgreSQL cannot
// store it in text or jsonb, so it used to surface as a 500), DEL, the C1 controls U+0080–U+009F
// (only ever the residue of a file decoded with the wrong encoding) and unpaired UTF-16 surrogates
// (not Unicode text at all; UTF-8 and PostgreSQL cannot encode them).
import { AppError, type FieldErrors } from "@/lib/errors";

/** Deeper JSON than this is refused outright: no form or API body of this product nests past a few levels. */
export const MAX_INPUT_DEPTH = 32;
const MAX_REPORTED = 100;

/** Index of the first forbidden character in `s`, or -1 when it is clean. One pass, no allocation. */
export function forbiddenCharAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    } else if (c < 0x7f) {
      continue;
    } else if (c <= 0x9f) {
      return i;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is one astral character (emoji); anything else is unpaired.
      if (c <= 0xdbff) {
        const next = s.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      return i;
    }
  }
  return -1;
}

export const hasForbiddenChars = (s: string) => forbiddenCharAt(s) !== -1;

/** The message shown next to a field, naming the character, e.g. "Contains a control character (U+0000) …". */
export function forbiddenCharMessage(s: string): string {
  const at = forbiddenCharAt(s);
  const code = s.charCodeAt(at);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return code >= 0xd800 && code <= 0xdfff
    ? `Contains an unpaired surrogate (${hex}), which is not valid Unicode text`
    : `Contains a control character (${hex}); only tab and line breaks are allowed`;
}

/**
 * Walks strings, arrays and plain objects (keys too) and returns the field errors for every
 * string holding a forbidden character, keyed by path as zod names them ("lines.0.note"), or
 * null when everything is clean. Other objects (Date, Decimal, File, Buffer) are not entered.
 */
export function findForbiddenChars(value: unknown, prefix: readonly (string | number)[] = []): FieldErrors | null {
  const state: Walk = { errors: null, count: 0, path: [...prefix] };
  walk(value, state, 0);
  return state.errors;
}

/** Throws a 422 `validation` error naming every field that holds a forbidden character (or nests too deeply). */
export function assertNoForbiddenChars(value: unknown, prefix: readonly (string | number)[] = []): void {
  const errors = findForbiddenChars(value, prefix);
  if (errors) throw forbiddenCharsError(errors);
}

/** The route wrapper's check of everything a request carries as text, before any handler runs. */
export function assertCleanRequest(parts: { body: unknown; query: URLSearchParams; params: Record<string, string> }): void {
  let errors = findForbiddenChars(parts.body);
  for (const [name, v] of parts.query) {
    if (hasForbiddenChars(name)) add((errors ??= {}), escapeKey(name), "Query parameter name " + lower(forbiddenCharMessage(name)));
    else if (hasForbiddenChars(v)) add((errors ??= {}), name, forbiddenCharMessage(v));
  }
  for (const [name, v] of Object.entries(parts.params)) {
    if (typeof v === "string" && hasForbiddenChars(v)) add((errors ??= {}), name, forbiddenCharMessage(v));
  }
  if (errors) throw forbiddenCharsError(errors);
}

export function forbiddenCharsError(errors: FieldErrors): AppError {
  const names = Object.keys(errors).filter((k) => k !== "_");
  const message = names.length ? `Invalid characters in: ${names.join(", ")}` : (errors._?.[0] ?? "Invalid characters in the input");
  return new AppError("validation", message, { fieldErrors: errors, status: 422 });
}

/**
 * The last line of defence, for text that reached a query without passing a door that checks it
 * (say an id argument of a server action): PostgreSQL's own refusal of NUL (22021 in text, 22P05 in
 * jsonb) becomes the same 422, without a field name, instead of an internal error. Nothing was
 * written: the statement failed, and with it its transaction.
 */
export function unstorableTextError(err: unknown): AppError | null {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null)?.meta?.driverAdapterError?.cause;
  if (cause?.originalCode !== "22021" && cause?.originalCode !== "22P05") return null;
  return forbiddenCharsError({ _: ["The input contains a character that cannot be stored, such as NUL; remove it"] });
}

// ---------------------------------------------------------------------------------------------

type Walk = { errors: FieldErrors | null; count: number; path: (string | number)[] };

function walk(value: unknown, state: Walk, depth: number): void {
  if (state.count >= MAX_REPORTED) return;
  if (typeof value === "string") {
    if (hasForbiddenChars(value)) report(state, forbiddenCharMessage(value));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return;
  if (depth >= MAX_INPUT_DEPTH) {
    report(state, `Nested more than ${MAX_INPUT_DEPTH} levels deep`);
    return;
  }
  if (isArray) {
    for (let i = 0; i < value.length; i++) {
      state.path.push(i);
      walk(value[i], state, depth + 1);
      state.path.pop();
    }
    return;
  }
  for (const key in value as Record<string, unknown>) {
    if (!Object.hasOwn(value, key)) continue;
    if (hasForbiddenChars(key)) {
      state.path.push(escapeKey(key));
      report(state, "Field name " + lower(forbiddenCharMessage(key)));
      state.path.pop();
      continue;
    }
    state.path.push(key);
    walk((value as Record<string, unknown>)[key], state, depth + 1);
    state.path.pop();
  }
}

function report(state: Walk, message: string) {
  state.count++;
  add((state.errors ??= {}), state.path.length ? state.path.join(".") : "_", message);
}

function add(errors: FieldErrors, path: string, message: string) {
  (errors[path] ??= []).push(message);
}

function isPlainObject(v: object) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A field name that itself holds forbidden characters, shown with them escaped ("a\\u0000b"). */
function escapeKey(key: string) {
  let out = "";
  for (let i = 0; i < key.length; i++) {
    const at = forbiddenCharAt(key.slice(i));
    if (at === -1) return out + key.slice(i);
    out += key.slice(i, i + at) + `\\u${key.charCodeAt(i + at).toString(16).padStart(4, "0")}`;
    i += at;
  }
  return out;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
