"use client";
// The orders list's bulk bar: confirm, pack, print pick lists and invoice the selected orders. Which
// buttons show follows the role (from the page) and the selected orders' states; the server checks
// both again per order (lib/orders/bulk-orders.ts) and says what it did with each.
import { BulkBar } from "@/components/bulk/bulk-bar";
import { useBulkSelection } from "@/components/bulk/bulk-selection";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { stateAllows } from "@/lib/orders/state-machine";
import { bulkOrdersAction } from "../bulk-actions";

export type OrderBulkRights = { confirm: boolean; pack: boolean; invoice: boolean };

/** From packed on (lib/billing/invoice-order.ts INVOICEABLE_STATUSES; the server has the last word). */
const invoiceable: readonly OrderStatus[] = ["PACKED", "DISPATCHED", "DELIVERED", "RETURNED"];

export function OrderBulkBar({ rows, rights }: { rows: { id: string; status: OrderStatus; creditHold: boolean }[]; rights: OrderBulkRights }) {
  const { selected } = useBulkSelection();
  const chosen = rows.filter((r) => selected.includes(r.id));
  const count = (ok: (r: (typeof rows)[number]) => boolean) => chosen.filter(ok).length;
  return (
    <BulkBar
      noun={{ one: "order", many: "orders" }}
      actions={[
        ...(rights.confirm ? [{ key: "confirm", label: "Confirm", eligible: count((r) => stateAllows(r, "confirm")), run: bulkOrdersAction }] : []),
        ...(rights.pack ? [{ key: "pack", label: "Mark packed", eligible: count((r) => stateAllows(r, "pack")), run: bulkOrdersAction }] : []),
        { key: "pick-lists", label: "Print pick lists", eligible: count((r) => r.status !== "DRAFT" && r.status !== "CANCELLED"), href: (ids: string[]) => `/orders/pick-lists?ids=${ids.join(",")}` },
        ...(rights.invoice
          ? [
              {
                key: "invoice",
                label: "Invoice",
                eligible: count((r) => invoiceable.includes(r.status)),
                run: bulkOrdersAction,
                confirm: {
                  title: (n: number) => `Issue tax invoices for ${n === 1 ? "this order" : `these ${n} orders`}?`,
                  description: "Each packed order gets one tax invoice for all that is left to invoice, at the order's prices and today's GST rates. Invoice numbers are final: a mistake is corrected with a credit note. Orders not packed yet are skipped.",
                  action: "Issue invoices",
                },
              },
            ]
          : []),
      ]}
    />
  );
}
