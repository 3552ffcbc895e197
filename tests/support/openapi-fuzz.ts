// Bad inputs for the API fuzz test (tests/integration/api-fuzz.test.ts), generated from the OpenAPI
// document: which operations there are, which route module serves each, a plausible body for each
// request schema and, from it, the cases: one bad value at a time, every field at once with each
// forbidden character, and whole bodies that are wrong. Each case is "certain" (invalid for sure:
// 4xx and nothing written) or "maybe" (may be valid: never 5xx).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "@/lib/http/openapi";

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, Schema>;
};
export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Op = { method: string; path: string; params: string[]; body?: Schema; retailer: boolean };
type Leaf = { path: (string | number)[]; schema: Schema; required: boolean };
/** certain: the input is wrong for sure, so 4xx and nothing written; maybe: it may be valid, so never 5xx. */
export type Case = { name: string; kind: "certain" | "maybe"; body?: unknown; raw?: string; contentType?: string; query?: string; params?: Record<string, string>; expectFields?: string[]; echo?: { path: (string | number)[]; value: string } };

export const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string }[] }>> };
const WRITES = new Set(["post", "put", "patch", "delete"]);
/** Documented leniencies: a null here means "use the default" (the form's blank field), so it may succeed. */
const NULL_MEANS_DEFAULT = new Set(["PUT /price-lists/{id}/items slabs.0.minQty"]);
const APP = path.resolve(import.meta.dirname, "../../app");

/** Row ids of the seeded company by path segment ("orders:id") or body field (lower-cased "productid"), and the tokens to call with. */
export const fuzzState = { ids: {} as Record<string, string>, staffToken: "", retailerToken: "" };
const ids = fuzzState.ids;

// ---------------------------------------------------------------------------------------------
// Cases

const BAD_TEXT = {
  nul: "a\u0000b",
  surrogate: "x\uD800y",
  escape: "red\u001b[31m",
  c1: "x\u0085y",
};
const LONG = "x".repeat(10_000);
const WEIRD = "Café 😀 e\u0301\u0327 🇮🇳 आटा";

