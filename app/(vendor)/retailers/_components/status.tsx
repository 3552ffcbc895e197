// Status badges and labels shared by the retailer-network screens (vendor and portal).
import { Badge, type BadgeTone } from "@/components/ui/badge";

const connection: Record<string, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: "Active", tone: "success" },
  PENDING: { label: "Pending", tone: "info" },
  SUSPENDED: { label: "Suspended", tone: "warning" },
  ENDED: { label: "Ended", tone: "neutral" },
};

const invitation: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "info" },
  expired: { label: "Expired", tone: "warning" },
  accepted: { label: "Accepted", tone: "success" },
  revoked: { label: "Revoked", tone: "neutral" },
};

const joinRequest: Record<string, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending", tone: "info" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

export function ConnectionStatusBadge({ status }: { status: string }) {
  const s = connection[status] ?? { label: status, tone: "neutral" as const };
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}

export function InvitationStateBadge({ state }: { state: string }) {
  const s = invitation[state] ?? { label: state, tone: "neutral" as const };
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}

export function JoinRequestStatusBadge({ status }: { status: string }) {
  const s = joinRequest[status] ?? { label: status, tone: "neutral" as const };
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}

export const paymentTermsLabel = (days: number | null | undefined) =>
  days == null ? "—" : days === 0 ? "Due on delivery" : `${days} ${days === 1 ? "day" : "days"}`;
