"use client";
// The dispatcher's planning board: what to plan with (day, depot, vehicles, shift), the plan on a map
// coloured per trip, each trip's stops with ETAs, and what could not be placed. A stop dragged onto
// another stop on the map moves there (after it); a stop clicked (or chosen with the keyboard) on the
// map opens a panel to send it to another van; the list offers the same move.
import { DateInput } from "@/components/ui/date-input";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { MapView, type MapLine, type MapPoint } from "@/components/map/map-view";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { DayPlanView } from "@/lib/logistics/planning/day-plan";
import type { PlanningVehicle } from "@/lib/logistics/planning/planning-vehicles";
import { TRAVEL_MODEL } from "@/lib/logistics/planning/travel-model";
import { formatEta, formatTime } from "@/lib/format";
import { haversineMetres } from "@/lib/routing/distance";
import type { TripView } from "@/lib/logistics/trips/trip-views";
import { lockTripAction, moveStopAction, planDayAction } from "./actions";

/** Trip colours: distinct on the map and on white, in this order. */
const COLOURS = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4d7c0f", "#9333ea", "#b45309"];

const reasonWords: Record<string, string> = {
  no_position: "No position",
  capacity: "No room",
  time_window: "Window can't be met",
  too_far: "Too far",
  no_vehicle: "No vehicle",
};

const editable = (t: TripView) => t.status === "DRAFT" || t.status === "SCHEDULED";

