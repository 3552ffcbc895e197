// The OpenAPI 3.1 document, generated from the same zod schemas the domain functions parse and the
// answer schemas each domain declares next to them (lib/<domain>/*.openapi.ts). Every /api/v1 route
// adds its operation to `operations` below; tests/unit/openapi-document.test.ts walks the result and
// the integration suite checks every answer a route gives against it.
import { z } from "zod";
import { authOperations } from "@/lib/auth/auth.openapi";
import { paymentsOperations } from "@/lib/billing/payments.openapi";
import { invoicesOperations } from "@/lib/billing/invoices.openapi";
import { documentPreviewOperations } from "@/lib/billing/document-preview.openapi";
import { einvoiceOperations } from "@/lib/billing/einvoice.openapi";
import { gatewayOperations, gatewayWebhookPaths } from "@/lib/billing/gateway/gateway.openapi";
import { catalogOperations } from "@/lib/catalog/catalog.openapi";
import { portalCatalogOperations } from "@/lib/catalog/portal-catalog.openapi";
import { companyOperations } from "@/lib/company/company.openapi";
import { inventoryOperations } from "@/lib/inventory/inventory.openapi";
import { geoOperations } from "@/lib/logistics/geo/geo.openapi";
import { planningOperations } from "@/lib/logistics/planning/planning.openapi";
import { fleetOperations } from "@/lib/logistics/fleet/fleet.openapi";
import { shippingOperations, shippingWebhookPaths } from "@/lib/logistics/shipping/shipping.openapi";
import { pdfOperations } from "@/lib/billing/pdf.openapi";
import { networkOperations } from "@/lib/network/network.openapi";
import { notificationsOperations } from "@/lib/notifications/notifications.openapi";
import { ordersOperations } from "@/lib/orders/orders.openapi";
import { peopleOperations } from "@/lib/people/people.openapi";
import { shipmentsOperations } from "@/lib/logistics/shipments/shipments.openapi";
import { tripsOperations } from "@/lib/logistics/trips/trips.openapi";
import { driverOperations } from "@/lib/logistics/driver/driver.openapi";
import { cartOperations } from "@/lib/orders/cart.openapi";
import { challanOperations } from "@/lib/logistics/challans/challans.openapi";
import { ewayBillOperations } from "@/lib/logistics/ewaybills/ewaybills.openapi";
import type { JsonSchema, Operation, OperationResponse } from "@/lib/http/openapi-operation";
import { portalOperations } from "@/lib/portal/portal.openapi";
import { pricingOperations } from "@/lib/pricing/pricing.openapi";
import { systemOperations } from "@/lib/system/system.openapi";
import { gstReturnsOperations } from "@/lib/reporting/gst/gst-returns.openapi";
import { reportsOperations } from "@/lib/reporting/reports.openapi";
import { bulkOperations } from "@/lib/bulk/bulk.openapi";

export const operations: Operation[] = [
  ...authOperations,
  ...companyOperations,
  ...peopleOperations,
  ...networkOperations,
  ...portalCatalogOperations,
  ...catalogOperations,
  ...pricingOperations,
  ...inventoryOperations,
  ...ordersOperations,
  ...cartOperations,
  ...portalOperations,
  ...notificationsOperations,
  ...paymentsOperations,
  ...invoicesOperations,
  ...documentPreviewOperations,
  ...einvoiceOperations,
  ...gatewayOperations,
  ...pdfOperations,
  ...systemOperations,
  ...geoOperations,
  ...shipmentsOperations,
  ...tripsOperations,
  ...planningOperations,
  ...gstReturnsOperations,
  ...challanOperations,
  ...ewayBillOperations,
  ...fleetOperations,
  ...shippingOperations,
  ...reportsOperations,
  ...driverOperations,
  ...bulkOperations,
  {
    method: "get",
    path: "/openapi.json",
    tag: "Meta",
    summary: "This OpenAPI 3.1 document",
    description: "The same document the reference at /api-docs is rendered from.",
    response: {
      status: 200,
      description: "The OpenAPI document",
      schema: {
        type: "object",
        required: ["openapi", "info", "paths", "components"],
        properties: { openapi: { const: "3.1.0" }, info: { type: "object", additionalProperties: true }, paths: { type: "object", additionalProperties: true }, components: { type: "object", additionalProperties: true } },
        additionalProperties: true,
      },
    },
  },
];