export function casesFor(op: Op, names: Record<string, string>): Case[] {
  const cases: Case[] = [];
  const params = paramsFor(op);
  // Query strings and path parameters go through the same check as bodies.
  cases.push({ name: "NUL in the query string", kind: "certain", query: "q=%00&limit=5", body: op.body ? base(op.body) : undefined, expectFields: ["q"] });
  if (op.params.length) cases.push({ name: "NUL in a path parameter", kind: "certain", params: { ...params, [op.params[0]]: "x\u0000" }, body: op.body ? base(op.body) : undefined, expectFields: [names[op.params[0]] ?? op.params[0]] });
  if (!op.body) {
    // Routes that take no body still parse a JSON one (and name the field); upload routes read bytes and refuse it their own way.
    cases.push({ name: "JSON body with NUL on a route without a body", kind: "certain", body: { note: BAD_TEXT.nul } });
    return cases;
  }
  const root = op.body;
  const leaves = leavesOf(root);
  const required = (root.required ?? []).length > 0;

  // Whole bodies.
  cases.push({ name: "no body", kind: required ? "certain" : "maybe" });
  cases.push({ name: "null", kind: "certain", raw: "null" });
  cases.push({ name: "array for the object", kind: "certain", body: [base(root)] });
  cases.push({ name: "string for the object", kind: "certain", body: "text" });
  cases.push({ name: "number for the object", kind: "certain", body: 42 });
  cases.push({ name: "empty object", kind: required ? "certain" : "maybe", body: {} });
  cases.push({ name: "unknown field", kind: root.additionalProperties === false ? "certain" : "maybe", body: { ...(base(root) as object), zzUnknownField: "x" } });
  cases.push({ name: "field name with NUL", kind: "certain", body: { ...(base(root) as object), "bad\u0000key": "x" }, expectFields: ["bad\\u0000key"] });
  cases.push({ name: "text/plain", kind: "certain", raw: JSON.stringify(base(root)), contentType: "text/plain" });
  cases.push({ name: "form-encoded", kind: "certain", raw: "name=x&email=y", contentType: "application/x-www-form-urlencoded" });
  cases.push({ name: "malformed JSON", kind: "certain", raw: '{"name": "x",' });
  cases.push({ name: "deeply nested", kind: "certain", raw: `${"[".repeat(5000)}${"]".repeat(5000)}` });
  cases.push({ name: "plausible body", kind: "maybe", body: base(root) });

  // Every field at once with each forbidden character: one call each, naming every field.
  for (const [name, bad] of Object.entries(BAD_TEXT)) {
    let body = base(root);
    for (const leaf of leaves) body = setAt(body, leaf.path, bad);
    cases.push({ name: `${name} in every field`, kind: "certain", body, expectFields: leaves.map((l) => l.path.join(".")) });
  }

  // One field at a time with each bad value, the rest plausible.
  for (const leaf of leaves) {
    const s = resolve(leaf.schema);
    const types = typesOf(s);
    const any = types === null;
    const allows = (t: string) => any || types!.has(t) || (t === "integer" && types!.has("number")) || (t === "number" && types!.has("integer"));
    const isEnum = !!(s.enum || s.const !== undefined);
    const textOk = allows("string") && !isEnum && !s.format;
    const f = leaf.path.join(".");
    const put = (name: string, kind: Case["kind"], value: unknown, echo?: Case["echo"]) => cases.push({ name: `${f}: ${name}`, kind, body: setAt(base(root), leaf.path, value), echo });
    // Where a type is refused outright, one value of it is enough ("NaN" for text, -1 for numbers).
    if (allows("string")) {
      put("10,000 characters", (s.maxLength ?? Infinity) < 10_000 || isEnum ? "certain" : "maybe", LONG);
      put("emoji and combining marks", textOk ? "maybe" : "certain", WEIRD, textOk ? { path: leaf.path, value: WEIRD } : undefined);
    }
    // Forms send numbers as text, so number fields take a number's text too; other text is refused.
    put("number as a string", allows("string") || allows("number") ? "maybe" : "certain", "12");
    put("NaN as a string", allows("string") ? "maybe" : "certain", "NaN");
    put("negative number", !allows("number") || (s.minimum ?? -Infinity) >= 0 || (s.exclusiveMinimum ?? -Infinity) >= 0 ? "certain" : "maybe", -1);
    if (allows("number")) {
      put("1e308", (s.maximum ?? Infinity) < 1e308 || (s.exclusiveMaximum ?? Infinity) <= 1e308 ? "certain" : "maybe", 1e308);
      put("2^63", (s.maximum ?? Infinity) < 2 ** 63 ? "certain" : "maybe", 2 ** 63);
    }
    put("array", allows("array") ? "maybe" : "certain", ["x"]);
    put("object", allows("object") ? "maybe" : "certain", { a: "x" });
    put("boolean", allows("boolean") ? "maybe" : "certain", true);
    // An optional field may read null as "left out", as forms do.
    put("null", allows("null") || !leaf.required || NULL_MEANS_DEFAULT.has(`${op.method.toUpperCase()} ${op.path} ${f}`) ? "maybe" : "certain", null);
  }
  return cases;
}

/** The leaves (non-object, non-array values) of a body schema, with arrays entered at index 0. */
function leavesOf(schema: Schema, at: (string | number)[] = [], depth = 0, required = true): Leaf[] {
  const s = resolve(schema);
  if (depth > 4) return [];
  const object = objectOf(s);
  if (object?.properties) return Object.entries(object.properties).flatMap(([k, v]) => leavesOf(v, [...at, k], depth + 1, !!object.required?.includes(k)));
  const array = arrayOf(s);
  if (array?.items) {
    const inner = resolve(array.items);
    if (objectOf(inner)?.properties || arrayOf(inner)) return leavesOf(inner, [...at, 0], depth + 1, required);
  }
  return at.length ? [{ path: at, schema: s, required }] : [];
}

