// The OpenAPI 3.1 document, generated from the same zod schemas the domain functions parse.
// Every /api/v1 route adds its operation to `operations` below.
import { z } from "zod";
import { paymentsOperations } from "@/lib/billing/payments.openapi";
import { invoicesOperations } from "@/lib/billing/invoices.openapi";
import { einvoiceOperations } from "@/lib/billing/einvoice.openapi";
import { gatewayOperations, gatewayWebhookPaths } from "@/lib/billing/gateway/gateway.openapi";
import { catalogOperations } from "@/lib/catalog/catalog.openapi";
import { browseCatalogInput } from "@/lib/catalog/portal-catalog.schemas";
import { inventoryOperations } from "@/lib/inventory/inventory.openapi";
import { geoOperations } from "@/lib/logistics/geo/geo.openapi";
import { planningOperations } from "@/lib/logistics/planning/planning.openapi";
import { fleetOperations } from "@/lib/logistics/fleet/fleet.openapi";
import { shippingOperations, shippingWebhookPaths } from "@/lib/logistics/shipping/shipping.openapi";
import { pdfOperations } from "@/lib/billing/pdf.openapi";
import { notificationsOperations } from "@/lib/notifications/notifications.openapi";
import { ordersOperations } from "@/lib/orders/orders.openapi";
import { shipmentsOperations } from "@/lib/logistics/shipments/shipments.openapi";
import { tripsOperations } from "@/lib/logistics/trips/trips.openapi";
import { driverOperations } from "@/lib/logistics/driver/driver.openapi";
import { cartOperations } from "@/lib/orders/cart.openapi";
import { challanOperations } from "@/lib/logistics/challans/challans.openapi";
import { ewayBillOperations } from "@/lib/logistics/ewaybills/ewaybills.openapi";
import type { Operation } from "@/lib/http/openapi-operation";
import { pricingOperations } from "@/lib/pricing/pricing.openapi";
import { changePasswordInput, refreshRequest, sessionView, tokenRequest, tokenResponse } from "@/lib/auth/auth.schemas";
import { systemOperations } from "@/lib/system/system.openapi";
import { gstReturnsOperations } from "@/lib/reporting/gst/gst-returns.openapi";
import { reportsOperations } from "@/lib/reporting/reports.openapi";
import { requestResetInput, resetPasswordInput } from "@/lib/auth/password-reset";
import { updateCompanyInput } from "@/lib/company/company.schemas";
import { addEmployeeInput, listEmployeesInput, updateEmployeeInput } from "@/lib/people/people.schemas";
import {
  acceptInvitationInput,
  approveJoinRequestInput,
  connectionTermsInput,
  createInvitationInput,
  joinRequestInput,
  listRetailersInput,
  rejectJoinRequestInput,
  updateRetailerBusinessInput,
} from "@/lib/network/network.schemas";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const companyView = { type: "object", description: "Company profile; all fields of the PATCH body plus id, code, stateName, logoUrl, createdAt, updatedAt" };
const connectionView = {
  type: "object",
  properties: {
    id: { type: "string" },
    status: { enum: ["PENDING", "ACTIVE", "SUSPENDED", "ENDED"] },
    customerCode: { type: ["string", "null"] },
    creditLimit: { type: "string", description: "Decimal rupees, e.g. \"150000.00\"" },
    paymentTermsDays: { type: "integer" },
    placeOfSupply: { type: "string", description: "GST state code" },
    shippingAddress: { type: ["object", "null"] },
    retailer: { type: "object" },
  },
};
const employeeView = {
  type: "object",
  properties: {
    id: { type: "string", description: "Membership id (use in /employees/{id})" },
    userId: { type: "string" },
    name: { type: "string" },
    email: { type: "string" },
    phone: { type: ["string", "null"] },
    role: { enum: ["OWNER", "ADMIN", "MANAGER", "SALES", "WAREHOUSE", "ACCOUNTANT", "DRIVER"] },
    title: { type: ["string", "null"] },
    active: { type: "boolean" },
    invitePending: { type: "boolean" },
    lastLoginAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
  },
};