const problemRef = { $ref: "#/components/responses/Problem" };
const binary = { type: "string", format: "binary" };

export function buildOpenApiDocument() {
  const components = new Components();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = [];
    for (const name of pathParams(op.path)) parameters.push({ name, in: "path", required: true, schema: { type: "string" } });
    if (op.query) {
      const props = (requestSchema(op.query) as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, schema] of Object.entries(props)) parameters.push({ name, in: "query", required: false, schema });
    }
    if (op.response?.list) {
      parameters.push({ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } });
      parameters.push({ name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" });
    }
    if (op.idempotent) parameters.push({ name: "Idempotency-Key", in: "header", schema: { type: "string", maxLength: 255 }, description: "Replays return the first response; the same key with another body is 422." });
    const requestBody = op.body
      ? { required: true, content: { "application/json": { schema: requestSchema(op.body) } } }
      : op.rawBody
        ? { required: true, content: Object.fromEntries(op.rawBody.map((t) => [t, { schema: binary }])) }
        : undefined;
    const successes = [op.response ?? { status: 200, description: "OK" }, ...(op.otherResponses ?? [])];
    (paths[`/api/v1${op.path}`] ??= {})[op.method] = {
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: operationIdOf(op),
      ...(op.auth ? { security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        ...Object.fromEntries(successes.map((r) => [r.status, responseObject(r, components)])),
        ...(op.body || op.rawBody || op.query || op.response?.list ? { 400: problemRef } : {}),
        ...(op.body || op.rawBody ? { 413: problemRef } : {}),
        ...(op.auth ? { 401: problemRef, 403: problemRef, 404: problemRef } : {}),
        // Every route refuses control characters in its body, query and path with 422 (and a reused Idempotency-Key with another body).
        422: problemRef,
        429: problemRef,
        default: { description: "Any other error (409 for a state that does not allow it, 415 for a body that is not JSON, 500, 502 when a partner fails), as problem+json", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Vendor ERP API",
      version: "1.0.0",
      description:
        "REST API for the mobile app and external systems. Amounts are decimal strings; errors are RFC 9457 problem+json with a stable `code`. Text may hold any Unicode except control characters other than tab, LF and CR (answered with 422, naming the field). Every response carries `x-request-id`. Every property an answer lists is present (null when empty); answers may gain properties over time, so clients ignore those they do not know.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set([...operations.map((o) => o.tag), "Webhooks"])].map((name) => ({ name })),
    paths: { ...paths, ...gatewayWebhookPaths, ...shippingWebhookPaths },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Access token from POST /api/v1/auth/token (15 minutes)" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Browser session" },
      },
      schemas: { Problem: problemSchema, ...components.schemas },
      responses: { Problem: { description: "Problem details", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

export const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "code", "detail"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", description: "Stable machine-readable error code, e.g. validation, not_found, forbidden. `validation` is 400 for a field that breaks its rules and 422 for text holding a control character (any except tab, LF and CR, e.g. NUL) or an unpaired surrogate, anywhere in the body, query or path" },
    detail: { type: "string" },
    instance: { type: "string" },
    requestId: { type: "string" },
    errors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "Messages per field" },
  },
  additionalProperties: true,
  description: "RFC 9457 problem details. Some codes add their own fields, e.g. currentState (invalid_transition), items (insufficient_stock), retryAfterSeconds (rate_limited).",
};

export function pathParams(path: string) {
  return path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? [];
}

function operationIdOf(op: Operation) {
  return `${op.method}${op.path.replace(/[{}]/g, "").replace(/[./-](\w)/g, (_, c: string) => c.toUpperCase())}`;
}

function responseObject(r: OperationResponse, components: Components) {
  const content: Record<string, unknown> = {};
  if (r.schema) {
    const item = responseSchema(r.schema, components);
    content["application/json"] = { schema: r.list ? components.hoist(pageOf(item, r.pageExtra, components)) : item };
  }
  for (const type of r.files ?? []) content[type] = { schema: binary };
  return { description: r.description, ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([name, h]) => [name, { description: h.description, schema: { type: "string" } }])) } : {}), ...(Object.keys(content).length ? { content } : {}) };
}

