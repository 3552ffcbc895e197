"use client";
// A new trip for the day shown: depot, vehicle, driver and planned departure (IST); the builder opens next.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { createTripAction } from "../actions";

export function NewTripForm({ date, depots, vehicles, drivers }: { date: string; depots: SelectOption[]; vehicles: SelectOption[]; drivers: SelectOption[] }) {
  const router = useRouter();
  const [v, setV] = useState({ depotWarehouseId: depots[0]?.value ?? "", vehicleId: "", driverId: "", departure: "09:00" });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      setError(null);
      const res = await createTripAction({
        tripDate: date,
        depotWarehouseId: v.depotWarehouseId,
        vehicleId: v.vehicleId || null,
        driverId: v.driverId || null,
        plannedDeparture: /^\d{2}:\d{2}$/.test(v.departure) ? `${date}T${v.departure}:00+05:30` : null,
      });
      if (!res.ok) {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? {});
        return;
      }
      router.push(`/trips/${res.data.id}`);
    });
  return (
    <Card>
      <CardHeader title="New trip" description="Vehicle and driver can be chosen later; a trip needs both to be scheduled." />
      <div className="grid gap-3 px-5 py-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        {error && <Alert tone="danger" className="sm:col-span-2 lg:col-span-5">{error}</Alert>}
        <Field id="trip-depot" label="Depot" error={fieldErrors.depotWarehouseId?.[0]}>
          <Select options={depots} value={v.depotWarehouseId} onChange={(e) => setV({ ...v, depotWarehouseId: e.target.value })} />
        </Field>
        <Field id="trip-vehicle" label="Vehicle" error={fieldErrors.vehicleId?.[0]}>
          <Select options={vehicles} placeholder="Choose later" value={v.vehicleId} onChange={(e) => setV({ ...v, vehicleId: e.target.value })} />
        </Field>
        <Field id="trip-driver" label="Driver" error={fieldErrors.driverId?.[0]}>
          <Select options={drivers} placeholder="Choose later" value={v.driverId} onChange={(e) => setV({ ...v, driverId: e.target.value })} />
        </Field>
        <Field id="trip-departure" label="Leaves at" error={fieldErrors.plannedDeparture?.[0]}>
          <Input type="time" value={v.departure} onChange={(e) => setV({ ...v, departure: e.target.value })} />
        </Field>
        <Button onClick={submit} loading={pending}>
          Create trip
        </Button>
      </div>
    </Card>
  );
}
