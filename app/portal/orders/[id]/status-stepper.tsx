// Where the order is: draft → placed → confirmed → packed → dispatched → delivered, with the time
// of each step; a cancelled order ends at "Cancelled", a returned one goes on to "Returned".
// Vertical on a phone, horizontal from sm up.
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import type { OrderView } from "@/lib/orders/views";

type Step = { key: string; label: string; at: string | null; tone: "done" | "current" | "todo" | "stopped"; note?: string };

export function StatusStepper({ order }: { order: OrderView }) {
  const steps = stepsOf(order);
  return (
    <ol aria-label="Order progress" className="flex flex-col sm:flex-row">
      {steps.map((s, i) => {
        const last = i === steps.length - 1;
        const reached = s.tone !== "todo";
        const nextReached = !last && steps[i + 1].tone !== "todo";
        return (
          <li key={s.key} aria-current={s.tone === "current" ? "step" : undefined} className="relative flex gap-3 pb-4 last:pb-0 sm:flex-1 sm:flex-col sm:items-center sm:gap-2 sm:pb-0 sm:text-center">
            {!last && (
              <span
                aria-hidden
                className={cn(
                  "absolute top-7 bottom-1 left-[13px] w-0.5 sm:top-[13px] sm:bottom-auto sm:left-[calc(50%+18px)] sm:h-0.5 sm:w-[calc(100%-36px)]",
                  nextReached ? (steps[i + 1].tone === "stopped" ? "bg-danger-300" : "bg-brand-500") : "bg-slate-200",
                )}
              />
            )}
            <span
              aria-hidden
              className={cn(
                "relative z-10 flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-4 ring-white",
                s.tone === "done" && "bg-brand-600 text-white",
                s.tone === "current" && "bg-brand-600 text-white ring-brand-100",
                s.tone === "stopped" && "bg-danger-600 text-white",
                s.tone === "todo" && "border-2 border-slate-300 bg-white text-slate-500",
              )}
            >
              {s.tone === "stopped" ? "✕" : reached ? "✓" : i + 1}
            </span>
            <div className="min-w-0 pt-0.5 sm:px-1 sm:pt-0">
              <p className={cn("text-sm font-medium", s.tone === "todo" ? "text-slate-500" : s.tone === "stopped" ? "text-danger-700" : "text-slate-900")}>
                {s.label}
                <span className="sr-only">{s.tone === "todo" ? " (not yet)" : s.tone === "current" ? " (current)" : ""}</span>
              </p>
              {s.at ? (
                <p className="text-xs text-slate-500">
                  <time dateTime={s.at}>{formatDateTime(s.at)}</time>
                </p>
              ) : (
                <p className="text-xs text-slate-500">{s.tone === "todo" ? "—" : ""}</p>
              )}
              {s.note && <p className="mt-0.5 text-xs text-warning-800">{s.note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function stepsOf(o: OrderView): Step[] {
  const path: { key: string; label: string; at: string | null }[] = [
    ...(o.status === "DRAFT" ? [{ key: "draft", label: "Draft", at: o.createdAt }] : []),
    { key: "placed", label: "Placed", at: o.placedAt },
    { key: "confirmed", label: "Confirmed", at: o.confirmedAt },
    { key: "packed", label: "Packed", at: o.packedAt },
    { key: "dispatched", label: "Dispatched", at: o.dispatchedAt },
    { key: "delivered", label: "Delivered", at: o.deliveredAt },
  ];
  if (o.status === "CANCELLED") {
    const reached = path.filter((p) => p.at);
    return [...reached.map((p) => ({ ...p, tone: "done" as const })), { key: "cancelled", label: "Cancelled", at: o.cancelledAt, tone: "stopped" as const }];
  }
  if (o.status === "RETURNED") path.push({ key: "returned", label: "Returned", at: o.returnedAt });
  const lastDone = path.reduce((acc, p, i) => (p.at ? i : acc), -1);
  return path.map((p, i) => ({
    ...p,
    at: i <= lastDone ? p.at : null,
    tone: i < lastDone ? "done" : i === lastDone ? "current" : "todo",
    note: p.key === "placed" && o.creditHold && o.status === "PLACED" ? "Waiting for the vendor's credit approval" : undefined,
  }));
}
