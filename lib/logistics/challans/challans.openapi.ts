// OpenAPI operations for delivery challans.
import { attachmentHeader, mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { cancelChallanInput, createChallanInput, listChallansInput } from "./challans.schemas";

const party = { type: "object", properties: { name: { type: "string" }, gstin: { type: ["string", "null"] }, address1: { type: "string" }, address2: { type: ["string", "null"] }, city: { type: "string" }, stateCode: { type: "string" }, pincode: { type: "string" } } };
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
    consignor: party,
    consignee: party,
    taxType: { enum: ["intra", "inter"] },
    taxableTotal: { type: "string", description: "Decimal rupees" },
    totalValue: { type: "string", description: "Value with the GST that would apply (information; e-way bill threshold)" },
    shipment: { type: ["object", "null"] },
    stockTransfer: { type: ["object", "null"] },
    lines: { type: "array", items: { type: "object" } },
    ewayBills: { type: "array", items: { type: "object" } },
    cancelledAt: { type: ["string", "null"], format: "date-time" },
    cancelReason: { type: ["string", "null"] },
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
  { method: "get", path: "/challans/{id}/pdf", tag: "Delivery challans", summary: "The challan as a PDF (original, duplicate, triplicate)", description: "?download=1 for an attachment.", auth: true, response: { status: 200, description: "The challan PDF", files: [mediaTypes.pdf], headers: attachmentHeader } },
];
