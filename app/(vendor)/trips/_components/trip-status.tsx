// The trip's status as a badge.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TripStatus } from "@/lib/generated/prisma/enums";

const look: Record<TripStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  SCHEDULED: { label: "Scheduled", tone: "brand" },
  IN_TRANSIT: { label: "In transit", tone: "info" },
  COMPLETED: { label: "Completed", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

export function TripStatusBadge({ status }: { status: TripStatus }) {
  return (
    <Badge tone={look[status].tone} dot>
      {look[status].label}
    </Badge>
  );
}
