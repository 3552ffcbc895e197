// The shipment's status as a badge (server and client).
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ShipmentStatus } from "@/lib/generated/prisma/enums";

const look: Record<ShipmentStatus, { label: string; tone: BadgeTone }> = {
  READY: { label: "Ready", tone: "brand" },
  DISPATCHED: { label: "Dispatched", tone: "info" },
  DELIVERED: { label: "Delivered", tone: "success" },
  PARTLY_DELIVERED: { label: "Partly delivered", tone: "warning" },
  UNDELIVERED: { label: "Undelivered", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

export const shipmentStatusLabel = (s: ShipmentStatus) => look[s].label;

export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  return (
    <Badge tone={look[status].tone} dot>
      {look[status].label}
    </Badge>
  );
}