function pageOf(item: JsonSchema, extra: OperationResponse["pageExtra"], components: Components): JsonSchema {
  const more = Object.fromEntries(Object.entries(extra ?? {}).map(([k, s]) => [k, responseSchema(s, components)]));
  return {
    type: "object",
    required: ["data", "nextCursor", "total", ...Object.keys(more)],
    properties: {
      data: { type: "array", items: item },
      nextCursor: { type: ["string", "null"], description: "Pass as cursor for the next page; null on the last" },
      total: { type: ["integer", "null"], description: "Rows matching the filters (null where a list is not counted)" },
      ...more,
    },
  };
}

function requestSchema(s: z.ZodType | JsonSchema) {
  if (s instanceof z.ZodType) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
    return rest;
  }
  return s;
}

/** A zod schema's output side, or a hand-written schema with `required` filled in; named ones become components. */
function responseSchema(s: z.ZodType | JsonSchema, components: Components): JsonSchema {
  if (s instanceof z.ZodType) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: "output", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
    return components.hoist(complete(rest, false));
  }
  return components.hoist(complete(s, true));
}

/**
 * Every listed property of an answer is present unless its object names `required` itself; answers
 * may gain properties, so the document leaves objects open (the contract test closes them).
 */
function complete(s: JsonSchema, fillRequired: boolean): JsonSchema {
  if (typeof s !== "object" || s === null || Array.isArray(s)) return s;
  const out: JsonSchema = { ...s };
  if (out.properties && typeof out.properties === "object") {
    out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, JsonSchema>).map(([k, v]) => [k, complete(v, fillRequired)]));
    if (!out.required && fillRequired) out.required = Object.keys(out.properties as object);
  }
  if (out.additionalProperties === false) delete out.additionalProperties;
  else if (out.additionalProperties && typeof out.additionalProperties === "object") out.additionalProperties = complete(out.additionalProperties as JsonSchema, fillRequired);
  if (out.items && typeof out.items === "object") out.items = complete(out.items as JsonSchema, fillRequired);
  for (const k of ["anyOf", "oneOf", "allOf", "prefixItems"] as const) if (Array.isArray(out[k])) out[k] = (out[k] as JsonSchema[]).map((x) => complete(x, fillRequired));
  return out;
}

/** Schemas with a `title` are named types: listed once under components.schemas and referenced. */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly seen = new Map<string, string>();

  hoist(s: JsonSchema): JsonSchema {
    if (typeof s !== "object" || s === null || Array.isArray(s)) return s;
    const out: JsonSchema = { ...s };
    if (out.properties) out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, JsonSchema>).map(([k, v]) => [k, this.hoist(v)]));
    if (out.additionalProperties && typeof out.additionalProperties === "object") out.additionalProperties = this.hoist(out.additionalProperties as JsonSchema);
    if (out.items && typeof out.items === "object") out.items = this.hoist(out.items as JsonSchema);
    for (const k of ["anyOf", "oneOf", "allOf", "prefixItems"] as const) if (Array.isArray(out[k])) out[k] = (out[k] as JsonSchema[]).map((x) => this.hoist(x));
    if (typeof out.title !== "string") return out;
    const name = out.title;
    // A use may say what the thing is there ({ ...retailer, description: "…" }): the same type, its own words.
    const { description, ...shape } = out;
    const text = JSON.stringify(shape);
    const before = this.seen.get(name);
    if (before !== undefined && before !== text) throw new Error(`Two different answer schemas are both named ${name}`);
    if (before === undefined) {
      this.seen.set(name, text);
      this.schemas[name] = out;
    }
    const own = this.schemas[name].description;
    return description !== undefined && description !== own ? { $ref: `#/components/schemas/${name}`, description } : { $ref: `#/components/schemas/${name}` };
  }
}
