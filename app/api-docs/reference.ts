// The API reference as the /api-docs pages read it: the OpenAPI document grouped by tag, and its
// JSON Schemas flattened into rows a person reads (field, type, required, description, allowed values).
import { buildOpenApiDocument } from "@/lib/http/openapi";

export type Schema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
};
export type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
export type Response = { $ref?: string; description?: string; headers?: Record<string, { description?: string }>; content?: Record<string, { schema?: Schema }> };
export type Operation = {
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  security: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
};
export type OperationEntry = { method: string; path: string; op: Operation };
export type Tag = { name: string; slug: string; operations: OperationEntry[] };

let memo: ReturnType<typeof load> | undefined;

/** The document and its operations by tag, built once per server process (it only changes with the code). */
export function apiReference() {
  memo ??= load();
  return memo;
}

function load() {
  const doc = buildOpenApiDocument();
  const entries: OperationEntry[] = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ method, path, op })));
  const tags: Tag[] = doc.tags.map((t) => ({ name: t.name, slug: tagSlug(t.name), operations: entries.filter((e) => e.op.tags.includes(t.name)) }));
  return { doc, tags, schemas: doc.components.schemas as Record<string, Schema>, responses: doc.components.responses as Record<string, Response> };
}

export function tagSlug(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function refName(ref: string) {
  return ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : ref;
}

/** The named types a schema uses, and the ones those use, in the order met. */
export function namedTypesOf(schemas: Schema[], all: Record<string, Schema>): string[] {
  const found: string[] = [];
  const walk = (s: unknown) => {
    if (Array.isArray(s)) return s.forEach(walk);
    if (!s || typeof s !== "object") return;
    const o = s as Schema;
    if (typeof o.$ref === "string") {
      const name = refName(o.$ref);
      if (!found.includes(name) && all[name]) {
        found.push(name);
        walk(all[name]);
      }
    }
    for (const [k, v] of Object.entries(o)) if (k !== "enum" && k !== "const" && k !== "default" && k !== "example") walk(v);
  };
  schemas.forEach(walk);
  return found;
}

/** One part of a type as shown: words, or a link to a named type. */
export type TypePart = { text: string } | { ref: string };

export type SchemaRow = {
  /** Unique within the table: the path of the field (lines[].quantity). */
  key: string;
  /** The path above the field, shown muted before its name (lines[].). */
  parent: string;
  name: string;
  depth: number;
  type: TypePart[];
  /** Allowed values of an enum (null included when allowed). */
  values?: string[];
  required: boolean;
  description?: string;
  notes: string[];
  /** A heading row that starts one of several shapes (oneOf / anyOf of objects). */
  shape?: boolean;
};

const MAX_DEPTH = 6;

/** The fields of a schema, nested objects and arrays of objects flattened below their parent. */
export function schemaRows(schema: Schema): SchemaRow[] {
  const rows: SchemaRow[] = [];
  // keyBase keeps keys unique where several shapes show the same field names under one parent.
  const fields = (s: Schema, parent: string, depth: number, keyBase = parent) => {
    const required = new Set(s.required ?? []);
    for (const [name, field] of Object.entries(s.properties ?? {})) {
      const key = `${keyBase}${name}`;
      const inner = unwrapNullable(field) ?? field;
      rows.push({ key, parent, name, depth, type: typeParts(field), values: enumValues(inner), required: required.has(name), description: field.description ?? inner.description, notes: constraints(inner) });
      below(inner, key, depth + 1, `${parent}${name}`);
    }
  };
  // key: unique path of the row; shown: the path as a reader sees it.
  const below = (s: Schema, key: string, depth: number, shown = key) => {
    if (depth > MAX_DEPTH || s.$ref) return;
    const shapes = (s.oneOf ?? s.anyOf ?? []).filter((v) => v.properties);
    if (s.properties) fields(s, `${shown}.`, depth, `${key}.`);
    else if (shapes.length) shapeRows(shapes, key, depth, shown);
    else if (s.items && !s.items.$ref) below(s.items, `${key}[]`, depth, `${shown}[]`);
    else if (s.additionalProperties && typeof s.additionalProperties === "object" && !s.additionalProperties.$ref) below(s.additionalProperties, `${key}{}`, depth, `${shown}{}`);
  };
  const shapeRows = (shapes: Schema[], key: string, depth: number, shown = key) => {
    shapes.forEach((shape, i) => {
      rows.push({ key: `${key}#${i}`, parent: shown ? `${shown} ` : "", name: shapeName(shape, i), depth, type: [], required: false, description: shape.description, notes: [], shape: true });
      fields(shape, shown ? `${shown}.` : "", depth + (shown ? 1 : 0), `${key}#${i}.`);
    });
  };
  const shapes = (schema.oneOf ?? schema.anyOf ?? []).filter((v) => v.properties);
  if (schema.properties) fields(schema, "", 0);
  else if (shapes.length) shapeRows(shapes, "", 0);
  else if (schema.items && !schema.items.$ref) below(schema.items, "[]", 0);
  return rows;
}

/** How a schema's type reads: "string (date-time) | null", "array of Order", "one of …". */
export function typeParts(s: Schema): TypePart[] {
  if (s.$ref) return [{ ref: refName(s.$ref) }];
  const inner = unwrapNullable(s);
  if (inner) return [...typeParts(inner), { text: " | null" }];
  if (s.const !== undefined) return [{ text: JSON.stringify(s.const) }];
  if (s.enum) return [{ text: s.enum.includes(null) ? "enum | null" : "enum" }];
  const variants = s.oneOf ?? s.anyOf;
  if (variants) return join(variants.map((v) => (v.type === "null" ? [{ text: "null" }] : v.properties ? [{ text: v.title ?? "object" }] : typeParts(v))));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (!types.length) return [{ text: s.properties ? "object" : "any JSON" }];
  return join(types.map((t) => one(t, s)));
}

function one(t: string, s: Schema): TypePart[] {
  if (t === "array") return s.items ? [{ text: "array of " }, ...typeParts(s.items)] : [{ text: "array" }];
  if (t === "object") {
    if (s.properties) return [{ text: "object" }];
    if (s.additionalProperties && typeof s.additionalProperties === "object") return [{ text: "map of " }, ...typeParts(s.additionalProperties)];
    return [{ text: s.additionalProperties ? "object (any keys)" : "object" }];
  }
  if (t === "string" && s.format === "binary") return [{ text: "file" }];
  return [{ text: s.format && t !== "null" ? `${t} (${s.format})` : t }];
}

function join(parts: TypePart[][]): TypePart[] {
  return parts.flatMap((p, i) => (i ? [{ text: " | " }, ...p] : p));
}

function enumValues(s: Schema): string[] | undefined {
  return s.enum?.map((v) => (v === null ? "null" : typeof v === "string" ? v : JSON.stringify(v)));
}

function shapeName(s: Schema, i: number) {
  const kind = s.properties?.kind?.const;
  if (s.title) return s.title;
  return kind !== undefined ? `when kind is ${JSON.stringify(kind)}` : `shape ${i + 1}`;
}

/** X of "X or null" written as anyOf / oneOf (zod writes nullable fields so). */
function unwrapNullable(s: Schema): Schema | undefined {
  const variants = s.anyOf ?? s.oneOf;
  if (variants?.length !== 2) return undefined;
  const nonNull = variants.filter((v) => v.type !== "null");
  return nonNull.length === 1 ? nonNull[0] : undefined;
}

/** Limits worth reading: lengths, bounds, patterns, defaults, examples (not the ±2^53 bounds zod adds to integers). */
export function constraints(s: Schema): string[] {
  const out: string[] = [];
  const safe = (n: number | undefined) => n !== undefined && Math.abs(n) < 9_007_199_254_740_991;
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`${s.minLength}–${s.maxLength} characters`);
  else if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  else if (s.minLength) out.push(`at least ${s.minLength} characters`);
  if (safe(s.minimum)) out.push(`≥ ${s.minimum}`);
  if (safe(s.exclusiveMinimum)) out.push(`> ${s.exclusiveMinimum}`);
  if (safe(s.maximum)) out.push(`≤ ${s.maximum}`);
  if (safe(s.exclusiveMaximum)) out.push(`< ${s.exclusiveMaximum}`);
  const items = (n: number) => `${n} item${n === 1 ? "" : "s"}`;
  if (s.minItems) out.push(`at least ${items(s.minItems)}`);
  if (s.maxItems !== undefined) out.push(`at most ${items(s.maxItems)}`);
  if (s.pattern) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  if (s.example !== undefined) out.push(`e.g. ${JSON.stringify(s.example)}`);
  return out;
}