export function PlanBoard({
  plan,
  vehicles,
  warehouses,
  canWrite,
  tileUrl,
  attribution,
  today,
}: {
  plan: DayPlanView;
  vehicles: PlanningVehicle[];
  warehouses: { id: string; code: string; name: string }[];
  canWrite: boolean;
  tileUrl: string | null;
  attribution: string;
  today: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const last = plan.lastRun?.input as { vehicleIds?: string[]; shiftStart?: string; shiftEnd?: string; minutesPerStop?: number } | undefined;
  const onTrips = new Set(plan.trips.map((t) => t.vehicle?.id).filter(Boolean) as string[]);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(last?.vehicleIds?.length ? last.vehicleIds : onTrips.size ? [...onTrips] : vehicles.slice(0, 3).map((v) => v.id)));
  const [shiftStart, setShiftStart] = useState(last?.shiftStart ?? "09:00");
  const [shiftEnd, setShiftEnd] = useState(last?.shiftEnd ?? "19:00");
  const [minutesPerStop, setMinutesPerStop] = useState(String(last?.minutesPerStop ?? 10));
  const [selectedStop, setSelectedStop] = useState<string | null>(null);
  const past = plan.tripDate < today;

  const colourOf = useMemo(() => new Map(plan.trips.map((t, i) => [t.id, COLOURS[i % COLOURS.length]])), [plan.trips]);
  const stops = plan.trips.flatMap((t) => t.stops.map((s) => ({ trip: t, stop: s })));

  const go = (date: string, depot: string) => router.push(`/trips/plan?date=${date}&depot=${depot}`);

  const run = (fn: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>) =>
    start(async () => {
      setError(null);
      setFieldErrors({});
      const res = await fn();
      if (!res.ok) {
        setError(res.error ?? "Something went wrong");
        setFieldErrors(res.fieldErrors ?? {});
      }
      router.refresh();
    });

  const planNow = () =>
    run(() =>
      planDayAction({
        tripDate: plan.tripDate,
        depotWarehouseId: plan.depot.id,
        vehicleIds: vehicles.filter((v) => chosen.has(v.id)).map((v) => v.id),
        shiftStart,
        shiftEnd,
        minutesPerStop: Number(minutesPerStop),
      }),
    );

  /** A stop dropped on the map goes after the nearest stop of a trip that can still change. */
  const onDrop = (stopId: string, lat: number, lng: number) => {
    const from = stops.find((x) => x.stop.id === stopId);
    if (!from) return;
    const k = Math.cos((lat * Math.PI) / 180);
    let best: (typeof stops)[number] | null = null;
    let bestD = Infinity;
    for (const x of stops) {
      if (x.stop.id === stopId || !editable(x.trip) || !x.stop.latitude || !x.stop.longitude) continue;
      const d = (Number(x.stop.latitude) - lat) ** 2 + ((Number(x.stop.longitude) - lng) * k) ** 2;
      if (d < bestD) [best, bestD] = [x, d];
    }
    if (!best) {
      router.refresh();
      return;
    }
    const sameTrip = best.trip.id === from.trip.id;
    const position = sameTrip && best.stop.sequence > from.stop.sequence ? best.stop.sequence : best.stop.sequence + 1;
    run(() => moveStopAction(from.trip.id, stopId, { toTripId: best!.trip.id, position }));
  };

  const points: MapPoint[] = [
    ...(plan.depot.position ? [{ id: "depot", lat: plan.depot.position.lat, lng: plan.depot.position.lng, label: `Depot: ${plan.depot.name}`, text: "D", shape: "square" as const, color: "#0f172a" }] : []),
    ...stops
      .filter((x) => x.stop.latitude && x.stop.longitude)
      .map(({ trip, stop }) => ({
        id: stop.id,
        lat: Number(stop.latitude),
        lng: Number(stop.longitude),
        label: `${trip.number} · ${stop.sequence}. ${stop.name} · ETA ${stop.eta ? formatEta(stop.eta, plan.tripDate) : "—"}`,
        text: String(stop.sequence),
        color: colourOf.get(trip.id),
        draggable: canWrite && editable(trip),
      })),
  ];
  const lines: MapLine[] = plan.depot.position
    ? plan.trips.map((t) => {
        const d: [number, number] = [plan.depot.position!.lat, plan.depot.position!.lng];
        const path = t.stops.filter((s) => s.latitude && s.longitude).map((s) => [Number(s.latitude), Number(s.longitude)] as [number, number]);
        return { id: t.id, color: colourOf.get(t.id)!, points: path.length ? [d, ...path, d] : [], dashed: t.locked };
      })
    : [];
  const fitKey = `${plan.tripDate}|${plan.depot.id}|${plan.lastRun?.id ?? ""}`;

  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="space-y-4 py-5">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[10.5rem_minmax(0,16rem)_8.5rem_8.5rem_7rem_1fr] lg:items-end">
            <Field id="plan-date" label="Day" error={fieldErrors.tripDate?.[0]}>
              <DateInput value={plan.tripDate} min={today} onChange={(e) => e.target.value && go(e.target.value, plan.depot.id)} />
            </Field>
            <Field id="plan-depot" label="Depot">
              <Select value={plan.depot.id} onChange={(e) => go(plan.tripDate, e.target.value)} options={warehouses.map((w) => ({ value: w.id, label: `${w.name} (${w.code})` }))} />
            </Field>
            <Field id="plan-start" label="Shift from" error={fieldErrors.shiftStart?.[0]}>
              <Input type="time" value={shiftStart} onChange={(e) => setShiftStart(e.target.value)} />
            </Field>
            <Field id="plan-end" label="until" error={fieldErrors.shiftEnd?.[0]}>
              <Input type="time" value={shiftEnd} onChange={(e) => setShiftEnd(e.target.value)} />
            </Field>
            <Field id="plan-minutes" label="Minutes a stop" error={fieldErrors.minutesPerStop?.[0]}>
              <Input type="number" inputMode="numeric" min={0} max={120} value={minutesPerStop} onChange={(e) => setMinutesPerStop(e.target.value)} />
            </Field>
            {canWrite && (
              <div className="flex lg:justify-end">
                <Button type="button" onClick={planNow} loading={pending} disabled={past || chosen.size === 0}>
                  {plan.trips.some((t) => t.plannedBy === "planner") ? "Plan again" : "Plan the day"}
                </Button>
              </div>
            )}
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-700">Vehicles</legend>
            {vehicles.length === 0 ? (
              <p className="text-sm text-slate-500">No vehicles yet: add them under Fleet.</p>
            ) : (
              <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
                {vehicles.map((v) => (
                  <label key={v.id} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-400 has-[:checked]:bg-brand-50">
                    <input
                      type="checkbox"
                      className="mt-1 size-4 accent-brand-600"
                      checked={chosen.has(v.id)}
                      onChange={(e) => setChosen((c) => {
                        const n = new Set(c);
                        if (e.target.checked) n.add(v.id);
                        else n.delete(v.id);
                        return n;
                      })}
                    />
                    <span className="min-w-0">
                      <span className="font-mono font-medium text-slate-900">{v.registrationNo}</span> <span className="text-slate-600">{v.label ?? v.type.replace("_", " ").toLowerCase()}</span>
                      <span className="block text-xs text-slate-600">
                        {v.capacityKg} kg · {v.capacityM3} m³{v.capacityCrates != null ? ` · ${v.capacityCrates} crates` : ""}
                        {v.costPerKm ? ` · ₹${v.costPerKm}/km` : ""}
                        {v.costPerTrip ? ` · ₹${v.costPerTrip}/trip` : ""}
                        {v.ownership === "HIRED" ? " · hired" : ""}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            )}
            {fieldErrors.vehicleIds && <p className="mt-1 text-sm text-danger-700">{fieldErrors.vehicleIds[0]}</p>}
          </fieldset>
          {error && <Alert tone="danger">{error}</Alert>}
          {past && <Alert tone="info">This day is past: its trips are shown as they ran.</Alert>}
        </CardBody>
      </Card>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-3">
          <MapView ariaLabel="Map of the day's trips" points={points} lines={lines} tileUrl={tileUrl} attribution={attribution} center={plan.depot.position ?? undefined} zoom={12} onPointDrop={onDrop} onPointClick={(id) => setSelectedStop(id === "depot" ? null : id)} fitKey={fitKey} className="h-[26rem] xl:h-[34rem]" />
          {selectedStop && (
            <SelectedStop
              picked={stops.find((x) => x.stop.id === selectedStop) ?? null}
              trips={plan.trips.filter(editable)}
              canWrite={canWrite}
              busy={pending}
              onClose={() => setSelectedStop(null)}
              onMove={(fromTripId, toTripId) => run(() => moveStopAction(fromTripId, selectedStop, { toTripId, position: 500 }))}
            />
          )}
          <PlanFigures plan={plan} />
        </div>
        <div className="space-y-4">
          {plan.trips.length === 0 && (
            <Card>
              <CardBody className="py-6 text-sm text-slate-600">
                No trips for this day yet. {plan.waitingShipments > 0 ? `${plan.waitingShipments} ready shipment${plan.waitingShipments === 1 ? " waits" : "s wait"} at the depot.` : "No ready shipments wait at the depot."}
              </CardBody>
            </Card>
          )}
          {plan.trips.map((t) => (
            <TripCard key={t.id} trip={t} colour={colourOf.get(t.id)!} others={plan.trips.filter((o) => o.id !== t.id && editable(o))} canWrite={canWrite} busy={pending} onMove={(stopId, toTripId) => run(() => moveStopAction(t.id, stopId, { toTripId, position: 500 }))} onLock={(locked) => run(() => lockTripAction(t.id, locked))} />
          ))}
          {plan.lastRun && plan.lastRun.unplaced.length > 0 && <Unplaced plan={plan} />}
        </div>
      </div>
    </div>
  );
}

/** The stop picked on the map: where it is now, and the vans it can go to (with how full each is). */
function SelectedStop({ picked, trips, canWrite, busy, onClose, onMove }: { picked: { trip: TripView; stop: TripView["stops"][number] } | null; trips: TripView[]; canWrite: boolean; busy: boolean; onClose: () => void; onMove: (fromTripId: string, toTripId: string) => void }) {
  if (!picked) return null;
  const { trip, stop } = picked;
  const others = trips.filter((t) => t.id !== trip.id);
  return (
    <section aria-label={`Stop ${stop.name}`} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-card">
      <div className="flex items-start justify-between gap-3">
        <p>
          <span className="font-medium text-slate-900">
            {stop.sequence}. {stop.name}
          </span>
          <span className="block text-xs text-slate-500">
            On {trip.number} ({trip.vehicle?.registrationNo ?? "no vehicle"}) · ETA {stop.eta ? formatEta(stop.eta, trip.tripDate) : "—"} · {stop.shipments.map((x) => x.number).join(", ")}
          </span>
        </p>
        <Button type="button" size="sm" variant="ghost" onClick={onClose} aria-label="Close the stop panel">
          ✕
        </Button>
      </div>
      {canWrite && editable(trip) && others.length > 0 && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-xs text-slate-600">Send to</span>
          {others.map((t) => (
            <Button key={t.id} type="button" size="sm" variant="secondary" disabled={busy} onClick={() => onMove(trip.id, t.id)}>
              {t.number.split("/").pop()} · {t.vehicle?.registrationNo ?? "no vehicle"} ({fullness(t)}% full)
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}

/** How full a trip's van is, by the tighter of weight and volume. */
function fullness(t: TripView): number {
  if (!t.vehicle) return 0;
  const kg = Number(t.load.weightKg) / Number(t.vehicle.capacityKg);
  const m3 = Number(t.vehicle.capacityM3) > 0 ? Number(t.load.volumeM3) / Number(t.vehicle.capacityM3) : 0;
  return Math.round(Math.max(kg, m3) * 100);
}

/** Road kilometres of a trip, back to the depot: the legs as planned plus the way home (the planner's road factor). */
function tripKm(t: TripView, depot: DayPlanView["depot"]["position"]) {
  const legs = t.stops.reduce((m, s) => m + Number(s.legKm ?? 0), 0);
  const last = [...t.stops].reverse().find((s) => s.latitude && s.longitude);
  if (!depot || !last) return legs;
  return legs + (haversineMetres(Number(last.latitude), Number(last.longitude), depot.lat, depot.lng) / 1000) * TRAVEL_MODEL.roadFactor;
}

function PlanFigures({ plan }: { plan: DayPlanView }) {
  const r = plan.lastRun;
  const km = plan.trips.reduce((n, t) => n + tripKm(t, plan.depot.position), 0);
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
      <Figure label="Trips" value={String(plan.trips.length)} />
      <Figure label="Stops" value={String(plan.trips.reduce((n, t) => n + t.stops.length, 0))} />
      <Figure label="Road km, back to the depot" value={km.toLocaleString("en-IN", { maximumFractionDigits: 1 })} />
      <Figure label="Last planned" value={r ? `${formatTime(r.createdAt)} · ${(r.stats.totalMs / 1000).toFixed(1)} s` : "—"} />
    </dl>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-semibold text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

function TripCard({ trip: t, colour, others, canWrite, busy, onMove, onLock }: { trip: TripView; colour: string; others: TripView[]; canWrite: boolean; busy: boolean; onMove: (stopId: string, toTripId: string) => void; onLock: (locked: boolean) => void }) {
  const capKg = t.vehicle ? Number(t.vehicle.capacityKg) : null;
  const capM3 = t.vehicle ? Number(t.vehicle.capacityM3) : null;
  const usedPct = capKg ? Math.round((Number(t.load.weightKg) / capKg) * 100) : null;
  const usedM3Pct = capM3 ? Math.round((Number(t.load.volumeM3) / capM3) * 100) : null;
  return (
    <Card data-trip={t.number} aria-label={`Trip ${t.number}`}>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            <span aria-hidden className="inline-block size-3 rounded-full" style={{ background: colour }} />
            <a href={`/trips/${t.id}`} className="hover:underline">
              {t.number}
            </a>
            {t.locked && <Badge tone="warning">Locked</Badge>}
            {t.status !== "DRAFT" && <Badge tone="info">{t.status.replace("_", " ").toLowerCase()}</Badge>}
          </span>
        }
        description={
          <>
            <span className="font-mono">{t.vehicle?.registrationNo ?? "No vehicle"}</span> · {t.stops.length} stops · {Number(t.load.weightKg).toLocaleString("en-IN")} kg{usedPct !== null ? ` (${usedPct}% of ${capKg!.toLocaleString("en-IN")})` : ""} · {Number(t.load.volumeM3).toLocaleString("en-IN", { maximumFractionDigits: 1 })} m³{usedM3Pct !== null ? ` (${usedM3Pct}%)` : ""} · leaves {t.plannedDeparture ? formatEta(t.plannedDeparture, t.tripDate) : "—"}
          </>
        }
        actions={
          canWrite && t.status === "DRAFT" ? (
            <Button type="button" size="sm" variant="secondary" disabled={busy} onClick={() => onLock(!t.locked)}>
              {t.locked ? "Unlock" : "Lock"}
            </Button>
          ) : undefined
        }
      />
      <ol className="divide-y divide-slate-100">
        {t.stops.map((s) => (
          <li key={s.id} data-stop={s.name} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2 text-sm">
            <span className="flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-white" style={{ background: colour }}>
              {s.sequence}
            </span>
            <span className="min-w-0 flex-1">
              <span className="font-medium text-slate-900">{s.name}</span>
              {s.locked && <span className="ml-1 text-xs text-warning-800">(locked)</span>}
              <span className="block text-xs text-slate-500">
                ETA {s.eta ? formatEta(s.eta, t.tripDate) : "—"}
                {s.windowStart && s.windowEnd && ` · receives ${formatTime(s.windowStart)}–${formatTime(s.windowEnd)}`} · {s.shipments.map((x) => x.number).join(", ")}
              </span>
            </span>
            {canWrite && editable(t) && others.length > 0 && (
              <Select
                aria-label={`Move ${s.name} to another trip`}
                className="w-40"
                value=""
                disabled={busy}
                onChange={(e) => e.target.value && onMove(s.id, e.target.value)}
                placeholder="Move to…"
                options={others.map((o) => ({ value: o.id, label: `${o.number.split("/").pop()} · ${o.vehicle?.registrationNo ?? "no vehicle"}` }))}
              />
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}

function Unplaced({ plan }: { plan: DayPlanView }) {
  const list = plan.lastRun!.unplaced;
  return (
    <Card>
      <CardHeader title={`Not placed (${list.length})`} description="These shipments stay at the depot. Add a vehicle, widen the shift or fix the reason, then plan again." />
      <ul className="divide-y divide-slate-100">
        {list.map((u) => (
          <li key={u.shipmentIds.join(",")} className="px-5 py-2 text-sm">
            <span className="font-medium text-slate-900">{u.name}</span> <Badge tone={u.reason === "no_position" ? "warning" : "danger"}>{reasonWords[u.reason] ?? u.reason}</Badge>
            <span className="block text-xs text-slate-500">
              {u.shipmentNumbers.join(", ")} · {u.weightKg} kg · {u.city} {u.pincode} — {u.detail}
            </span>
            {u.reason !== "no_position" && (
              <span className="mt-1 flex flex-wrap gap-x-3 text-xs">
                {u.shipmentIds.map((id, i) => (
                  <a key={id} href={`/shipments/${id}#shipping-partner`} className="text-brand-700 hover:underline">
                    Own fleet or a courier? Rates for {u.shipmentNumbers[i]}
                  </a>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
