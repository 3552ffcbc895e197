"use client";
// Vehicle, driver and departure time (IST) of a draft or scheduled trip.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { updateTripAction } from "../actions";

export function TripSettings(p: { tripId: string; tripDate: string; vehicleId: string; driverId: string; departure: string; departureIso: string | null; vehicles: SelectOption[]; drivers: SelectOption[] }) {
  const router = useRouter();
  const to24 = (t: string) => {
    const m = /^(\d{1,2}):(\d{2}) (am|pm)$/.exec(t);
    if (!m) return "";
    const h = (Number(m[1]) % 12) + (m[3] === "pm" ? 12 : 0);
    return `${String(h).padStart(2, "0")}:${m[2]}`;
  };
  const [v, setV] = useState({ vehicleId: p.vehicleId, driverId: p.driverId, departure: to24(p.departure) });
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      setError(null);
      const res = await updateTripAction(p.tripId, { vehicleId: v.vehicleId || null, driverId: v.driverId || null, plannedDeparture: v.departure ? `${p.tripDate}T${v.departure}:00+05:30` : null });
      if (!res.ok) return setError(res.error);
      router.refresh();
    });
  return (
    <Card>
      <CardHeader title="Vehicle and driver" />
      <div className="space-y-3 px-5 py-4">
        {error && <Alert tone="danger">{error}</Alert>}
        <Field id="ts-vehicle" label="Vehicle">
          <Select options={p.vehicles} placeholder="No vehicle yet" value={v.vehicleId} onChange={(e) => setV({ ...v, vehicleId: e.target.value })} />
        </Field>
        <Field id="ts-driver" label="Driver">
          <Select options={p.drivers} placeholder="No driver yet" value={v.driverId} onChange={(e) => setV({ ...v, driverId: e.target.value })} />
        </Field>
        <Field id="ts-departure" label="Leaves at">
          <Input type="time" value={v.departure} onChange={(e) => setV({ ...v, departure: e.target.value })} />
        </Field>
        <Button variant="secondary" onClick={save} loading={pending} className="w-full">
          Save
        </Button>
      </div>
    </Card>
  );
}
