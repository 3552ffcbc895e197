import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatEta, formatTime } from "@/lib/format";
import { getMyTripOrThrow } from "@/lib/logistics/driver/my-trips";
import { PendingUpdates } from "../../pending-updates";

export const metadata: Metadata = { title: "Trip" };

const stopWords = { PENDING: "To do", ARRIVED: "Arrived", DELIVERED: "Delivered", PARTLY_DELIVERED: "Partly delivered", REFUSED: "Refused", NOT_HOME: "Not home", SKIPPED: "Not reached" } as const;

export default async function DriverTripPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const t = await getMyTripOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const next = t.stops.find((s) => s.status === "PENDING" || s.status === "ARRIVED");
  return (
    <>
      <PendingUpdates />
      <Link href="/driver" className="text-sm text-slate-500">
        ← Today
      </Link>
      <h1 className="mt-1 font-mono text-xl font-semibold text-slate-900">{t.number}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {t.vehicle?.registrationNo} · {t.load.packages} packages · {t.load.weightKg} kg
      </p>
      <ol className="space-y-3" aria-label="Stops in order">
        {t.stops.map((s) => (
          <li key={s.id}>
            <Link href={`/driver/trips/${t.id}/stops/${s.id}`} className={`block rounded-lg border bg-white p-4 active:bg-slate-50 ${next?.id === s.id ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200"}`}>
              <span className="flex items-center justify-between gap-2">
                <span className="font-semibold text-slate-900">
                  {s.sequence}. {s.name}
                </span>
                <span className="shrink-0 text-xs font-medium text-slate-600">{stopWords[s.status]}</span>
              </span>
              <span className="mt-1 block text-sm text-slate-600">
                {s.addressLine}, {s.city}
              </span>
              <span className="mt-1 block text-xs text-slate-500">
                {s.windowStart && s.windowEnd ? `Open ${formatTime(s.windowStart)}–${formatTime(s.windowEnd)}` : ""}
                {s.eta ? ` · ETA ${formatEta(s.eta, t.tripDate)}` : ""} · {s.shipments.reduce((n, x) => n + x.packages, 0)} packages
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}
