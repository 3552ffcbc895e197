import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatEta, formatTime } from "@/lib/format";
import { istDay } from "@/lib/pricing/dates";
import { getMyStopOrThrow } from "@/lib/logistics/driver/get-my-stop";
import { PendingUpdates } from "../../../../pending-updates";
import { StopActions } from "./stop-actions";

export const metadata: Metadata = { title: "Stop" };

const stopWords = { PENDING: "To do", ARRIVED: "Arrived", DELIVERED: "Delivered", PARTLY_DELIVERED: "Partly delivered", REFUSED: "Refused", NOT_HOME: "Not home", SKIPPED: "Not reached" } as const;

export default async function DriverStopPage({ params }: { params: Promise<{ id: string; stopId: string }> }) {
  const actor = await requireStaff();
  const { id, stopId } = await params;
  const s = await getMyStopOrThrow(makeCtx(actor), id, stopId).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const open = (s.tripStatus === "SCHEDULED" || s.tripStatus === "IN_TRANSIT") && (s.status === "PENDING" || s.status === "ARRIVED");
  return (
    <>
      <PendingUpdates />
      <Link href={`/driver/trips/${s.tripId}`} className="text-sm text-slate-500">
        ← {s.tripNumber}
      </Link>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">
        {s.sequence}. {s.name}
      </h1>
      <p className="text-sm text-slate-600">
        {s.addressLine}, {s.city} {s.pincode}
      </p>
      <p className="mt-1 text-sm text-slate-500">
        {stopWords[s.status]}
        {s.windowStart && s.windowEnd ? ` · open ${formatTime(s.windowStart)}–${formatTime(s.windowEnd)}` : ""}
        {s.eta ? ` · ETA ${formatEta(s.eta, istDay(new Date()))}` : ""}
      </p>
      <div className="my-4 grid grid-cols-2 gap-3">
        {s.callHref ? (
          <a href={s.callHref} className="flex h-12 items-center justify-center rounded-lg border border-slate-300 bg-white font-medium text-slate-900">
            Call
          </a>
        ) : (
          <span className="flex h-12 items-center justify-center rounded-lg border border-slate-200 text-sm text-slate-500">No phone</span>
        )}
        <a href={s.navigateHref} target="_blank" rel="noreferrer" className="flex h-12 items-center justify-center rounded-lg border border-slate-300 bg-white font-medium text-slate-900">
          Navigate
        </a>
      </div>
      <section aria-label="Goods for this stop" className="mb-4 rounded-lg border border-slate-200 bg-white">
        {s.orders.map((o) => (
          <div key={o.id} className="border-b border-slate-100 px-4 py-3 last:border-0">
            <p className="font-mono text-xs text-slate-500">{o.number}</p>
            <ul className="mt-1 space-y-1 text-sm">
              {o.lines.map((l) => (
                <li key={l.orderLineId} className="flex justify-between gap-3">
                  <span className="min-w-0 break-words">{l.name}</span>
                  <span className="shrink-0 tabular-nums">
                    {Number(l.quantity)} {l.unit}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      {s.proof && (
        <p className="mb-4 rounded-lg border border-success-200 bg-success-50 p-3 text-sm text-success-800">
          {s.proof.outcome === "refused" ? "Refused" : `Received by ${s.proof.receivedBy}`} · {formatDateTime(s.proof.deliveredAt)}
        </p>
      )}
      {open && <StopActions tripId={s.tripId} stopId={s.id} arrived={s.status === "ARRIVED"} lines={s.orders.flatMap((o) => o.lines.map((l) => ({ ...l, order: o.number })))} />}
    </>
  );
}
