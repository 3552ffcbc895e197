// The order's state as a coloured badge, the same on the list, the detail and the print view.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { statusLabels } from "@/lib/orders/state-machine";

const tones: Record<OrderStatus, BadgeTone> = {
  DRAFT: "neutral",
  PLACED: "info",
  CONFIRMED: "brand",
  PACKED: "brand",
  DISPATCHED: "warning",
  DELIVERED: "success",
  CANCELLED: "danger",
  RETURNED: "neutral",
};

export function OrderStatusBadge({ status, creditHold }: { status: OrderStatus; creditHold?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={tones[status]} dot>
        {statusLabels[status]}
      </Badge>
      {creditHold && status === "PLACED" && <Badge tone="danger">Credit hold</Badge>}
    </span>
  );
}
