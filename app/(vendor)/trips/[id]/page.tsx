import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatEta, formatTime, plainQuantity } from "@/lib/format";
import { getTripOrThrow } from "@/lib/logistics/trips/get-trip-or-throw";
import { listTripChoices } from "@/lib/logistics/trips/list-trip-choices";
import type { TripView } from "@/lib/logistics/trips/trip-views";
import { cancelTripAction, removeShipmentAction, reorderStopsAction, scheduleTripAction, setStopLockAction, setTripLockAction, startTripAction } from "../actions";
import { AddShipments } from "../_components/add-shipments";
import { EndTripButton } from "../_components/end-trip-button";
import { RunButton } from "../_components/run-button";
import { TripSettings } from "../_components/trip-settings";
import { TripStatusBadge } from "../_components/trip-status";

export const metadata: Metadata = { title: "Trip" };

const stopTone = { PENDING: "neutral", ARRIVED: "info", DELIVERED: "success", PARTLY_DELIVERED: "warning", REFUSED: "danger", NOT_HOME: "warning", SKIPPED: "neutral" } as const;
const stopLabel = { PENDING: "Pending", ARRIVED: "Arrived", DELIVERED: "Delivered", PARTLY_DELIVERED: "Partly delivered", REFUSED: "Refused", NOT_HOME: "Not home", SKIPPED: "Not reached" } as const;