export const operations: Operation[] = [
  { method: "post", path: "/auth/token", tag: "Auth", summary: "Sign in: email + password → access and refresh tokens", description: "Failed attempts slow down per account and client address (429 with Retry-After: 2 s after the 5th failure, doubling to 15 minutes), per address across accounts, and after 100 failures on one account from anywhere a password alone is refused with 403 `reset_required` until the password is reset with an emailed code.", body: tokenRequest, response: { status: 200, description: "Token pair", schema: tokenResponse } },
  { method: "post", path: "/auth/refresh", tag: "Auth", summary: "Rotate a refresh token", description: "Each refresh token works once. Presenting a spent one revokes every token of that sign-in.", body: refreshRequest, response: { status: 200, description: "New token pair", schema: tokenResponse } },
  { method: "post", path: "/auth/logout", tag: "Auth", summary: "Revoke the refresh token and its family", body: refreshRequest, response: { status: 204, description: "Signed out" } },
  { method: "post", path: "/auth/password-reset/request", tag: "Auth", summary: "Email a 6-digit password reset code", description: "Always answers 202 with the same message, whether or not the email exists (the code is made and mailed by a background job). Rate-limited per email and per client address (429 with Retry-After).", body: requestResetInput, response: { status: 202, description: "Accepted" } },
  { method: "post", path: "/auth/password-reset/confirm", tag: "Auth", summary: "Set a new password with the emailed code", description: "Codes expire after 10 minutes and allow 5 attempts. Every failure (unknown email, no code, wrong, used or expired code, too many attempts) gets the same 400 answer.", body: resetPasswordInput, response: { status: 200, description: "Password changed" } },
  { method: "post", path: "/auth/logout-everywhere", tag: "Auth", summary: "End every session and token of the acting user", description: "Every browser session and API sign-in of this user ends at once, this one included.", auth: true, response: { status: 200, description: "How many sessions ended", schema: z.object({ endedSessions: z.number().int() }) } },
  { method: "get", path: "/me", tag: "Auth", summary: "The acting user and the companies they can switch to", auth: true, response: { status: 200, description: "Actor" } },
  { method: "post", path: "/me/password", tag: "Auth", summary: "Change my password", description: "Needs the current password. Every other session and API token of this user ends at once; this one stays.", auth: true, body: changePasswordInput, response: { status: 200, description: "Changed", schema: z.object({ endedSessions: z.number().int() }) } },
  { method: "get", path: "/me/sessions", tag: "Auth", summary: "Where I am signed in", auth: true, response: { status: 200, description: "Live sessions, newest first", schema: z.object({ data: z.array(sessionView) }) } },
  { method: "delete", path: "/me/sessions/{id}", tag: "Auth", summary: "End one of my sessions", auth: true, response: { status: 204, description: "Ended" } },
  { method: "get", path: "/company", tag: "Company", summary: "The acting company's profile", auth: true, response: { status: 200, description: "Company", schema: companyView } },
  { method: "patch", path: "/company", tag: "Company", summary: "Update the company profile", description: "GSTIN is checked with its check digit; the state follows the GSTIN.", auth: true, body: updateCompanyInput, response: { status: 200, description: "Updated company", schema: companyView } },
  { method: "get", path: "/company/logo", tag: "Company", summary: "The company logo image", auth: true, response: { status: 200, description: "image/png, image/jpeg or image/webp" } },
  { method: "put", path: "/company/logo", tag: "Company", summary: "Upload the company logo", description: "Send the image bytes as the body with Content-Type image/png, image/jpeg or image/webp; at most 512 KB. The image is decoded and re-encoded (a WebP becomes PNG, so invoice PDFs can print it; metadata is dropped; at most 1024 px a side); a file that does not decode as its type is refused.", auth: true, response: { status: 200, description: "The new logo URL" } },
  { method: "delete", path: "/company/logo", tag: "Company", summary: "Remove the company logo", auth: true, response: { status: 204, description: "Removed" } },
  { method: "get", path: "/employees", tag: "Employees", summary: "List employees", auth: true, query: listEmployeesInput.pick({ q: true, role: true, status: true, sort: true, dir: true }), response: { status: 200, description: "A page of employees", schema: employeeView, list: true } },
  { method: "post", path: "/employees", tag: "Employees", summary: "Add an employee (emails them a code to set a password)", auth: true, idempotent: true, body: addEmployeeInput, response: { status: 201, description: "The new employee", schema: employeeView } },
  { method: "patch", path: "/employees/{id}", tag: "Employees", summary: "Change an employee's role, title or active flag", auth: true, body: updateEmployeeInput, response: { status: 200, description: "The employee", schema: employeeView } },
  { method: "delete", path: "/employees/{id}", tag: "Employees", summary: "Deactivate an employee", auth: true, response: { status: 200, description: "The deactivated employee", schema: employeeView } },
  { method: "get", path: "/retailers", tag: "Retailers", summary: "List the company's retailers (connections)", description: "Search by name, GSTIN, customer code or city; filter by status.", auth: true, query: listRetailersInput.pick({ q: true, status: true, sort: true, dir: true }), response: { status: 200, description: "A page of connections with their retailer", schema: connectionView, list: true } },
  { method: "get", path: "/retailers/{id}", tag: "Retailers", summary: "One retailer: terms, business, contacts and activity", description: "{id} is the connection id.", auth: true, response: { status: 200, description: "Retailer detail", schema: connectionView } },
  { method: "patch", path: "/connections/{id}", tag: "Retailers", summary: "Change a retailer's terms", auth: true, body: connectionTermsInput, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/connections/{id}/suspend", tag: "Retailers", summary: "Suspend a connection (ACTIVE → SUSPENDED)", auth: true, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/connections/{id}/reactivate", tag: "Retailers", summary: "Reactivate a suspended connection", auth: true, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/connections/{id}/end", tag: "Retailers", summary: "End a connection", auth: true, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "get", path: "/invitations", tag: "Invitations", summary: "List invitations", description: "status: pending, expired, accepted, revoked or all.", auth: true, response: { status: 200, description: "A page of invitations", list: true } },
  { method: "post", path: "/invitations", tag: "Invitations", summary: "Invite a retailer by email (7-day single-use link)", auth: true, idempotent: true, body: createInvitationInput, response: { status: 201, description: "The invitation" } },
  { method: "post", path: "/invitations/{id}/resend", tag: "Invitations", summary: "Send a fresh link valid for another 7 days", auth: true, response: { status: 200, description: "The invitation" } },
  { method: "post", path: "/invitations/{id}/revoke", tag: "Invitations", summary: "Withdraw an open invitation", auth: true, response: { status: 200, description: "The invitation" } },
  { method: "get", path: "/invitations/by-token/{token}", tag: "Invitations", summary: "Preview an invitation link (public)", response: { status: 200, description: "Vendor, email, state and whether the email has an account" } },
  { method: "post", path: "/invitations/accept", tag: "Invitations", summary: "Accept an invitation (public)", description: "New people send name, password and business; existing retailer users send their password.", body: acceptInvitationInput, response: { status: 200, description: "The active connection" } },
  { method: "get", path: "/join-requests", tag: "Join requests", summary: "Vendor inbox of join requests", description: "status: pending, approved, rejected, cancelled or all.", auth: true, response: { status: 200, description: "A page of join requests", list: true } },
  { method: "post", path: "/join-requests", tag: "Join requests", summary: "Retailer: ask a vendor (by code or GSTIN) to connect", auth: true, idempotent: true, body: joinRequestInput, response: { status: 201, description: "The join request" } },
  { method: "post", path: "/join-requests/{id}/approve", tag: "Join requests", summary: "Approve with terms (connection becomes active)", auth: true, body: approveJoinRequestInput, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/join-requests/{id}/reject", tag: "Join requests", summary: "Reject with a reason", auth: true, body: rejectJoinRequestInput, response: { status: 200, description: "The join request" } },
  { method: "post", path: "/join-requests/{id}/cancel", tag: "Join requests", summary: "Retailer: withdraw a pending request", auth: true, response: { status: 200, description: "The join request" } },
  { method: "get", path: "/vendors/lookup", tag: "Retailer portal", summary: "Find a vendor by public code or GSTIN", auth: true, response: { status: 200, description: "Vendor's public details and your connection status" } },
  { method: "get", path: "/me/vendors", tag: "Retailer portal", summary: "My vendors: status, credit limit, terms", auth: true, response: { status: 200, description: "{ data: [...] }" } },
  { method: "get", path: "/me/join-requests", tag: "Retailer portal", summary: "My join requests and their outcome", auth: true, response: { status: 200, description: "{ data: [...] }" } },
  { method: "get", path: "/me/business", tag: "Retailer portal", summary: "My business profile and users", auth: true, response: { status: 200, description: "Business" } },
  { method: "patch", path: "/me/business", tag: "Retailer portal", summary: "Update my business profile (owner only)", auth: true, body: updateRetailerBusinessInput, response: { status: 200, description: "Business" } },
  { method: "delete", path: "/me/business/users/{id}", tag: "Retailer portal", summary: "Remove a team member (owner only)", description: "Deactivates the member and ends every session and API token of theirs at once.", auth: true, response: { status: 204, description: "Removed" } },
  { method: "get", path: "/me/vendors/{code}/catalog", tag: "Retailer portal", summary: "A connected vendor's catalog at my prices", description: "{code} is the vendor's public code. Active products with the price this retailer pays today for the minimum order quantity (its price list, else the vendor's default list, else the base price), the next quantity slab, and availability as in_stock / low / out (exact availableQty only when the vendor shows stock). Filters: q, categoryId, inStock=true.", auth: true, query: browseCatalogInput.pick({ q: true, categoryId: true }), response: { status: 200, description: "A page of products", list: true } },
  { method: "get", path: "/me/vendors/{code}/categories", tag: "Retailer portal", summary: "A connected vendor's categories with product counts", auth: true, response: { status: 200, description: "{ data: [{ id, name, label, productCount }] }" } },
  { method: "get", path: "/me/vendors/{code}/catalog/images/{imageId}", tag: "Retailer portal", summary: "A product image from a connected vendor's catalog", auth: true, response: { status: 200, description: "image/png, image/jpeg or image/webp" } },
  ...catalogOperations,
  ...pricingOperations,
  ...inventoryOperations,
  ...ordersOperations,
  ...cartOperations,
  ...notificationsOperations,
  ...paymentsOperations,
  ...invoicesOperations,
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
];

function schemaOf(s: z.ZodType | Record<string, unknown>) {
  if (s instanceof z.ZodType) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
    return rest;
  }
  return s;
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = [];
    for (const name of op.path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) parameters.push({ name, in: "path", required: true, schema: { type: "string" } });
    if (op.query) {
      const props = (schemaOf(op.query) as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, schema] of Object.entries(props)) parameters.push({ name, in: "query", required: false, schema });
    }
    if (op.response?.list) {
      parameters.push({ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } });
      parameters.push({ name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" });
    }
    if (op.idempotent) parameters.push({ name: "Idempotency-Key", in: "header", schema: { type: "string", maxLength: 255 }, description: "Replays return the first response; the same key with another body is 422." });
    const ok = op.response ?? { status: 200, description: "OK" };
    const okSchema = ok.schema ? schemaOf(ok.schema) : undefined;
    const content = okSchema
      ? { "application/json": { schema: ok.list ? { type: "object", properties: { data: { type: "array", items: okSchema }, nextCursor: { type: ["string", "null"] }, total: { type: "integer" } } } : okSchema } }
      : undefined;
    (paths[`/api/v1${op.path}`] ??= {})[op.method] = {
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      ...(op.auth ? { security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body) } } } } : {}),
      responses: {
        [ok.status]: { description: ok.description, ...(content ? { content } : {}) },
        ...(op.body ? { 400: { $ref: "#/components/responses/Problem" }, 413: { $ref: "#/components/responses/Problem" } } : {}),
        ...(op.auth ? { 401: { $ref: "#/components/responses/Problem" }, 403: { $ref: "#/components/responses/Problem" }, 404: { $ref: "#/components/responses/Problem" } } : {}),
        // Every route refuses control characters in its body, query and path with 422 (and a reused Idempotency-Key with another body).
        422: { $ref: "#/components/responses/Problem" },
        429: { $ref: "#/components/responses/Problem" },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Vendor ERP API",
      version: "1.0.0",
      description: "REST API for the mobile app and external systems. Amounts are decimal strings; errors are RFC 9457 problem+json with a stable `code`. Text may hold any Unicode except control characters other than tab, LF and CR (answered with 422, naming the field). Every response carries `x-request-id`.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set([...operations.map((o) => o.tag), "Webhooks"])].map((name) => ({ name })),
    paths: { ...paths, ...gatewayWebhookPaths, ...shippingWebhookPaths },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Access token from POST /api/v1/auth/token (15 minutes)" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Browser session" },
      },
      schemas: {
        Problem: {
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
        },
      },
      responses: { Problem: { description: "Problem details", content: { "application/problem+json": { schema: ref("Problem") } } } },
    },
  };
}
