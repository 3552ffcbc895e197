import { DateInput } from "@/components/ui/date-input";
import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { ClipboardIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatDateTime } from "@/lib/format";
import { listTripChoices } from "@/lib/logistics/trips/list-trip-choices";
import { listTrips } from "@/lib/logistics/trips/list-trips";
import { isCalendarDay, istDay } from "@/lib/pricing/dates";
import { one, type SearchParams } from "@/lib/search-params";
import { NewTripForm } from "../_components/new-trip-form";
import { TripStatusBadge } from "../_components/trip-status";

export const metadata: Metadata = { title: "Delivery trips" };

export default async function TripsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  const sp = await searchParams;
  const today = istDay(new Date());
  const date = isCalendarDay(one(sp.date) ?? "") ? one(sp.date)! : today;
  const ctx = makeCtx(actor);
  const [result, choices] = await Promise.all([listTrips(ctx, { date, pageSize: 100 }), can(actor, "logistics.write") ? listTripChoices(ctx) : null]);
  const shift = (days: number) => istDay(new Date(new Date(`${date}T06:30:00.000Z`).getTime() + days * 86_400_000));
  return (
    <>
      <PageHeader title="Delivery trips" description="One vehicle and driver from a depot on a day, with its stops in order. Build a trip from ready shipments, schedule it and start it when the truck leaves." />
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/trips?date=${shift(-1)}`} className={buttonClasses({ variant: "secondary", size: "sm" })} aria-label="Previous day">
            ←
          </Link>
          <form method="get" className="flex items-center gap-2">
            <DateInput name="date" defaultValue={date} aria-label="Trip date" className="w-40" />
            <button className={buttonClasses({ variant: "secondary", size: "sm" })}>Show</button>
          </form>
          <Link href={`/trips?date=${shift(1)}`} className={buttonClasses({ variant: "secondary", size: "sm" })} aria-label="Next day">
            →
          </Link>
          <span className="text-sm text-slate-600">{formatDate(date)}{date === today ? " (today)" : ""}</span>
        </div>
        {choices && <NewTripForm date={date} depots={choices.depots.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))} vehicles={choices.vehicles.map((v) => ({ value: v.id, label: v.label }))} drivers={choices.drivers.map((d) => ({ value: d.id, label: d.label }))} />}
        {result.data.length === 0 ? (
          <Card>
            <EmptyState icon={<ClipboardIcon className="size-6" />} title="No trips on this day" description="Create a trip, then load ready shipments onto it." />
          </Card>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full min-w-[680px] text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
                <tr>
                  <th className="px-4 py-2.5 text-left font-medium">Trip</th>
                  <th className="px-3 py-2.5 text-left font-medium">Status</th>
                  <th className="px-3 py-2.5 text-left font-medium">Vehicle · driver</th>
                  <th className="px-3 py-2.5 text-right font-medium">Stops</th>
                  <th className="px-4 py-2.5 text-right font-medium">Load</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.data.map((t) => (
                  <tr key={t.id}>
                    <td className="px-4 py-2.5">
                      <Link href={`/trips/${t.id}`} className="font-mono text-[13px] font-medium text-brand-700 hover:underline">
                        {t.number}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {t.depot.code}
                        {t.plannedDeparture ? ` · leaves ${formatDateTime(t.plannedDeparture).split(", ")[1]}` : ""}
                      </span>
                    </td>
                    <td className="px-3 py-2.5">
                      <TripStatusBadge status={t.status} />
                      {t.warnings.length > 0 && <span className="ml-2 text-xs text-warning-800">{t.warnings.length} warning{t.warnings.length === 1 ? "" : "s"}</span>}
                    </td>
                    <td className="px-3 py-2.5 text-slate-700">
                      {t.vehicle?.registrationNo ?? "No vehicle"} · {t.driver?.name ?? "no driver"}
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">
                      {t.stops.filter((s) => s.status !== "PENDING" && s.status !== "ARRIVED").length}/{t.stops.length}
                    </td>
                    <td className="px-4 py-2.5 text-right tabular-nums">
                      {t.load.weightKg} kg · {t.load.volumeM3} m³
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </>
  );
}
