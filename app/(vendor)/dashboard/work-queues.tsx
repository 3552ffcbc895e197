// "Needs attention": the work queues, each a count linking to the list filtered to those records.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { ChevronRightIcon } from "@/components/shell/icons";
import { formatIndianNumber } from "@/lib/format";
import type { WorkQueue } from "@/lib/reporting/dashboard/get-work-queues";

export function WorkQueues({ queues }: { queues: WorkQueue[] }) {
  if (queues.length === 0) return null;
  return (
    <section aria-labelledby="queues-title" className="mb-6">
      <h2 id="queues-title" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Needs attention
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {queues.map((q) => {
          const busy = (q.count ?? 0) > 0;
          return (
            <li key={q.key}>
              <Link
                href={q.href}
                data-queue={q.key}
                className={`flex items-center gap-3 rounded-lg border bg-white px-4 py-3 shadow-card transition-colors hover:border-brand-300 ${busy ? "border-warning-300" : "border-slate-200"}`}
              >
                <span className={`tabular-nums min-w-10 text-2xl font-semibold ${busy ? "text-warning-700" : "text-slate-500"}`}>{q.count === null ? "—" : formatIndianNumber(q.count, 0)}</span>
                <span className="min-w-0 flex-1">
                  <span className="block text-sm font-medium text-slate-900">{q.label}</span>
                  <span className="block truncate text-xs text-slate-500">{q.detail}</span>
                </span>
                <ChevronRightIcon className="size-4 shrink-0 text-slate-500" />
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