/** A plausible value for a schema: required fields filled, ids taken from the seeded company by name. */
function base(schema: Schema, name = "", depth = 0): unknown {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const options = (s.anyOf ?? s.oneOf)?.map(resolve).filter((o) => !(o.type === "null"));
  if (options?.length) return base(options[0], name, depth);
  const object = objectOf(s);
  if (object) {
    // Required fields always; optional ones when a valid value can be made (so one bad field is the only bad one).
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(object.properties ?? {})) {
      if (!object.required?.includes(k) && (depth > 0 || !confident(k, resolve(v)))) continue;
      out[k] = base(v, k, depth + 1);
    }
    return out;
  }
  const array = arrayOf(s);
  if (array) return depth > 4 ? [] : Array.from({ length: Math.max(1, array.minItems ?? 1) }, () => base(array.items ?? {}, name, depth + 1));
  const types = typesOf(s);
  if (types?.has("boolean")) return true; // false would deactivate the seeded rows the next operations use
  if (types?.has("integer") || types?.has("number")) return Math.max(1, s.minimum ?? 1, (s.exclusiveMinimum ?? 0) + 1);
  const key = name.toLowerCase();
  const known = KNOWN_TEXT.find(([re]) => re.test(name));
  if (known) return typeof known[1] === "function" ? known[1]() : known[1];
  if (s.format === "email" || key.includes("email")) return `fuzz-${Math.random().toString(36).slice(2, 8)}@test.example`;
  if (s.format === "date" || /(On|Date|From|To)$/.test(name) || key === "date") return "2026-12-01";
  if (s.format === "date-time") return "2026-12-01T10:00:00.000Z";
  if (key.endsWith("id") && ids[key]) return ids[key];
  if (key.endsWith("id")) return crypto.randomUUID();
  if (/amount|price|qty|quantity|limit|rate/.test(key)) return "10";
  return "Fuzz text".padEnd(s.minLength ?? 0, "x");
}

const rand = () => Math.random().toString(36).slice(2, 7).toUpperCase();
/** Valid values for the formatted fields that recur across the API (by field name). */
const KNOWN_TEXT: [RegExp, string | (() => string)][] = [
  [/^(stateCode|placeOfSupply|shippingStateCode|dispatchStateCode)$/, "27"],
  [/[pP]incode$/, "411001"],
  [/^phone$/, "9876543210"],
  [/^gstin$/, () => ids.gstin],
  [/^pan$/, () => ids.pan],
  [/^sku$/, () => `FZ-${rand()}`],
  [/^(hsnCode|hsnPrefix)$/, "1106"],
  [/^(unit|packUnit)$/, "PCS"],
  [/^code$/, () => `FZ${rand()}`],
  [/^customerCode$/, () => `C-${rand()}`],
  [/^(website|irpBaseUrl)$/, "https://example.com"],
  [/^bankAccountNumber$/, "123456789012"],
  [/^bankIfsc$/, "SBIN0001234"],
  [/^upiId$/, "shop@okaxis"],
  [/Series$/, () => `F${rand().slice(0, 3)}`],
  [/^vendorCode$/, () => ids.vendorCode],
  [/^(barcode)$/, () => `8901${Math.floor(Math.random() * 1e8)}`],
];

/** Whether base() makes a valid value for an optional field, so including it does not spoil the body. */
function confident(name: string, s: Schema): boolean {
  if (s.enum || s.const !== undefined || s.default !== undefined) return true;
  if (KNOWN_TEXT.some(([re]) => re.test(name))) return true;
  if (/id$/i.test(name)) return !!ids[name.toLowerCase()];
  const types = typesOf(s);
  return !!types && (types.has("boolean") || (types.has("string") && !s.format && !/pem|url|key|secret|password|token/i.test(name)));
}

export function paramsFor(op: Op): Record<string, string> {
  const out: Record<string, string> = {};
  const segs = op.path.split("/").filter(Boolean);
  for (const p of op.params) {
    const before = segs[segs.indexOf(`{${p}}`) - 1];
    const key = p === "id" ? `${before}:id` : p;
    out[p] = ids[key] ?? crypto.randomUUID();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schema helpers

function resolve(s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 10 && cur?.$ref; i++) {
    const name = cur.$ref.split("/").pop()!;
    cur = rootDefs[name] ?? {};
  }
  if (cur?.allOf?.length === 1) return resolve({ ...cur, allOf: undefined, ...cur.allOf[0] });
  return cur ?? {};
}
let rootDefs: Record<string, Schema> = {};

function objectOf(s: Schema): Schema | undefined {
  if (s.properties || s.type === "object" || (Array.isArray(s.type) && s.type.includes("object"))) return s;
  return (s.anyOf ?? s.oneOf)?.map(resolve).find((o) => o.properties);
}

function arrayOf(s: Schema): Schema | undefined {
  if (s.type === "array" || (Array.isArray(s.type) && s.type.includes("array"))) return s;
  return (s.anyOf ?? s.oneOf)?.map(resolve).find((o) => o.type === "array");
}

/** The JSON types a schema admits, or null when it says nothing (anything goes). */
function typesOf(s: Schema): Set<string> | null {
  if (s.enum) return new Set(s.enum.map(jsonType));
  if (s.const !== undefined) return new Set([jsonType(s.const)]);
  if (s.type) return new Set(Array.isArray(s.type) ? s.type : [s.type]);
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const out = new Set<string>();
    for (const o of options) {
      const t = typesOf(resolve(o));
      if (!t) return null;
      t.forEach((x) => out.add(x));
    }
    return out;
  }
  return null;
}

