// Fuzzes every write route of the OpenAPI document with bad bodies generated from its own request
// schema: control characters, 10,000-character strings, emoji, numbers as strings, negative, NaN-like
// and huge numbers, wrong types, unknown fields, empty and null bodies, wrong content types and
// malformed JSON. A case that is certainly invalid must answer 4xx problem+json and write nothing
// (no table gains, loses or changes a row: see installWriteLog); a case that may be
// valid (an emoji in a name) must not answer 5xx, and a text it accepts must come back unchanged.
//
// It runs in a database of its own, so what it sees written is its own doing. FUZZ_DEBUG=1 prints each
// operation's time and how its plausible body was answered (how deep the fuzz gets).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { issueTokenPair } from "@/lib/auth/tokens";
import { disconnect, prisma } from "@/lib/db/client";
import { createDatabaseIfMissing } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { installJobSchema } from "@/lib/jobs/install";
import { stopBoss } from "@/lib/jobs/boss";
import pg from "pg";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser, createStaff } from "../support/factories";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";

type Schema = {
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
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Op = { method: string; path: string; params: string[]; body?: Schema; retailer: boolean };
type Leaf = { path: (string | number)[]; schema: Schema; required: boolean };
/** certain: the input is wrong for sure, so 4xx and nothing written; maybe: it may be valid, so never 5xx. */
type Case = { name: string; kind: "certain" | "maybe"; body?: unknown; raw?: string; contentType?: string; query?: string; params?: Record<string, string>; expectFields?: string[]; echo?: { path: (string | number)[]; value: string } };

const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string }[] }>> };
const WRITES = new Set(["post", "put", "patch", "delete"]);
/** Documented leniencies: a null here means "use the default" (the form's blank field), so it may succeed. */
const NULL_MEANS_DEFAULT = new Set(["PUT /price-lists/{id}/items slabs.0.minQty"]);
const APP = path.resolve(import.meta.dirname, "../../app");

let dbName = "";
let adminUrl = "";
const ids: Record<string, string> = {};
let staffToken = "";
let retailerToken = "";
let countSql = "";

beforeAll(async () => {
  // A database of this file's own: exact row counts need a database no other test file writes to.
  adminUrl = inject("adminDatabaseUrl");
  dbName = `erp_fuzz_${Date.now()}_${process.pid}`;
  await createDatabaseIfMissing(adminUrl, dbName);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  await migrate(u.toString());
  await installJobSchema(u.toString());
  await stopBoss();
  await disconnect();
  process.env.DATABASE_URL = u.toString();
  await seed();
  const tables = await prisma.$queryRaw<{ s: string; t: string }[]>`
    SELECT table_schema AS s, table_name AS t FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND (table_schema = 'public' OR (table_schema = 'pgboss' AND table_name = 'job')) ORDER BY 1, 2`;
  countSql = tables.map(({ s, t }) => `SELECT '${s}.${t}' AS t, count(*)::int AS n FROM "${s}"."${t}"`).join(" UNION ALL ");
  await installWriteLog(tables);
}, 180_000);

afterAll(async () => {
  await stopBoss();
  await disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  // Wait for the app's pool to finish closing rather than cutting its connections (which would surface as an error).
  for (let i = 0; i < 50; i++) {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [dbName]);
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await client.end();
});

