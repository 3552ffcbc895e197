// The order's events, oldest first: what happened, who did it, when, and their note.
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/cn";
import type { OrderView } from "@/lib/orders/views";

const dot: Record<string, string> = {
  placed: "bg-info-500",
  draft_saved: "bg-slate-400",
  edited: "bg-slate-400",
  held: "bg-danger-500",
  released: "bg-success-500",
  confirmed: "bg-brand-500",
  packed: "bg-brand-500",
  dispatched: "bg-warning-500",
  delivered: "bg-success-500",
  cancelled: "bg-danger-500",
  returned: "bg-warning-500",
};

export function Timeline({ entries }: { entries: OrderView["timeline"] }) {
  if (entries.length === 0) return <p className="px-5 py-6 text-sm text-slate-500">Nothing has happened to this order yet.</p>;
  return (
    <ol className="px-5 py-4">
      {entries.map((e, i) => {
        const details = detailsOf(e.data);
        return (
          <li key={e.id} className="relative flex gap-3 pb-5 last:pb-0">
            {i < entries.length - 1 && <span aria-hidden className="absolute top-4 bottom-0 left-[5px] w-px bg-slate-200" />}
            <span aria-hidden className={cn("relative mt-1.5 size-[11px] shrink-0 rounded-full ring-4 ring-white", dot[e.kind] ?? "bg-slate-400")} />
            <div className="min-w-0 flex-1">
              <p className="text-sm">
                <span className="font-medium text-slate-900">{e.label}</span>
                {e.actorName && <span className="text-slate-500"> by {e.actorName}</span>}
              </p>
              <p className="text-xs text-slate-500">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </p>
              {details && <p className="mt-1 text-sm text-slate-600">{details}</p>}
              {e.note && <p className="mt-1 rounded-md bg-slate-50 px-2.5 py-1.5 text-sm whitespace-pre-line text-slate-700">{e.note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** A few facts some events carry (vehicle, receiver), shown in words. */
function detailsOf(data: unknown): string | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.vehicleNumber === "string" && d.vehicleNumber) parts.push(`Vehicle ${d.vehicleNumber}`);
  if (typeof d.receivedBy === "string" && d.receivedBy) parts.push(`Received by ${d.receivedBy}`);
  return parts.length ? parts.join(" · ") : null;
}
