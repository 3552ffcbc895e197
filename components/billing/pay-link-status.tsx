// Status words and colours of pay links and gateway payments, shared by staff and portal screens.
import { Badge, type BadgeTone } from "@/components/ui/badge";

const linkTones: Record<string, [BadgeTone, string]> = {
  CREATED: ["info", "Waiting for payment"],
  PARTLY_PAID: ["warning", "Part paid"],
  PAID: ["success", "Paid"],
  CANCELLED: ["neutral", "Cancelled"],
  EXPIRED: ["neutral", "Expired"],
};
const attemptTones: Record<string, [BadgeTone, string]> = {
  CREATED: ["neutral", "Started"],
  AUTHORIZED: ["info", "Authorised, not captured"],
  CAPTURED: ["success", "Received"],
  PARTLY_REFUNDED: ["warning", "Part refunded"],
  REFUNDED: ["neutral", "Refunded"],
  FAILED: ["danger", "Failed"],
};

export function PayLinkBadge({ status }: { status: string }) {
  const [tone, label] = linkTones[status] ?? ["neutral", status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function PaymentAttemptBadge({ status }: { status: string }) {
  const [tone, label] = attemptTones[status] ?? ["neutral", status];
  return <Badge tone={tone} dot>{label}</Badge>;
}
