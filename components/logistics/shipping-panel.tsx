"use client";
// The shipping panel of one shipment: "Rates" (own fleet's estimated cost beside every partner's couriers)
// and "Book with partner". Booking answers at once with "booking…"; the panel polls until the job has the
// AWB, or shows why it failed (the shipment can then be booked again). Place it on the shipment page:
// <ShippingPanel shipmentId={s.id} canBook={can(actor, "logistics.write")} />.
import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { apiFetch } from "@/lib/http/api-fetch";

type Option = { courierId: string; courierName: string; price: string; etaDays: number | null; cod: boolean };
type Rates = {
  shipment: { number: string; status: string; weightKg: string; cod: boolean };
  ownFleet: { distanceKm: string | null; options: { vehicleId: string; registrationNo: string; label: string | null; fits: boolean; estimatedCost: string | null; basis: string }[] };
  partners: { accountId: string; label: string; provider: "SHIPROCKET" | "SANDBOX"; ok: boolean; options: Option[]; error: string | null }[];
};
type Booking = { status: "PENDING" | "BOOKED" | "FAILED" | "CANCELLING" | "CANCELLED"; courierName: string; awbNumber: string | null; labelUrl: string | null; price: string | null; quotedPrice: string; lastError: string | null; attempts: number };

const rupees = (s: string) => `₹${Number(s).toLocaleString("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function ShippingPanel({ shipmentId, canBook = true, trackingUrl }: { shipmentId: string; canBook?: boolean; trackingUrl?: string | null }) {
  const [rates, setRates] = useState<Rates | null>(null);
  const [booking, setBooking] = useState<Booking | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cod, setCod] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const base = `/api/v1/shipments/${encodeURIComponent(shipmentId)}`;

  const fetchBooking = useCallback(() => apiFetch(`${base}/book`).then(async (res) => (res.ok ? ((await res.json()) as { booking: Booking | null }).booking : undefined)), [base]);

  useEffect(() => {
    let live = true;
    void fetchBooking().then((b) => {
      if (live && b !== undefined) setBooking(b);
    });
    return () => {
      live = false;
    };
  }, [fetchBooking]);

  // While a job books or cancels, look again every 2 seconds.
  useEffect(() => {
    if (booking?.status !== "PENDING" && booking?.status !== "CANCELLING") return;
    const t = setInterval(() => void fetchBooking().then((b) => b !== undefined && setBooking(b)), 2000);
    return () => clearInterval(t);
  }, [booking?.status, fetchBooking]);

  const loadRates = async () => {
    setLoading(true);
    setError(null);
    const res = await apiFetch(`${base}/rates${cod ? "?cod=true" : ""}`);
    const body = await res.json();
    setLoading(false);
    if (!res.ok) return setError(body.detail ?? "Rates could not be loaded");
    setRates(body);
  };

  const book = async (accountId: string, o: Option) => {
    setBusy(`${accountId}:${o.courierId}`);
    setError(null);
    const res = await apiFetch(`${base}/book`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ shippingAccountId: accountId, courierId: o.courierId, courierName: o.courierName, quotedPrice: o.price, cod }) });
    const body = await res.json();
    setBusy(null);
    if (!res.ok) return setError(body.detail ?? "The booking was refused");
    setBooking(body);
  };

  const cancel = async () => {
    setBusy("cancel");
    setError(null);
    const res = await apiFetch(`${base}/book`, { method: "DELETE" });
    const body = await res.json();
    setBusy(null);
    if (!res.ok) return setError(body.detail ?? "The booking could not be cancelled");
    setBooking(body);
  };

  const live = booking && (booking.status === "PENDING" || booking.status === "BOOKED" || booking.status === "CANCELLING");
  return (
    <Card>
      <CardHeader title="Shipping" description="Own fleet or a courier partner." />
      <div className="space-y-4 px-5 py-4 text-sm">
        {error && <Alert tone="danger">{error}</Alert>}
        {booking && (
          <div role="status" className="rounded-md border border-slate-200 p-3">
            {booking.status === "PENDING" && (
              <p className="flex items-center gap-2">
                <Spinner className="size-4" /> Booking with {booking.courierName}…{booking.lastError ? ` (retrying: ${booking.lastError})` : ""}
              </p>
            )}
            {booking.status === "BOOKED" && (
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="success" dot>Booked</Badge>
                <span>
                  {booking.courierName} · AWB <span className="font-mono">{booking.awbNumber}</span>
                  {booking.price ? ` · ${rupees(booking.price)}` : ""}
                </span>
                {trackingUrl && (
                  <a href={trackingUrl} target="_blank" rel="noreferrer" className="text-brand-700 hover:underline">
                    Track
                  </a>
                )}
                {booking.labelUrl && (
                  <a href={booking.labelUrl} target="_blank" rel="noreferrer" className="text-brand-700 hover:underline">
                    Label
                  </a>
                )}
                {canBook && (
                  <Button size="sm" variant="ghost" loading={busy === "cancel"} onClick={() => void cancel()}>
                    Cancel booking
                  </Button>
                )}
              </div>
            )}
            {booking.status === "BOOKED" && booking.lastError && <p className="mt-1 text-xs text-danger-700">{booking.lastError}</p>}
            {booking.status === "CANCELLING" && (
              <p className="flex items-center gap-2">
                <Spinner className="size-4" /> Cancelling the {booking.courierName} booking…
              </p>
            )}
            {booking.status === "FAILED" && <Alert tone="danger" title={`Booking with ${booking.courierName} failed`}>{booking.lastError}</Alert>}
            {booking.status === "CANCELLED" && <p>The booking with {booking.courierName} was cancelled at the partner.</p>}
          </div>
        )}
        {!live && (
          <div className="flex flex-wrap items-center gap-3">
            <Button size="sm" variant="secondary" loading={loading} onClick={() => void loadRates()}>
              {rates ? "Refresh rates" : "Rates"}
            </Button>
            <label className="flex items-center gap-2 text-slate-700">
              <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" checked={cod} onChange={(e) => setCod(e.target.checked)} />
              Cash on delivery
            </label>
          </div>
        )}
        {rates && !live && (
          <div className="space-y-4">
            <section aria-label="Own fleet">
              <h3 className="mb-1 font-medium text-slate-900">Own fleet {rates.ownFleet.distanceKm && <span className="font-normal text-slate-500">· about {rates.ownFleet.distanceKm} km away</span>}</h3>
              {rates.ownFleet.options.length === 0 ? (
                <p className="text-slate-500">No active vehicles.</p>
              ) : (
                <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                  {rates.ownFleet.options.map((v) => (
                    <li key={v.vehicleId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                      <span>
                        <span className="font-mono">{v.registrationNo}</span> {v.label && <span className="text-slate-500">{v.label}</span>} {!v.fits && <Badge tone="warning">Too small</Badge>}
                        <span className="block text-xs text-slate-500">{v.basis}</span>
                      </span>
                      <span className="font-medium tabular-nums">{v.estimatedCost ? rupees(v.estimatedCost) : "—"}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {rates.partners.map((p) => (
              <section key={p.accountId} aria-label={p.label}>
                <h3 className="mb-1 flex items-center gap-2 font-medium text-slate-900">
                  {p.label} {p.provider === "SANDBOX" && <Badge tone="warning">Sandbox</Badge>}
                </h3>
                {!p.ok ? (
                  <p className="text-danger-700">{p.error}</p>
                ) : (
                  <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                    {p.options.map((o) => (
                      <li key={o.courierId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                        <span>
                          {o.courierName}
                          <span className="block text-xs text-slate-500">{o.etaDays !== null ? `${o.etaDays} day${o.etaDays === 1 ? "" : "s"}` : "transit time unknown"}{o.cod ? " · COD" : ""}</span>
                        </span>
                        <span className="flex items-center gap-3">
                          <span className="font-medium tabular-nums">{rupees(o.price)}</span>
                          {canBook && rates.shipment.status === "READY" && (
                            <Button size="sm" loading={busy === `${p.accountId}:${o.courierId}`} disabled={!!busy} onClick={() => void book(p.accountId, o)} aria-label={`Book with ${o.courierName}`}>
                              Book
                            </Button>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
            {rates.partners.length === 0 && <p className="text-slate-500">No shipping partner yet: add one under Settings → Shipping.</p>}
          </div>
        )}
      </div>
    </Card>
  );
}
