// OpenAPI operations of the bulk actions: many orders or invoices at once, one result per id.
import { bulkInvoicesInput, bulkOrdersInput } from "@/lib/bulk/bulk.schemas";
import { BULK_MAX, bulkOutcomes } from "@/lib/bulk/bulk-result";
import type { Operation } from "@/lib/http/openapi-operation";
import { int, nullableStr, object, str } from "@/lib/http/openapi-schemas";

const bulkResult = (title: string, actions: readonly string[]) => ({
  title,
  ...object({
    action: { enum: [...actions] },
    results: {
      type: "array",
      description: "One per distinct id asked for, in the order asked",
      items: object({
        id: str,
        number: { ...nullableStr, description: "The order or document number; null when not found" },
        outcome: {
          enum: [...bulkOutcomes],
          description: "done: the action ran. skipped: the row's state does not allow it (already done, on credit hold, cancelled, …); nothing written. not_found: no such row for the caller (another company's id too). failed: refused or broke; nothing of this row written.",
        },
        message: { type: "string", description: 'In words, e.g. "Confirmed", "On credit hold", "Already has an IRN" or the error\'s message' },
        code: { ...nullableStr, description: "already_done, invalid_transition, conflict, not_found, validation, insufficient_stock, internal, …; null when done" },
        document: { type: ["object", "null"], properties: { id: str, number: str }, description: "The document the action made (an order's invoice)" },
      }),
    },
    summary: object({ done: int, skipped: int, not_found: int, failed: int }),
  }),
});

const common = `At most ${BULK_MAX} ids; repeated ids count once. Each row runs on its own (its own transaction), so one row's refusal or failure leaves the others done. 400 validation names the field (action, ids, ids.N) and nothing is written; a role that may not take the action at all is 403 and nothing is written. Send Idempotency-Key to make a retry return the first answer.`;

export const bulkOperations: Operation[] = [
  {
    method: "post",
    path: "/orders/bulk",
    tag: "Orders",
    summary: "Confirm, pack or invoice many orders",
    description: `confirm needs orders.write, pack inventory.write, invoice billing.write — the same as each order's own route (POST /orders/{id}/confirm, /pack, /invoice). invoice issues a tax invoice for all that is left to invoice on a packed (or later) order. An order already in the asked state is skipped with code already_done, so repeating a request changes nothing. ${common}`,
    auth: true,
    idempotent: true,
    body: bulkOrdersInput,
    response: { status: 200, description: "A result per order", schema: bulkResult("BulkOrdersResult", bulkOrdersInput.shape.action.options) },
  },
  {
    method: "post",
    path: "/invoices/bulk",
    tag: "Invoices",
    summary: "E-mail many invoices or request their IRNs",
    description: `billing.write, like POST /invoices/{id}/email and /invoices/{id}/e-invoice. email mails each issued document's PDF to the retailer again (cancelled ones are skipped); request_irn queues each document for the IRP (one already e-invoiced or waiting is skipped with code already_done). ${common}`,
    auth: true,
    idempotent: true,
    body: bulkInvoicesInput,
    response: { status: 200, description: "A result per document", schema: bulkResult("BulkInvoicesResult", bulkInvoicesInput.shape.action.options) },
  },
];
