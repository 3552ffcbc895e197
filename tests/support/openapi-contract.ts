// Checks one answer of a route against the OpenAPI document (lib/http/openapi.ts): the operation by
// method and path template, the response by status (a success must be declared by its own status;
// an error may fall to `default`), the content type among those declared, and a JSON body against
// the response's schema, with objects closed (the document leaves them open for clients, but a route
// that sends a property the document does not name has drifted from it). Used by the route wrapper
// of the integration project (tests/support/route-contract.ts) and by tests/unit/openapi-document.test.ts.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/lib/http/openapi";

type Schema = Record<string, unknown>;
type MediaType = { schema?: Schema };
type ResponseObject = { $ref?: string; description?: string; content?: Record<string, MediaType> };
type OperationObject = { operationId: string; responses: Record<string, ResponseObject> };
export type Document = { paths: Record<string, Record<string, OperationObject>>; components: { schemas: Record<string, Schema>; responses: Record<string, ResponseObject> } };

export type Answer = { status: number; contentType: string | null; body: string };
export type Located = { path: string; method: string; op: OperationObject };

const COMPONENTS = "urn:vendor-erp:openapi-components";
const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

let state: { doc: Document; ajv: Ajv2020; compiled: Map<string, ValidateFunction> } | undefined;

export function contractDocument(): Document {
  return load().doc;
}

function load() {
  if (state) return state;
  const doc = buildOpenApiDocument() as unknown as Document;
  // OpenAPI's `example` is not a JSON Schema keyword; every other unknown keyword (a typo) fails to compile.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, strictTuples: false, keywords: ["example"] });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS, $defs: closeAll(rewriteRefs(doc.components.schemas)) });
  state = { doc, ajv, compiled: new Map() };
  return state;
}

/**
 * The operation a route module answers for. `template` comes from the module's folder
 * (/api/v1/connections/{id}/{action}); a dynamic folder may stand for literal segments of the
 * document (/connections/{id}/suspend), told apart by the request's params. Parameter names may
 * differ between the folder and the document.
 */
export function locateOperation(method: string, template: string, params: Record<string, string>): Located | null {
  const { doc } = load();
  const segs = template.split("/");
  let best: { located: Located; literals: number } | null = null;
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops[method.toLowerCase()];
    if (!op) continue;
    const docSegs = path.split("/");
    if (docSegs.length !== segs.length) continue;
    let literals = 0;
    let fits = true;
    for (let i = 0; i < segs.length && fits; i++) {
      const dyn = /^\{(\w+)\}$/.exec(segs[i]);
      const docDyn = /^\{\w+\}$/.test(docSegs[i]);
      if (!dyn) fits = !docDyn && docSegs[i] === segs[i];
      else if (!docDyn) fits = params[dyn[1]] === docSegs[i] && ++literals > 0;
    }
    if (fits && (!best || literals > best.literals)) best = { located: { path, method: method.toLowerCase(), op }, literals };
  }
  return best?.located ?? null;
}

/** What is wrong with `answer` as an answer of the operation, in words naming the JSON path; [] when nothing. */
export function checkAnswer(located: Located, answer: Answer): string[] {
  const { doc } = load();
  const name = `${located.method.toUpperCase()} ${located.path} → ${answer.status}`;
  const declared = located.op.responses[String(answer.status)];
  const success = answer.status < 400;
  if (!declared && success) return [`${name}: the document declares no ${answer.status} answer (declared: ${Object.keys(located.op.responses).join(", ")})`];
  const responseKey = declared ? String(answer.status) : "default";
  let response = declared ?? located.op.responses.default;
  if (!response) return [`${name}: the document declares neither ${answer.status} nor default`];
  if (response.$ref) response = doc.components.responses[response.$ref.split("/").pop()!];
  const mediaType = answer.contentType?.split(";")[0].trim().toLowerCase() ?? null;
  const content = response.content ?? {};
  if (!Object.keys(content).length) return answer.body.length ? [`${name}: the document declares no body, the route sent ${answer.body.length} bytes of ${mediaType ?? "no content type"}`] : [];
  if (!mediaType) return [`${name}: no Content-Type; declared: ${Object.keys(content).join(", ")}`];
  const media = content[mediaType];
  if (!media) return [`${name}: Content-Type ${mediaType} is not declared (declared: ${Object.keys(content).join(", ")})`];
  if (!/^application\/(.+\+)?json$/.test(mediaType) || !media.schema) return [];
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [`${name}: the body is not JSON`];
  }
  const validate = validatorFor(`${located.method} ${located.path} ${responseKey} ${mediaType}`, media.schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${name} ${mediaType}: ${describe(e, body)}`);
}

/** What is wrong with `answer` as a problem+json refusal (for a request no operation describes). */
export function checkProblem(answer: Answer): string[] {
  const problemOnly = { operationId: "refusal", responses: { default: { $ref: "#/components/responses/Problem" } } };
  return checkAnswer({ path: "(no operation)", method: "refusal", op: problemOnly }, answer);
}

/** Compiles a schema of the document (closing its objects); throws on a schema that is not valid JSON Schema. */
export function validatorFor(key: string, schema: Schema): ValidateFunction {
  const { ajv, compiled } = load();
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(closeAll(rewriteRefs(schema)) as Schema);
    compiled.set(key, v);
  }
  return v;
}

export function operationsOf(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => METHODS.has(m)).map(([method, op]) => ({ path, method, op })));
}

function describe(e: ErrorObject, body: unknown): string {
  const where = e.instancePath || "(the body)";
  const value = e.instancePath.split("/").slice(1).reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), body);
  const shown = JSON.stringify(value)?.slice(0, 80) ?? "undefined";
  if (e.keyword === "additionalProperties") return `${where} has "${(e.params as { additionalProperty: string }).additionalProperty}", which the schema does not name`;
  if (e.keyword === "required") return `${where} lacks "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === "enum") return `${where} is ${shown}, not one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return `${where} ${e.message} (got ${shown})`;
}

/** `#/components/schemas/X` → the registered components schema, so a response schema compiles on its own. */
function rewriteRefs<T>(s: T): T {
  if (Array.isArray(s)) return s.map(rewriteRefs) as T;
  if (!s || typeof s !== "object") return s;
  return Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/") ? `${COMPONENTS}#/$defs/${v.slice("#/components/schemas/".length)}` : rewriteRefs(v)]),
  ) as T;
}

/** Objects that list their properties get no others, unless they say so themselves. */
function closeAll<T>(s: T, inAllOf = false): T {
  if (Array.isArray(s)) return s.map((x) => closeAll(x, inAllOf)) as T;
  if (!s || typeof s !== "object") return s;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s as Schema)) {
    if (k === "properties" || k === "$defs") out[k] = Object.fromEntries(Object.entries(v as Schema).map(([p, ps]) => [p, closeAll(ps)]));
    else if (k === "allOf") out[k] = (v as Schema[]).map((x) => closeAll(x, true));
    else if (k === "enum" || k === "const" || k === "required" || k === "example" || k === "default") out[k] = v;
    else out[k] = closeAll(v);
  }
  if (out.properties && !("additionalProperties" in out) && !inAllOf) out.additionalProperties = false;
  return out as T;
}
