import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatDateTime } from "@/lib/format";
import { listMyTrips } from "@/lib/logistics/driver/my-trips";
import { istDay } from "@/lib/pricing/dates";
import { PendingUpdates } from "./pending-updates";

export const metadata: Metadata = { title: "Today" };

const statusWords = { SCHEDULED: "Not started", IN_TRANSIT: "On the road", COMPLETED: "Done", DRAFT: "Draft", CANCELLED: "Cancelled" } as const;

export default async function DriverHome() {
  const actor = await requireStaff();
  const trips = await listMyTrips(makeCtx(actor));
  return (
    <>
      <PendingUpdates />
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Today&rsquo;s trips</h1>
      <p className="mb-4 text-sm text-slate-500">{formatDate(istDay(new Date()))}</p>
      {trips.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">No trip for you today.</p>
      ) : (
        <ul className="space-y-3">
          {trips.map((t) => {
            const done = t.stops.filter((s) => s.status !== "PENDING" && s.status !== "ARRIVED").length;
            return (
              <li key={t.id}>
                <Link href={`/driver/trips/${t.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 active:bg-slate-50">
                  <span className="flex items-center justify-between gap-2">
                    <span className="font-mono text-sm font-semibold">{t.number}</span>
                    <span className="text-xs font-medium text-brand-700">{statusWords[t.status]}</span>
                  </span>
                  <span className="mt-1 block text-sm text-slate-700">
                    {t.vehicle?.registrationNo ?? "—"} · from {t.depot.name}
                  </span>
                  <span className="mt-1 block text-sm text-slate-500">
                    {done} of {t.stops.length} stops done{t.plannedDeparture ? ` · leaves ${formatDateTime(t.plannedDeparture).split(", ")[1]}` : ""}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