describe("fuzzing every write route of the OpenAPI document", () => {
  const ops = writeOperations();

  it("finds a route module for every write operation", () => {
    expect(ops.length).toBeGreaterThan(50);
    for (const op of ops) expect(resolveRoute(op.path), op.path).not.toBeNull();
  });

  it("the write log sees every committed write that row counts see, and none that rolled back", async () => {
    const before = await counts();
    const mark = await writeMark();
    const company = await prisma.company.findFirstOrThrow();
    await prisma.category.create({ data: { companyId: company.id, name: "Write log probe" } });
    await prisma.$transaction(async (tx) => {
      await tx.category.create({ data: { companyId: company.id, name: "Rolled back" } });
      throw new Error("roll back");
    }).catch(() => {});
    const after = await counts();
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual(["public.Category"]);
    expect(await writesSince(mark)).toEqual(["Category INSERT ×1"]);
    await prisma.category.deleteMany({ where: { name: "Write log probe" } });
  });

  it("answers every bad body with 4xx problem+json, writes nothing for certainly-invalid input, never 5xx", async () => {
    const failures: string[] = [];
    let calls = 0;
    let roundTrips = 0;
    for (const op of ops) {
      const route = resolveRoute(op.path);
      if (!route) continue; // reported by the test above
      const mod = (await import(route.file)) as Record<string, Handler>;
      const handler = mod[op.method.toUpperCase()];
      if (!handler) {
        failures.push(`${op.method} ${op.path}: the module has no ${op.method.toUpperCase()} export`);
        continue;
      }
      const opStarted = performance.now();
      for (const c of casesFor(op, route.names)) {
        calls++;
        const label = `${op.method.toUpperCase()} ${op.path} [${c.name}]`;
        const mark = c.kind === "certain" ? await writeMark() : 0;
        const res = await send(handler, op, c, route);
        const problem = res.contentType?.startsWith("application/problem+json") ? (JSON.parse(res.text) as { code?: string; errors?: Record<string, string[]> }) : null;
        if (process.env.FUZZ_DEBUG && c.name === "plausible body") console.log(`PLAUSIBLE ${label} ${res.status} ${res.text.slice(0, 250)}`);
        if (res.status >= 500) failures.push(`${label}: ${res.status} ${res.text.slice(0, 300)}`);
        else if (res.status >= 400 && !problem?.code) failures.push(`${label}: ${res.status} without a problem+json code (${res.contentType})`);
        if (c.kind === "certain") {
          if (res.status < 400) failures.push(`${label}: certainly invalid, but answered ${res.status}`);
          const written = await writesSince(mark);
          if (written.length) failures.push(`${label}: answered ${res.status} but wrote to ${written.join(", ")}`);
          const unnamed = (c.expectFields ?? []).filter((f) => !problem?.errors?.[f]);
          if (c.expectFields && (res.status !== 422 || unnamed.length)) failures.push(`${label}: expected 422 naming ${unnamed.join(", ")}; got ${res.status} naming ${Object.keys(problem?.errors ?? {}).join(", ")}`);
        }
        if (c.echo && res.status < 300 && res.text) {
          const stored = dig(JSON.parse(res.text), c.echo.path);
          if (typeof stored === "string") roundTrips++;
          if (typeof stored === "string" && stored !== c.echo.value.trim()) failures.push(`${label}: stored ${JSON.stringify(stored)} for ${JSON.stringify(c.echo.value)}`);
        }
      }
      if (process.env.FUZZ_DEBUG) console.log(`OPTIME ${Math.round(performance.now() - opStarted)} ${op.method} ${op.path}`);
    }
    console.log(`fuzz: ${ops.length} write operations, ${calls} calls, ${roundTrips} emoji texts read back as sent`);
    expect(failures).toEqual([]);
  }, 300_000);
});

