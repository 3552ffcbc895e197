// Status badges of the inventory screens.
import { Badge, type BadgeTone } from "@/components/ui/badge";

const stock: Record<string, { label: string; tone: BadgeTone }> = {
  in_stock: { label: "In stock", tone: "success" },
  low: { label: "Low", tone: "warning" },
  out: { label: "Out of stock", tone: "danger" },
};

export function StockStatusBadge({ status }: { status: string }) {
  const s = stock[status] ?? { label: status, tone: "neutral" as const };
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}

const movement: Record<string, { label: string; tone: BadgeTone }> = {
  RECEIPT: { label: "Receipt", tone: "success" },
  ADJUSTMENT: { label: "Adjustment", tone: "warning" },
  RESERVATION: { label: "Reserved", tone: "info" },
  RELEASE: { label: "Released", tone: "neutral" },
  DISPATCH: { label: "Dispatched", tone: "brand" },
  RETURN: { label: "Return", tone: "success" },
  TRANSFER_OUT: { label: "Transfer out", tone: "neutral" },
  TRANSFER_IN: { label: "Transfer in", tone: "neutral" },
};

export function MovementBadge({ kind }: { kind: string }) {
  const m = movement[kind] ?? { label: kind, tone: "neutral" as const };
  return <Badge tone={m.tone}>{m.label}</Badge>;
}

const count: Record<string, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: "Draft", tone: "info" },
  POSTED: { label: "Posted", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

export function CountStatusBadge({ status }: { status: string }) {
  const c = count[status] ?? { label: status, tone: "neutral" as const };
  return (
    <Badge tone={c.tone} dot>
      {c.label}
    </Badge>
  );
}
