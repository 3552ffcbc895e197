// The body of a bulk action: which action, on which ids (at most BULK_MAX, each a record id).
import { z } from "zod";
import { BULK_MAX } from "@/lib/bulk/bulk-result";

export const bulkOrderActions = ["confirm", "pack", "invoice"] as const;
export type BulkOrderAction = (typeof bulkOrderActions)[number];

export const bulkInvoiceActions = ["email", "request_irn"] as const;
export type BulkInvoiceAction = (typeof bulkInvoiceActions)[number];

/** Record ids are cuid-like: letters, digits, - and _. Anything else names no row and is refused up front. */
export const bulkIds = (noun: string) =>
  z
    .array(z.string({ error: `Each ${noun} id is a string` }).regex(/^[A-Za-z0-9_-]{1,64}$/, `Not a ${noun} id`), { error: `List the ${noun} ids` })
    .min(1, `Choose at least one ${noun}`)
    .max(BULK_MAX, `At most ${BULK_MAX} ${noun}s at a time`);

const actionOf = <T extends readonly [string, ...string[]]>(actions: T) => z.enum(actions, { error: `The action is one of: ${actions.join(", ")}` });

export const bulkOrdersInput = z.strictObject({ action: actionOf(bulkOrderActions), ids: bulkIds("order") });
export type BulkOrdersInput = z.infer<typeof bulkOrdersInput>;

export const bulkInvoicesInput = z.strictObject({ action: actionOf(bulkInvoiceActions), ids: bulkIds("invoice") });
export type BulkInvoicesInput = z.infer<typeof bulkInvoicesInput>;

/** Pick lists of several orders on one printable page (the ids from the orders list's selection). */
export const pickListsInput = z.strictObject({ ids: bulkIds("order") });