export default async function TripPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  const { id } = await params;
  const ctx = makeCtx(actor);
  const t = await getTripOrThrow(ctx, id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const editable = t.availableActions.includes("edit");
  const choices = editable ? await listTripChoices(ctx, { depotWarehouseId: t.depot.id }) : null;
  const order = t.stops.map((s) => s.id);
  const moved = (i: number, by: number) => {
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    return next;
  };
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/trips?date=${t.tripDate}`} className="hover:text-slate-800">
            ← Trips of {formatDate(t.tripDate)}
          </Link>
        }
        title={<span className="font-mono">{t.number}</span>}
        meta={<TripStatusBadge status={t.status} />}
        description={`${formatDate(t.tripDate)} · from ${t.depot.code} · ${t.vehicle?.registrationNo ?? "no vehicle"} · ${t.driver?.name ?? "no driver"}${t.locked ? " · locked" : ""}`}
        actions={
          <>
            {t.availableActions.includes("end") && <EndTripButton tripId={t.id} number={t.number} openStops={t.stops.filter((s) => s.status === "PENDING" || s.status === "ARRIVED").length} />}
            {t.availableActions.includes("cancel") && <RunButton variant="ghost" label="Cancel trip" confirm={{ title: `Cancel ${t.number}?`, description: "Its shipments are free again for another trip." }} run={cancelTripAction.bind(null, t.id, {})} />}
            {editable && <RunButton label={t.locked ? "Unlock trip" : "Lock trip"} run={setTripLockAction.bind(null, t.id, { locked: !t.locked })} />}
            {t.availableActions.includes("schedule") && <RunButton variant="primary" label="Schedule" run={scheduleTripAction.bind(null, t.id)} />}
            {t.availableActions.includes("start") && (
              <RunButton variant="primary" label="Start trip" confirm={{ title: `Start ${t.number}?`, description: `The truck leaves now: every shipment on it is dispatched (stock out, retailers told it is out for delivery). Each taxable supply needs its invoice.${t.warnings.length ? " Warnings: " + t.warnings.join("; ") : ""}` }} run={startTripAction.bind(null, t.id)} />
            )}
          </>
        }
      />
      <div className="space-y-4">
        {t.warnings.length > 0 && (
          <Alert tone="warning" title="Check before the trip leaves">
            <ul className="list-disc pl-5">
              {t.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Alert>
        )}
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Card>
            <CardHeader title={`Stops (${t.stops.length})`} description={`Load ${t.load.weightKg} kg · ${t.load.volumeM3} m³ · ${t.load.crates} crates${t.vehicle ? ` of ${t.vehicle.capacityKg} kg · ${t.vehicle.capacityM3} m³${t.vehicle.capacityCrates != null ? ` · ${t.vehicle.capacityCrates} crates` : ""}` : ""}`} />
            {t.stops.length === 0 ? (
              <p className="px-5 py-4 text-sm text-slate-500">No stops yet: add ready shipments.</p>
            ) : (
              <ol className="divide-y divide-slate-100" aria-label="Stops in order">
                {t.stops.map((s, i) => (
                  <li key={s.id} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-start">
                    <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700">{s.sequence}</span>
                    <div className="min-w-0 flex-1 text-sm">
                      <p className="font-medium text-slate-900">
                        {s.name} <Badge tone={stopTone[s.status]}>{stopLabel[s.status]}</Badge> {s.locked && <Badge tone="neutral">Locked</Badge>}
                      </p>
                      <p className="text-slate-600">
                        {s.addressLine}, {s.city} {s.pincode}
                      </p>
                      <p className="text-xs text-slate-500">
                        {s.windowStart && s.windowEnd ? `Receives ${formatTime(s.windowStart)}–${formatTime(s.windowEnd)}` : "Receiving hours not set"}
                        {s.eta ? ` · ETA ${formatEta(s.eta, t.tripDate)}` : ""}
                        {s.legKm ? ` · ${s.legKm} km` : ""}
                        {s.latitude ? "" : " · no map position"}
                      </p>
                      {s.proof && <ProofOfDelivery tripId={t.id} stopId={s.id} proof={s.proof} />}
                      <ul className="mt-1 space-y-1">
                        {s.shipments.map((x) => (
                          <li key={x.id} className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                            <Link href={`/shipments/${x.id}`} className="font-mono text-brand-700 hover:underline">
                              {x.number}
                            </Link>
                            <span>
                              {x.packages} pkg · {x.weightKg} kg · {x.orders.map((o) => o.number).join(", ")}
                            </span>
                            {editable && x.onThisTrip && <RunButton size="sm" variant="ghost" label="Remove" ariaLabel={`Remove ${x.number}`} run={removeShipmentAction.bind(null, t.id, x.id)} />}
                          </li>
                        ))}
                      </ul>
                    </div>
                    {editable && (
                      <div className="flex shrink-0 gap-1">
                        <RunButton size="sm" label="↑" ariaLabel={`Move stop ${s.sequence} up`} disabled={i === 0} run={reorderStopsAction.bind(null, t.id, { stopIds: i === 0 ? order : moved(i, -1) })} />
                        <RunButton size="sm" label="↓" ariaLabel={`Move stop ${s.sequence} down`} disabled={i === t.stops.length - 1} run={reorderStopsAction.bind(null, t.id, { stopIds: i === t.stops.length - 1 ? order : moved(i, 1) })} />
                        <RunButton size="sm" label={s.locked ? "Unlock" : "Lock"} ariaLabel={`${s.locked ? "Unlock" : "Lock"} stop ${s.sequence}`} run={setStopLockAction.bind(null, t.id, s.id, { locked: !s.locked })} />
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <div className="space-y-4">
            {choices && (
              <TripSettings
                tripId={t.id}
                tripDate={t.tripDate}
                vehicleId={t.vehicle?.id ?? ""}
                driverId={t.driver?.id ?? ""}
                departure={t.plannedDeparture ? formatTime(t.plannedDeparture) : ""}
                departureIso={t.plannedDeparture}
                vehicles={choices.vehicles.map((v) => ({ value: v.id, label: v.label }))}
                drivers={choices.drivers.map((d) => ({ value: d.id, label: d.label }))}
              />
            )}
            {choices && <AddShipments tripId={t.id} shipments={choices.shipments} />}
            {!editable && (
              <Card>
                <CardHeader title="On the road" />
                <dl className="divide-y divide-slate-100 text-sm">
                  {[
                    ["Started", t.startedAt ? formatDateTime(t.startedAt) : "—"],
                    ["Completed", t.completedAt ? formatDateTime(t.completedAt) : "—"],
                    ["Cancelled", t.cancelledAt ? formatDateTime(t.cancelledAt) : "—"],
                  ].map(([k, v]) => (
                    <div key={k} className="flex justify-between gap-4 px-5 py-2.5">
                      <dt className="text-slate-500">{k}</dt>
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              </Card>
            )}
          </div>
        </div>
      </div>
    </>
  );
}

/** What the driver recorded at the door: who received, when, where, what was short, the signature and photo. */
function ProofOfDelivery({ tripId, stopId, proof: p }: { tripId: string; stopId: string; proof: NonNullable<TripView["stops"][number]["proof"]> }) {
  const short = p.lines.filter((l) => l.delivered !== l.ordered);
  const file = (kind: "signature" | "photo") => `/api/v1/trips/${tripId}/stops/${stopId}/proof/${kind}`;
  return (
    <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-700" aria-label="Proof of delivery">
      <p>
        <span className="font-medium text-slate-900">{p.outcome === "refused" ? "Refused" : `Received by ${p.receivedBy ?? "—"}`}</span> · {formatDateTime(p.deliveredAt)}
        {p.latitude && p.longitude && (
          <>
            {" · "}
            <a className="text-brand-700 hover:underline" href={`https://www.openstreetmap.org/?mlat=${p.latitude}&mlon=${p.longitude}#map=17/${p.latitude}/${p.longitude}`} target="_blank" rel="noreferrer">
              where it was recorded
            </a>
          </>
        )}
      </p>
      {short.length > 0 && (
        <ul className="mt-1 list-disc pl-4">
          {short.map((l) => (
            <li key={l.orderLineId}>
              {l.name}: {plainQuantity(l.delivered)} of {plainQuantity(l.ordered)} delivered
            </li>
          ))}
        </ul>
      )}
      {p.note && <p className="mt-1 italic">“{p.note}”</p>}
      {(p.hasSignature || p.hasPhoto) && (
        <div className="mt-2 flex flex-wrap gap-2">
          {p.hasSignature && (
            <a href={file("signature")} target="_blank" rel="noreferrer" title="Signature, full size">
              {/* eslint-disable-next-line @next/next/no-img-element -- a private image from the API, not an optimisable asset */}
              <img src={file("signature")} alt={`Signature of ${p.receivedBy ?? "the receiver"}`} className="h-16 w-auto rounded border border-slate-200 bg-white" loading="lazy" />
            </a>
          )}
          {p.hasPhoto && (
            <a href={file("photo")} target="_blank" rel="noreferrer" title="Photo, full size">
              {/* eslint-disable-next-line @next/next/no-img-element -- a private image from the API, not an optimisable asset */}
              <img src={file("photo")} alt="Photo taken at delivery" className="h-16 w-auto rounded border border-slate-200 bg-white object-cover" loading="lazy" />
            </a>
          )}
        </div>
      )}
    </div>
  );
}