describe("every read route refuses control characters in its query string and path", () => {
  it("GET with ?q=%00 or a NUL path parameter answers 422 naming it", async () => {
    const failures: string[] = [];
    const reads = Object.entries(doc.paths).flatMap(([p, byMethod]) => ("get" in byMethod ? [p.replace(/^\/api\/v1/, "")] : []));
    expect(reads.length).toBeGreaterThan(40);
    for (const apiPath of reads) {
      const route = resolveRoute(apiPath);
      if (!route) {
        failures.push(`GET ${apiPath}: no route module`);
        continue;
      }
      const handler = ((await import(route.file)) as Record<string, Handler>).GET;
      const op: Op = { method: "get", path: apiPath, params: (apiPath.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1)), retailer: apiPath.startsWith("/me/") };
      const params = paramsFor(op);
      const tries: [Case, string][] = [[{ name: "?q=%00", kind: "certain", query: "q=%00" }, "q"]];
      if (op.params.length) tries.push([{ name: "NUL path parameter", kind: "certain", params: { ...params, [op.params[0]]: "\u0000" } }, route.names[op.params[0]] ?? op.params[0]]);
      for (const [c, field] of tries) {
        const res = await send(handler, op, c, route);
        const errors = res.contentType?.startsWith("application/problem+json") ? (JSON.parse(res.text) as { errors?: Record<string, string[]> }).errors : undefined;
        if (res.status !== 422 || !errors?.[field]) failures.push(`GET ${apiPath} [${c.name}]: ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("bad query values (huge, negative, NaN, long, broken cursors) on every read route are never a 5xx", async () => {
    const failures: string[] = [];
    const reads = Object.entries(doc.paths).flatMap(([p, byMethod]) => (byMethod.get ? [{ apiPath: p.replace(/^\/api\/v1/, ""), query: (byMethod.get.parameters ?? []).filter((x) => x.in === "query").map((x) => x.name) }] : []));
    const values = ["-1", "NaN", "1e308", "9223372036854775808", "x".repeat(10_000), "😀e\u0301", "%FF"];
    for (const { apiPath, query } of reads) {
      const route = resolveRoute(apiPath);
      if (!route) continue; // reported above
      const handler = ((await import(route.file)) as Record<string, Handler>).GET;
      const op: Op = { method: "get", path: apiPath, params: (apiPath.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1)), retailer: apiPath.startsWith("/me/") };
      for (const name of [...new Set([...query, "q", "limit", "cursor"])]) {
        for (const v of values) {
          const res = await send(handler, op, { name: `${name}=${v.slice(0, 12)}`, kind: "maybe", query: `${encodeURIComponent(name)}=${v === "%FF" ? v : encodeURIComponent(v)}` }, route);
          const isProblem = res.contentType?.startsWith("application/problem+json");
          if (res.status >= 500 || (res.status >= 400 && !isProblem)) failures.push(`GET ${apiPath} [${name}=${v.slice(0, 20)}]: ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

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

function casesFor(op: Op, names: Record<string, string>): Case[] {
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

function paramsFor(op: Op): Record<string, string> {
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

function dig(v: unknown, at: (string | number)[]): unknown {
  let cur = v;
  for (const k of at) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Routes, calls and counts

function writeOperations(): Op[] {
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
function resolveRoute(apiPath: string): { file: string; names: Record<string, string>; fixed: Record<string, string> } | null {
  let dir = path.join(APP, "api/v1");
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

async function send(handler: Handler, op: Op, c: Case, route: { names: Record<string, string>; fixed: Record<string, string> }) {
  const params = c.params ?? paramsFor(op);
  const urlPath = `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(params[p]))}${c.query ? `?${c.query}` : ""}`;
  const routeParams: Record<string, string> = { ...route.fixed };
  for (const [name, value] of Object.entries(params)) routeParams[route.names[name] ?? name] = value;
  const headers: Record<string, string> = { authorization: `Bearer ${op.retailer ? retailerToken : staffToken}` };
  let body: string | undefined = c.raw ?? (c.body !== undefined ? JSON.stringify(c.body) : undefined);
  if (op.method === "get") body = undefined;
  if (body !== undefined) headers["content-type"] = c.contentType ?? "application/json";
  const res = await handler(new Request(`http://localhost${urlPath}`, { method: op.method.toUpperCase(), headers, body }), { params: Promise.resolve(routeParams) });
  return { status: res.status, contentType: res.headers.get("content-type"), text: await res.text() };
}

async function counts(): Promise<Record<string, number>> {
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number }[]>(countSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/**
 * Counting every table around each of thousands of calls is exact but slow, so every table also
 * gets a row trigger that appends to fuzz_write_log: an insert, update or delete that commits leaves
 * a row there (one that rolls back leaves none), so "nothing written" is "no new log rows" — one
 * index lookup, and stricter than row counts (it sees updates too). pg-boss's job table, outside
 * the app's schema, is counted. The first test checks the log against real row counts.
 */
async function installWriteLog(tables: { s: string; t: string }[]) {
  await prisma.$executeRawUnsafe(`CREATE TABLE fuzz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await prisma.$executeRawUnsafe(`CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fuzz_write_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  for (const { s, t } of tables) {
    if (s !== "public") continue;
    await prisma.$executeRawUnsafe(`CREATE TRIGGER fuzz_log_write AFTER INSERT OR UPDATE OR DELETE ON "${s}"."${t}" FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()`);
  }
}

async function writeMark(): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ id: number; jobs: number }[]>(`SELECT coalesce(max(id), 0)::int AS id, (SELECT count(*) FROM pgboss.job)::int AS jobs FROM fuzz_write_log`);
  jobsAtMark = row.jobs;
  return row.id;
}
let jobsAtMark = 0;

/** "AuditLog INSERT ×1, pgboss.job 3 → 4" for what was committed since the mark; [] when nothing. */
async function writesSince(mark: number): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ tbl: string; op: string; n: number }[]>(`SELECT tbl, op, count(*)::int AS n FROM fuzz_write_log WHERE id > $1 GROUP BY 1, 2 ORDER BY 1, 2`, mark);
  const [{ jobs }] = await prisma.$queryRawUnsafe<{ jobs: number }[]>(`SELECT count(*)::int AS jobs FROM pgboss.job`);
  return [...rows.map((r) => `${r.tbl} ${r.op} ×${r.n}`), ...(jobs !== jobsAtMark ? [`pgboss.job ${jobsAtMark} → ${jobs}`] : [])];
}

// ---------------------------------------------------------------------------------------------
// One company with a bit of everything, so path parameters name real rows

async function seed() {
  const shop = await orderShop({ creditLimit: "1000000" });
  const product = await stockedProduct(shop, 500);
  const order = await orderIn(shop, "PLACED", product.id, 2);
  const invoice = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01" });
  const creditNote = await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-11-02", type: "CREDIT_NOTE", originalInvoiceId: invoice.id });
  const employee = await createStaff(shop.co, "SALES");
  const category = await prisma.category.create({ data: { companyId: shop.co, name: "Staples" } });
  const priceList = await prisma.priceList.create({ data: { companyId: shop.co, name: "Wholesale" } });
  const item = await prisma.priceListItem.create({ data: { companyId: shop.co, priceListId: priceList.id, productId: product.id, price: "90.00" } });
  const invitation = await prisma.invitation.create({ data: { companyId: shop.co, email: "invitee@test.example", tokenHash: `fuzz-${Date.now()}`, invitedById: shop.owner.userId, expiresAt: new Date(Date.now() + 7 * 86_400_000) } });
  const other = await createRetailerUser();
  const joinRequest = await prisma.joinRequest.create({ data: { companyId: shop.co, retailerId: other.retailer.id, requestedById: other.user.id } });
  Object.assign(ids, {
    "employees:id": employee.membership.id,
    "connections:id": shop.connection.id,
    "invitations:id": invitation.id,
    "join-requests:id": joinRequest.id,
    "products:id": product.id,
    "categories:id": category.id,
    "price-lists:id": priceList.id,
    itemId: item.id,
    "warehouses:id": shop.wh.id,
    "orders:id": order.id,
    "invoices:id": invoice.id,
    "credit-notes:id": creditNote.id,
    vendorCode: shop.company.code,
    gstin: shop.company.gstin,
    pan: shop.company.pan,
    productId: product.id,
    // Body fields that name rows (looked up lower-cased).
    productid: product.id,
    // Body fields that name rows.
    connectionid: shop.connection.id,
    warehouseid: shop.wh.id,
    categoryid: category.id,
    pricelistid: priceList.id,
    invoiceid: invoice.id,
    orderid: order.id,
    retailerid: shop.retailer.id,
  });
  staffToken = (await issueTokenPair(prisma, shop.owner)).accessToken;
  retailerToken = (await issueTokenPair(prisma, shop.retailerActor)).accessToken;
}
