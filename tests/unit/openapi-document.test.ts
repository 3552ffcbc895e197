// Walks the whole OpenAPI document (lib/http/openapi.ts) for what a client generator needs: every
// operation named, summarised and answering with a success; every JSON answer with a schema that
// compiles; every file answer with its media type; every path parameter declared; and a route
// module behind every operation (and an operation for every route a module exports). Whether the
// routes answer as the document says is the integration suite's part (tests/support/route-contract.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contractDocument, locateOperation, operationsOf, validatorFor } from "../support/openapi-contract";

type Schema = Record<string, unknown>;
type Response = { $ref?: string; description?: string; content?: Record<string, { schema?: Schema }> };

const doc = contractDocument();
const ops = operationsOf(doc);
const name = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;
const resolve = (r: Response): Response => (r.$ref ? (doc.components.responses as Record<string, Response>)[r.$ref.split("/").pop()!] : r);
const isJson = (mediaType: string) => /^application\/(.+\+)?json$/.test(mediaType);
const responsesOf = (o: (typeof ops)[number]) => Object.entries(o.op.responses as Record<string, Response>).map(([status, r]) => ({ status, r: resolve(r) }));
/** A browser comes back here and is sent on: its only answer is a redirect. */
const REDIRECTS = new Set(["GET /api/payments/callback/{accountId}"]);

