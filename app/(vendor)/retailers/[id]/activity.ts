// Turns audit-log rows into sentences a vendor can read: "Terms changed: credit limit ₹50,000.00 → ₹1,25,000.50".
import { formatINR } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";

type Row = { action: string; before: unknown; after: unknown };
type Obj = Record<string, unknown>;

const termLabels: Record<string, string> = {
  customerCode: "customer code",
  creditLimit: "credit limit",
  paymentTermsDays: "payment terms",
  priceListId: "price list",
  shippingLine1: "shipping address",
  shippingLine2: "shipping address line 2",
  shippingCity: "shipping city",
  shippingStateCode: "shipping state",
  shippingPincode: "shipping PIN code",
  placeOfSupply: "place of supply",
  notes: "notes",
};

const statusWords: Record<string, string> = { ACTIVE: "active", PENDING: "pending", SUSPENDED: "suspended", ENDED: "ended" };

function show(key: string, v: unknown, priceListNames?: Map<string, string>): string {
  if (key === "priceListId") return v ? (priceListNames?.get(String(v)) ?? "a deleted list") : "the default list";
  if (v === null || v === undefined || v === "") return "none";
  if (key === "creditLimit") return formatINR(String(v));
  if (key === "paymentTermsDays") return `${v} ${Number(v) === 1 ? "day" : "days"}`;
  if (key === "placeOfSupply" || key === "shippingStateCode") return stateName(String(v)) ?? String(v);
  if (key === "notes") return `“${String(v).length > 40 ? `${String(v).slice(0, 40)}…` : String(v)}”`;
  return String(v);
}

/** `priceListNames` (id → name) lets a price list change read "Standard → Wholesale". */
export function describeActivity(row: Row, priceListNames?: Map<string, string>): string {
  const before = (row.before ?? {}) as Obj;
  const after = (row.after ?? {}) as Obj;
  switch (row.action) {
    case "connection.update_terms": {
      const order = Object.keys(termLabels);
      const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
      const changes = Object.keys(after)
        .sort((a, b) => rank(a) - rank(b))
        .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
        .map((k) => `${termLabels[k] ?? k} ${show(k, before[k], priceListNames)} → ${show(k, after[k], priceListNames)}`);
      return changes.length ? `Terms changed: ${changes.join(", ")}` : "Terms re-saved without changes";
    }
    case "connection.suspend":
      return "Suspended: new orders blocked";
    case "connection.reactivate":
      return "Reactivated";
    case "connection.end":
      return "Connection ended";
    case "connection.activate":
      return after.via === "invitation" ? "Connected by accepting the invitation" : "Connection activated";
    case "invitation.create":
      return `Invitation sent to ${String(after.email ?? "the retailer")}`;
    case "invitation.resend":
      return `Invitation sent again${after.sendCount ? ` (${String(after.sendCount)} times in all)` : ""}`;
    case "invitation.revoke":
      return "Invitation revoked";
    case "invitation.accept":
      return "Invitation accepted";
    case "join_request.create":
      return after.message ? `Asked to join: “${String(after.message)}”` : "Asked to join";
    case "join_request.approve":
      return "Join request approved";
    case "join_request.reject":
      return `Join request rejected${after.reason ? `: ${String(after.reason)}` : ""}`;
    case "join_request.cancel":
      return "Join request cancelled by the retailer";
    default: {
      if (row.action.startsWith("connection.") && typeof after.status === "string") return `Status changed to ${statusWords[after.status] ?? after.status}`;
      return row.action.replace(/[._]/g, " ");
    }
  }
}
