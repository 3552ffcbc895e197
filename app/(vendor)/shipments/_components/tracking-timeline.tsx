// A shipment's tracking events, oldest first (vendor and portal pages).
import { formatDateTime } from "@/lib/format";
import type { TrackingEventView } from "@/lib/logistics/shipments/shipment-views";

export function TrackingTimeline({ events }: { events: Pick<TrackingEventView, "id" | "code" | "description" | "location" | "occurredAt">[] }) {
  if (events.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">No tracking events yet.</p>;
  return (
    <ol className="space-y-3 px-5 py-4" aria-label="Tracking events">
      {events.map((e, i) => (
        <li key={e.id} className="flex gap-3 text-sm">
          <span className={`mt-1.5 size-2 shrink-0 rounded-full ${i === events.length - 1 ? "bg-brand-600" : "bg-slate-300"}`} aria-hidden />
          <div className="min-w-0">
            <p className="break-words text-slate-900">{e.description}</p>
            <p className="text-xs text-slate-500">
              {formatDateTime(e.occurredAt)}
              {e.location ? ` · ${e.location}` : ""}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