describe("the OpenAPI document", () => {
  it("has a few hundred operations, each with a unique operationId and a summary", () => {
    expect(ops.length).toBeGreaterThan(250);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id), "operations without an operationId").toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), "operationIds used twice").toEqual([]);
    expect(ops.filter((o) => !(o.op as { summary?: string }).summary?.trim()).map(name), "operations without a summary").toEqual([]);
  });

  it("gives every operation a success answer (2xx)", () => {
    const without = ops.filter((o) => !Object.keys(o.op.responses).some((s) => /^2\d\d$/.test(s)) && !(REDIRECTS.has(name(o)) && o.op.responses["303"]));
    expect(without.map(name)).toEqual([]);
  });

  it("gives every JSON answer a schema, and every error answer the problem+json schema", () => {
    const missing: string[] = [];
    const problems: string[] = [];
    for (const o of ops) {
      for (const { status, r } of responsesOf(o)) {
        for (const [mediaType, media] of Object.entries(r.content ?? {})) {
          if (isJson(mediaType) && (!media.schema || !Object.keys(media.schema).length)) missing.push(`${name(o)} ${status} ${mediaType}`);
          if (/^[45]\d\d$|^default$/.test(status) && (mediaType !== "application/problem+json" || media.schema?.$ref !== "#/components/schemas/Problem")) problems.push(`${name(o)} ${status} ${mediaType}`);
        }
      }
    }
    expect(missing, "JSON answers without a schema").toEqual([]);
    expect(problems, "error answers that are not problem+json").toEqual([]);
  });

  it("names the media type of every answer that has a body (files too)", () => {
    const bodiless = new Set(["204", "304", "303"]);
    const missing = ops.flatMap((o) => responsesOf(o).filter(({ status, r }) => !bodiless.has(status) && !Object.keys(r.content ?? {}).length).map(({ status }) => `${name(o)} ${status}`));
    expect(missing).toEqual([]);
    const files = ops.flatMap((o) => responsesOf(o).flatMap(({ r }) => Object.keys(r.content ?? {}).filter((t) => !isJson(t))));
    expect(new Set(files)).toEqual(new Set(["application/pdf", "application/zip", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg", "image/webp"]));
  });

  it("says more than 'an object' anywhere in an answer: its properties, or that any are allowed", () => {
    const bare = [
      ...ops.flatMap((o) => responsesOf(o).flatMap(({ status, r }) => Object.entries(r.content ?? {}).flatMap(([t, m]) => (isJson(t) && m.schema ? bareObjects(m.schema, `${name(o)} ${status} ${t}`) : [])))),
      ...Object.entries(doc.components.schemas).flatMap(([n, schema]) => bareObjects(schema, `components.schemas.${n}`)),
    ];
    expect(bare).toEqual([]);
  });

  it("declares every path parameter, and no other", () => {
    const wrong: string[] = [];
    for (const o of ops) {
      const inPath = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = ((o.op as { parameters?: { name: string; in: string; required?: boolean }[] }).parameters ?? []).filter((p) => p.in === "path");
      if (JSON.stringify(params.map((p) => p.name).sort()) !== JSON.stringify(inPath)) wrong.push(`${name(o)}: path has ${inPath.join(", ") || "none"}, parameters ${params.map((p) => p.name).join(", ") || "none"}`);
      for (const p of params) if (p.required !== true) wrong.push(`${name(o)}: path parameter ${p.name} is not required`);
    }
    expect(wrong).toEqual([]);
  });

  it("holds only schemas that compile as JSON Schema 2020-12 and do not contradict themselves", () => {
    const broken: string[] = [];
    for (const o of ops) {
      const body = (o.op as { requestBody?: { content: Record<string, { schema?: Schema }> } }).requestBody?.content ?? {};
      const schemas = [...Object.entries(body).map(([t, m]) => [`request ${t}`, m.schema] as const), ...responsesOf(o).flatMap(({ status, r }) => Object.entries(r.content ?? {}).map(([t, m]) => [`${status} ${t}`, m.schema] as const))];
      for (const [where, schema] of schemas) {
        if (!schema) continue;
        try {
          validatorFor(`unit ${name(o)} ${where}`, schema);
        } catch (err) {
          broken.push(`${name(o)} ${where}: ${(err as Error).message}`);
        }
        for (const c of contradictions(schema)) broken.push(`${name(o)} ${where}: ${c}`);
      }
    }
    for (const [component, schema] of Object.entries(doc.components.schemas)) for (const c of contradictions(schema)) broken.push(`components.schemas.${component}: ${c}`);
    expect(broken).toEqual([]);
  });

  it("has a route module for every operation, and an operation for every handler a route module exports", () => {
    const routes = routeModules();
    const undocumented: string[] = [];
    for (const { template, methods } of routes) {
      for (const method of methods) {
        const dynamic = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        // A dynamic folder can stand for literal segments (/connections/{id}/{action}): any operation it reaches counts.
        const reached = ops.some((o) => o.method === method.toLowerCase() && locateOperation(method, template, Object.fromEntries(dynamic.map((d) => [d, segmentAt(o.path, template, d)])))?.path === o.path);
        if (!reached) undocumented.push(`${method} ${template}`);
      }
    }
    expect(undocumented, "route handlers without an operation").toEqual([]);
    const unserved = ops.filter((o) => !routes.some((r) => r.methods.includes(o.method.toUpperCase()) && fits(r.template, o.path))).map(name);
    expect(unserved, "operations without a route module").toEqual([]);
  });
});

/** Where a schema says "an object" and nothing about its properties (components are walked on their own). */
function bareObjects(s: unknown, at: string): string[] {
  if (Array.isArray(s)) return s.flatMap((x, i) => bareObjects(x, `${at}/${i}`));
  if (!s || typeof s !== "object") return [];
  const o = s as Schema;
  const object = o.type === "object" || (Array.isArray(o.type) && o.type.includes("object"));
  const here = object && !o.properties && !o.additionalProperties && !o.oneOf && !o.anyOf && !o.allOf ? [at] : [];
  const below = Object.entries(o).flatMap(([k, v]) => {
    if (k === "properties") return Object.entries(v as Schema).flatMap(([p, ps]) => bareObjects(ps, `${at}.${p}`));
    return k === "enum" || k === "const" || k === "default" || k === "example" ? [] : bareObjects(v, k === "items" ? `${at}[]` : `${at}/${k}`);
  });
  return [...here, ...below];
}

/** An enum that leaves out null while the type allows it, or `required` naming a property that is not listed. */
function contradictions(s: unknown, at = ""): string[] {
  if (Array.isArray(s)) return s.flatMap((x, i) => contradictions(x, `${at}/${i}`));
  if (!s || typeof s !== "object") return [];
  const o = s as Schema;
  const out: string[] = [];
  const types = Array.isArray(o.type) ? o.type : [o.type];
  if (Array.isArray(o.enum) && types.includes("null") && !o.enum.includes(null)) out.push(`${at || "/"}: type allows null but enum ${JSON.stringify(o.enum)} does not`);
  if (Array.isArray(o.required) && o.properties && typeof o.properties === "object") {
    for (const r of o.required as string[]) if (!(r in (o.properties as object))) out.push(`${at || "/"}: requires "${r}", which it does not list`);
  }
  for (const [k, v] of Object.entries(o)) if (k !== "enum" && k !== "const" && k !== "default" && k !== "example") out.push(...contradictions(v, `${at}/${k}`));
  return out;
}

/** app/api route modules the document covers, as path templates (/api/v1/orders/{id}) with their exported methods. */
function routeModules() {
  const app = path.resolve(import.meta.dirname, "../../app");
  const out: { template: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = `/${path.relative(app, dir).split(path.sep).join("/")}`;
        if (!/^\/api\/(v1|webhooks|payments)\//.test(rel)) continue;
        const methods = [...readFileSync(full, "utf8").matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
        out.push({ template: rel.replace(/\[(\w+)\]/g, "{$1}"), methods });
      }
    }
  };
  walk(path.join(app, "api"));
  return out;
}

/** Whether a route module's template can serve a document path (a dynamic folder takes a literal segment too). */
function fits(template: string, docPath: string) {
  const a = template.split("/");
  const b = docPath.split("/");
  return a.length === b.length && a.every((seg, i) => seg === b[i] || /^\{\w+\}$/.test(seg));
}

/** The document's segment where the template has {param}. */
function segmentAt(docPath: string, template: string, param: string) {
  const i = template.split("/").indexOf(`{${param}}`);
  return docPath.split("/")[i] ?? "";
}
