// OpenAPI operations for e-invoicing (IRN), e-way bill JSON, cancelling documents and the e-invoice settings.
import { z } from "zod";
import { cancelInvoiceInput, ewayBillTransportInput, updateEInvoiceSettingsInput } from "@/lib/billing/einvoice/einvoice.schemas";
import type { Operation } from "@/lib/http/openapi-operation";
import { dateTime, money, object, str } from "@/lib/http/openapi-schemas";

const problem = { type: "object", properties: { path: { type: "string" }, message: { type: "string" }, level: { enum: ["error", "warning"] } } };
const settingsView = {
  title: "EInvoiceSettings",
  type: "object",
  properties: {
    eInvoiceEnabled: { type: "boolean" },
    irpMode: { enum: ["SANDBOX", "NIC"], description: "SANDBOX = the local IRP sandbox (not reported to GSTN)" },
    irpBaseUrl: { type: ["string", "null"] },
    irpUsername: { type: ["string", "null"] },
    irpClientId: { type: ["string", "null"] },
    irpPasswordSet: { type: "boolean" },
    irpClientSecretSet: { type: "boolean" },
    irpPublicKeySet: { type: "boolean" },
  },
};

export const einvoiceOperations: Operation[] = [
  {
    method: "post",
    path: "/invoices/{id}/e-invoice",
    tag: "E-invoicing",
    summary: "Report the document to the IRP (generate, or retry after a failure)",
    description: "billing.write. NOT_REQUIRED or FAILED → PENDING and a background job submits it; 409 when pending, already e-invoiced or cancelled.",
    auth: true,
    response: { status: 202, description: "Queued for the IRP", schema: object({ id: str, eInvoiceStatus: { const: "PENDING" } }) },
  },
  {
    method: "get",
    path: "/invoices/{id}/e-invoice/json",
    tag: "E-invoicing",
    summary: "The IRP JSON (schema 1.1) of the document, with every problem in words",
    description: "billing.read (staff). Problems of level error stop a submission; warnings do not.",
    auth: true,
    response: { status: 200, description: "{ invoiceId, number, irpMode, json, problems[] }", schema: { type: "object", properties: { invoiceId: { type: "string" }, number: { type: "string" }, irpMode: { enum: ["SANDBOX", "NIC"] }, json: { type: "object", additionalProperties: true, description: "The IRP's e-invoice JSON, schema 1.1" }, problems: { type: "array", items: problem } } } },
  },
  {
    method: "post",
    path: "/invoices/{id}/cancel",
    tag: "E-invoicing",
    summary: "Cancel an issued invoice, credit note or debit note",
    description:
      "billing.write. Refused (409) while notes against it are issued or an e-way bill is active. An e-invoiced document only within 24 hours of its acknowledgement (its IRN is then cancelled at the IRP); after that 409 with details.suggestion = \"credit_note\". Payments applied go back on account; an invoice from an order gives the order its quantities back.",
    auth: true,
    body: cancelInvoiceInput,
    response: {
      status: 200,
      description: "The cancelled document",
      schema: object({
        id: str,
        number: str,
        status: { const: "CANCELLED" },
        eInvoiceStatus: { enum: ["NOT_REQUIRED", "PENDING", "GENERATED", "FAILED", "CANCELLED"], description: "GENERATED until the IRP confirms the IRN's cancellation (then CANCELLED)" },
        cancelledAt: dateTime,
        cancelReason: str,
        releasedAmount: { ...money, description: "Payments and credit that went back on account" },
      }),
    },
  },
  {
    method: "get",
    path: "/invoices/{id}/e-way-bill",
    tag: "E-invoicing",
    summary: "E-way bill JSON of a tax invoice (Part B with the vehicle number)",
    description: "billing.read. Returns { required, threshold, validityDays, validUntil, json, problems }; with ?download=1 the portal's bulk upload file as an attachment.",
    auth: true,
    query: ewayBillTransportInput.extend({ download: z.enum(["1"]).optional() }),
    response: {
      status: 200,
      description: "The e-way bill view; with ?download=1 the portal's bulk upload file (Content-Disposition: attachment)",
      schema: {
        anyOf: [
          object({
            invoiceId: str,
            number: str,
            required: { type: "boolean", description: "The consignment's value is over the threshold" },
            threshold: money,
            validityDays: { type: "integer" },
            validUntil: { ...dateTime, description: "If generated now" },
            json: { type: "object", additionalProperties: true, description: "The GENEWAYBILL JSON of the e-way bill portal" },
            problems: { type: "array", items: object({ path: str, message: str }) },
          }),
          object({ version: str, billLists: { type: "array", items: { type: "object", additionalProperties: true }, description: "One GENEWAYBILL JSON" } }, { description: "The bulk upload file (?download=1)" }),
        ],
      },
    },
  },
  { method: "get", path: "/e-invoice-settings", tag: "E-invoicing", summary: "E-invoicing settings (credentials shown only as set / not set)", auth: true, response: { status: 200, description: "Settings", schema: settingsView } },
  {
    method: "patch",
    path: "/e-invoice-settings",
    tag: "E-invoicing",
    summary: "Change e-invoicing settings and NIC credentials",
    description: "billing.write or company.write. irpPassword and irpClientSecret are write-only (stored encrypted); omit to keep, null to clear.",
    auth: true,
    body: updateEInvoiceSettingsInput,
    response: { status: 200, description: "Settings", schema: settingsView },
  },
];
