// The status of an e-way bill as a badge, and its validity in words ("valid till 22 Nov, 11:59 pm · expires in 5 h").
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";

const TONES: Record<string, BadgeTone> = { PENDING: "info", GENERATED: "success", CANCELLED: "neutral", EXPIRED: "danger", FAILED: "danger" };
const LABELS: Record<string, string> = { PENDING: "Waiting for the e-way bill system", GENERATED: "Generated", CANCELLED: "Cancelled", EXPIRED: "Expired", FAILED: "Failed" };

export function EwayBillStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{LABELS[status] ?? status}</Badge>;
}

export function ValidityText({ status, validUntil, expiringSoon, now }: { status: string; validUntil: string | null; expiringSoon: boolean; now: Date }) {
  if (status === "PENDING" || status === "FAILED" || status === "CANCELLED") return <span className="text-slate-500">—</span>;
  if (!validUntil) return <span className="text-slate-500">Starts with Part B</span>;
  const hours = Math.max(0, Math.round((new Date(validUntil).getTime() - now.getTime()) / 3600_000));
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="sm:whitespace-nowrap">{formatDateTime(validUntil)}</span>
      {expiringSoon && <Badge tone="warning">{`Expires in ${hours} h`}</Badge>}
    </span>
  );
}