function jsonType(v: unknown) {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;
}

function setAt(body: unknown, at: (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const [head, ...rest] = at;
  if (typeof head === "number") {
    const arr = Array.isArray(body) && body.length ? [...body] : [{}];
    arr[head] = setAt(arr[head], rest, value);
    return arr;
  }
  const obj = body && typeof body === "object" && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {};
  obj[head] = setAt(obj[head], rest, value);
  return obj;
}

export function dig(v: unknown, at: (string | number)[]): unknown {
  let cur = v;
  for (const k of at) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Routes, calls and counts

export function writeOperations(): Op[] {
  const ops: Op[] = [];
  for (const [p, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      if (!WRITES.has(method)) continue;
      const apiPath = p.replace(/^\/api\/v1/, "");
      const body = op.requestBody?.content["application/json"]?.schema;
      if (body?.$defs) rootDefs = { ...rootDefs, ...body.$defs };
      const retailer = apiPath.startsWith("/cart") || apiPath.startsWith("/me/") || (method === "post" && apiPath === "/join-requests") || (apiPath.endsWith("/cancel") && apiPath.startsWith("/join-requests"));
      ops.push({ method, path: apiPath, params: (apiPath.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1)), body, retailer });
    }
  }
  return ops;
}

/**
 * The route module of an API path, as Next.js finds it: a literal folder, else a dynamic one
 * ("/connections/{id}/suspend" → connections/[id]/[action] with action = "suspend").
 */
export function resolveRoute(apiPath: string): { file: string; names: Record<string, string>; fixed: Record<string, string> } | null {
  // Paths of the document are under /api/v1, except the webhook routes, which it names in full.
  let dir = apiPath.startsWith("/api/") ? APP : path.join(APP, "api/v1");
  const names: Record<string, string> = {};
  const fixed: Record<string, string> = {};
  for (const seg of apiPath.split("/").filter(Boolean)) {
    const dynamic = readdirSync(dir).find((d) => /^\[\w+\]$/.test(d));
    const param = /^\{(\w+)\}$/.exec(seg)?.[1];
    if (!param && existsSync(path.join(dir, seg))) dir = path.join(dir, seg);
    else if (dynamic) {
      if (param) names[param] = dynamic.slice(1, -1);
      else fixed[dynamic.slice(1, -1)] = seg;
      dir = path.join(dir, dynamic);
    } else return null;
  }
  const file = path.join(dir, "route.ts");
  return existsSync(file) ? { file, names, fixed } : null;
}


export async function send(handler: Handler, op: Op, c: Case, route: { names: Record<string, string>; fixed: Record<string, string> }) {
  const params = c.params ?? paramsFor(op);
  const urlPath = `${op.path.startsWith("/api/") ? "" : "/api/v1"}${op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(params[p]))}${c.query ? `?${c.query}` : ""}`;
  const routeParams: Record<string, string> = { ...route.fixed };
  for (const [name, value] of Object.entries(params)) routeParams[route.names[name] ?? name] = value;
  const headers: Record<string, string> = { authorization: `Bearer ${op.retailer ? fuzzState.retailerToken : fuzzState.staffToken}` };
  let body: string | undefined = c.raw ?? (c.body !== undefined ? JSON.stringify(c.body) : undefined);
  if (op.method === "get") body = undefined;
  if (body !== undefined) headers["content-type"] = c.contentType ?? "application/json";
  const res = await handler(new Request(`http://localhost${urlPath}`, { method: op.method.toUpperCase(), headers, body }), { params: Promise.resolve(routeParams) });
  return { status: res.status, contentType: res.headers.get("content-type"), text: await res.text() };
}
