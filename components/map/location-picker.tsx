"use client";
// Drop a delivery pin on the map (click, or drag the pin) and set receiving hours. Used by staff for a
// retailer (their own delivery pin) and by a retailer's owner for the shop. Saving goes through the
// caller's server action, which calls the one domain function.
import { useState, useTransition } from "react";
import { MapView } from "@/components/map/map-view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/http/action";

export type PickerValue = { latitude: number | null; longitude: number | null; receivingFrom: string | null; receivingTo: string | null };

export type LocationPickerProps = {
  idPrefix: string;
  initial: PickerValue;
  /** Where to look when there is no pin yet: the centre of the PIN code, if known. */
  fallback: { lat: number; lng: number; label: string } | null;
  tileUrl: string | null;
  attribution: string;
  canEdit: boolean;
  save: (input: PickerValue) => Promise<ActionResult<unknown>>;
  /** What the pin means, under the map. */
  hint: string;
};

export function LocationPicker({ idPrefix, initial, fallback, tileUrl, attribution, canEdit, save, hint }: LocationPickerProps) {
  const [value, setValue] = useState<PickerValue>(initial);
  /** The value as last saved: "Save" is live only when something differs. */
  const [base, setBase] = useState<PickerValue>(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const hasPin = value.latitude !== null && value.longitude !== null;
  const dirty = JSON.stringify(value) !== JSON.stringify(base);

  const setPin = (lat: number, lng: number) => {
    if (!canEdit) return;
    setSaved(false);
    setValue((v) => ({ ...v, latitude: lat, longitude: lng }));
  };

  const onSave = () =>
    start(async () => {
      setError(null);
      setFieldErrors({});
      const res = await save(value);
      if (res.ok) {
        setSaved(true);
        setBase(value);
      }
      else {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? {});
      }
    });

  const points = hasPin
    ? [{ id: "pin", lat: value.latitude!, lng: value.longitude!, label: "Delivery pin", text: "", draggable: canEdit, color: "#dc2626" }]
    : fallback
      ? [{ id: "pincode", lat: fallback.lat, lng: fallback.lng, label: fallback.label, text: "", color: "#94a3b8" }]
      : [];

  return (
    <div className="space-y-4">
      <MapView
        ariaLabel="Map: click to drop the delivery pin"
        points={points}
        tileUrl={tileUrl}
        attribution={attribution}
        center={fallback ? { lat: fallback.lat, lng: fallback.lng } : undefined}
        zoom={14}
        onMapClick={canEdit ? setPin : undefined}
        onPointDrop={(_, lat, lng) => setPin(lat, lng)}
        className="h-64 sm:h-72"
      />
      <p className="text-xs text-slate-500">
        {hasPin ? (
          <>
            Pin at <span className="font-mono">{value.latitude!.toFixed(5)}, {value.longitude!.toFixed(5)}</span>. {canEdit && "Drag it or click elsewhere to move it. "}
          </>
        ) : fallback ? (
          <>No pin yet: deliveries use {fallback.label} (grey). {canEdit && "Click the map where the goods are received. "}</>
        ) : (
          <>No pin and no known position for the PIN code. {canEdit && "Click the map where the goods are received. "}</>
        )}
        {hint}
      </p>
      <div className="grid gap-4 sm:grid-cols-[repeat(2,minmax(0,10rem))_1fr] sm:items-end">
        <Field id={`${idPrefix}-from`} label="Receives goods from" error={fieldErrors.receivingFrom?.[0]}>
          <Input type="time" step={900} value={value.receivingFrom ?? ""} disabled={!canEdit} onChange={(e) => (setSaved(false), setValue((v) => ({ ...v, receivingFrom: e.target.value || null })))} />
        </Field>
        <Field id={`${idPrefix}-to`} label="until" error={fieldErrors.receivingTo?.[0]}>
          <Input type="time" step={900} value={value.receivingTo ?? ""} disabled={!canEdit} onChange={(e) => (setSaved(false), setValue((v) => ({ ...v, receivingTo: e.target.value || null })))} />
        </Field>
        {canEdit && (
          <div className="flex flex-wrap gap-2 sm:justify-end">
            {hasPin && (
              <Button type="button" variant="ghost" onClick={() => (setSaved(false), setValue((v) => ({ ...v, latitude: null, longitude: null })))}>
                Remove pin
              </Button>
            )}
            <Button type="button" onClick={onSave} loading={pending} disabled={!dirty && !error}>
              Save location
            </Button>
          </div>
        )}
      </div>
      {(fieldErrors.latitude || fieldErrors.longitude) && <Alert tone="danger">{[...(fieldErrors.latitude ?? []), ...(fieldErrors.longitude ?? [])].join(" ")}</Alert>}
      {error && !Object.keys(fieldErrors).length && <Alert tone="danger">{error}</Alert>}
      {saved && !dirty && (
        <p role="status" className="text-sm text-emerald-700">
          Location saved.
        </p>
      )}
    </div>
  );
}
