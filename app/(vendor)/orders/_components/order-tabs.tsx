// The orders list's status tabs: keys, labels, and counts that can be capped (past 1,000 the list
// stops counting and the tab says "1,000+").
import { formatQuantity } from "@/lib/format";

export const tabKeys = ["all", "on_hold", "placed", "confirmed", "packed", "dispatched", "delivered", "cancelled", "returned", "draft"] as const;
export type TabKey = (typeof tabKeys)[number];

export const tabLabels: Record<TabKey, string> = {
  all: "All",
  on_hold: "On hold",
  placed: "Placed",
  confirmed: "Confirmed",
  packed: "Packed",
  dispatched: "Dispatched",
  delivered: "Delivered",
  cancelled: "Cancelled",
  returned: "Returned",
  draft: "Drafts",
};

export function countLabel(c: { count: number; capped: boolean }) {
  return `${formatQuantity(c.count)}${c.capped ? "+" : ""}`;
}
