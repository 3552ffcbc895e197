// OpenAPI operations for delivery challans.
import { notModifiedResponse, storedPdfHeaders, storedPdfQuery } from "@/lib/billing/pdf.openapi";
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { cancelChallanInput, createChallanInput, listChallansInput } from "./challans.schemas";

const party = { type: "object", properties: { name: { type: "string" }, gstin: { type: ["string", "null"] }, address1: { type: "string" }, address2: { type: ["string", "null"] }, city: { type: "string" }, stateCode: { type: "string" }, pincode: { type: "string" } } };
const whRef = { type: ["object", "null"], properties: { id: { type: "string" }, code: { type: "string" }, name: { type: "string" } } };
const rupees = (description: string) => ({ type: "string", description: `Decimal rupees: ${description}` });
export const challanViewSchema = {
  title: "Challan",
  type: "object",
  properties: {
    id: { type: "string" },
    number: { type: "string", example: "DC/26-27/00001" },
    reason: { enum: ["STOCK_TRANSFER", "APPROVAL", "JOB_WORK", "EXHIBITION", "OTHER"] },
    reasonNote: { type: ["string", "null"] },
    status: { enum: ["ISSUED", "CANCELLED"] },
    challanDate: { type: "string", format: "date" },
    fromWarehouse: { ...whRef, description: "Where the goods leave from" },
    toWarehouse: { ...whRef, description: "Stock transfers: the receiving warehouse" },
    stockTransfer: { type: ["object", "null"], properties: { id: { type: "string" }, number: { type: "string" } } },
    shipment: { type: ["object", "null"], properties: { id: { type: "string" }, number: { type: "string" }, kind: { enum: ["SUPPLY", "STOCK_TRANSFER", "APPROVAL", "JOB_WORK"] }, status: { type: "string" } } },
    connectionId: { type: ["string", "null"], description: "The retailer it goes to, if any" },
    consignor: party,
    consignee: party,
    taxType: { enum: ["intra", "inter"] },
    taxableTotal: rupees("sum of the lines' taxable values"),
    cgstTotal: rupees("CGST that would apply (information)"),
    sgstTotal: rupees("SGST that would apply (information)"),
    igstTotal: rupees("IGST that would apply (information)"),
    cessTotal: rupees("cess that would apply (information)"),
    totalValue: rupees("value with the GST that would apply (information; e-way bill threshold)"),
    notes: { type: ["string", "null"] },
    cancelledAt: { type: ["string", "null"], format: "date-time" },
    cancelReason: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
    lines: {
      type: "array",
      items: {
        type: "object",
        properties: {
          position: { type: "integer" },
          productId: { type: ["string", "null"] },
          description: { type: "string" },
          sku: { type: ["string", "null"] },
          hsnCode: { type: "string" },
          quantity: { type: "string" },
          unit: { type: "string" },
          rate: rupees("per unit"),
          taxableValue: rupees("quantity × rate"),
          gstRate: { type: "string", description: "Percent" },
          cessRate: { type: "string", description: "Percent" },
        },
      },
    },
    ewayBills: { type: "array", description: "Newest first", items: { type: "object", properties: { id: { type: "string" }, ewbNo: { type: ["string", "null"] }, status: { enum: ["PENDING", "GENERATED", "CANCELLED", "EXPIRED", "FAILED"] }, validUntil: { type: ["string", "null"], format: "date-time" } } } },
  },
};

export const challanOperations: Operation[] = [
  { method: "get", path: "/challans", tag: "Delivery challans", summary: "List delivery challans", description: "logistics.read. Filters: q (number, consignee, note), status, reason.", auth: true, query: listChallansInput.pick({ q: true, status: true, reason: true }), response: { status: 200, description: "A page of challans", schema: challanViewSchema, list: true } },
  {
    method: "post",
    path: "/challans",
    tag: "Delivery challans",
    summary: "Issue a delivery challan (CGST Rule 55)",
    description:
      "logistics.write. For goods that move without a supply: STOCK_TRANSFER to another own warehouse in the same state (an inter-state transfer is a supply and is refused), APPROVAL, JOB_WORK, EXHIBITION, OTHER (reasonNote required). Lines from `lines` or from the linked stock transfer; rate defaults to the product's cost (transfer, job work) or price. Optional shipmentId of a matching kind (one live challan per shipment). Numbered DC/yy-yy/00001, gapless per financial year.",
    auth: true,
    idempotent: true,
    body: createChallanInput,
    response: { status: 201, description: "The challan", schema: challanViewSchema },
  },
  { method: "get", path: "/challans/{id}", tag: "Delivery challans", summary: "One delivery challan", auth: true, response: { status: 200, description: "The challan", schema: challanViewSchema } },
  { method: "post", path: "/challans/{id}/cancel", tag: "Delivery challans", summary: "Cancel a delivery challan", description: "logistics.write. 409 while an e-way bill on it is live or once its shipment has left.", auth: true, body: cancelChallanInput, response: { status: 200, description: "The cancelled challan", schema: challanViewSchema } },
  {
    method: "get",
    path: "/challans/{id}/pdf",
    tag: "Delivery challans",
    summary: "The challan as a PDF (original, duplicate, triplicate)",
    description: "?download=1 for an attachment. Rendered on the first download and served from storage with a strong ETag; a cancellation or an e-way bill renders it again once.",
    auth: true,
    query: storedPdfQuery,
    response: { status: 200, description: "The challan PDF", files: [mediaTypes.pdf], headers: storedPdfHeaders },
    otherResponses: [notModifiedResponse],
  },
];
