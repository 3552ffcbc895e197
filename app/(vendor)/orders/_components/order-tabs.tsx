// The orders list's status tabs: keys, labels, and counts that can be capped (past 1,000 the list
// stops counting and the tab says "1,000+").
export { countLabel } from "@/components/ui/link-tabs";

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
