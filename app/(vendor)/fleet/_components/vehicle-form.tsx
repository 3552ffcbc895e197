"use client";
// Add or edit a vehicle. The server checks everything (the registration number against the e-way bill
// formats, the transporter id's check character) and its errors are shown next to their fields; the
// registration number is previewed as it will be stored while it is typed.
import { DateInput } from "@/components/ui/date-input";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { parseVehicleNumber, VEHICLE_NUMBER_HINT, vehicleFormatLabels } from "@/lib/logistics/fleet/formats";
import type { VehicleView } from "@/lib/logistics/fleet/views";
import { saveVehicleAction } from "../actions";
import { ownershipLabels, vehicleTypeLabels } from "./labels";

const DOCS = [
  ["rcExpiry", "RC valid till"],
  ["insuranceExpiry", "Insurance valid till"],
  ["fitnessExpiry", "Fitness valid till"],
  ["permitExpiry", "Permit valid till"],
  ["pucExpiry", "PUC valid till"],
] as const;

type Values = Record<
  "registrationNo" | "type" | "label" | "ownership" | "transporterName" | "transporterId" | "capacityKg" | "capacityM3" | "capacityCrates" | "costPerKm" | "costPerTrip" | "homeWarehouseId" | "rcExpiry" | "insuranceExpiry" | "fitnessExpiry" | "permitExpiry" | "pucExpiry" | "notes",
  string
>;

export function VehicleForm({ vehicle, warehouses }: { vehicle?: VehicleView; warehouses: { id: string; name: string; code: string }[] }) {
  const [v, setV] = useState<Values>(() => ({
    registrationNo: vehicle?.registrationNo ?? "",
    type: vehicle?.type ?? "TEMPO",
    label: vehicle?.label ?? "",
    ownership: vehicle?.ownership ?? "OWN",
    transporterName: vehicle?.transporterName ?? "",
    transporterId: vehicle?.transporterId ?? "",
    capacityKg: vehicle?.capacityKg ?? "",
    capacityM3: vehicle?.capacityM3 ?? "",
    capacityCrates: vehicle?.capacityCrates?.toString() ?? "",
    costPerKm: vehicle?.costPerKm ?? "",
    costPerTrip: vehicle?.costPerTrip ?? "",
    homeWarehouseId: vehicle?.homeWarehouseId ?? "",
    rcExpiry: vehicle?.rcExpiry ?? "",
    insuranceExpiry: vehicle?.insuranceExpiry ?? "",
    fitnessExpiry: vehicle?.fitnessExpiry ?? "",
    permitExpiry: vehicle?.permitExpiry ?? "",
    pucExpiry: vehicle?.pucExpiry ?? "",
    notes: vehicle?.notes ?? "",
  }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value }));
  const err = (k: keyof Values) => errors[k]?.[0];
  const hired = v.ownership === "HIRED";
  const preview = v.registrationNo.trim() ? parseVehicleNumber(v.registrationNo) : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setFormError(null);
      const body: Record<string, string | null> = { ...v };
      if (!hired) {
        delete body.transporterName;
        delete body.transporterId;
      }
      // Blank optional fields: left out when adding, cleared when editing.
      for (const [k, val] of Object.entries(body)) {
        if (val !== "") continue;
        if (vehicle) body[k] = null;
        else delete body[k];
      }
      const res = await saveVehicleAction(vehicle?.id ?? null, body);
      if (res && !res.ok) {
        setErrors(res.fieldErrors ?? {});
        // Field errors show next to their fields; the banner says so instead of naming the API fields.
        setFormError(res.code === "validation" && Object.keys(res.fieldErrors ?? {}).length ? "Check the fields marked below." : res.error);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="divide-y divide-slate-200">
      {formError && (
        <Alert tone="danger" className="mb-6">
          {formError}
        </Alert>
      )}
      <FormSection title="Vehicle" description="As written on the RC. Spaces and dashes are fine; it is stored the way e-way bills need it.">
        <Field
          id="registrationNo"
          label="Registration number"
          required
          hint={preview?.ok ? `Saved as ${preview.value} (${vehicleFormatLabels[preview.format]})` : VEHICLE_NUMBER_HINT}
          error={err("registrationNo")}
        >
          <Input autoComplete="off" className="font-mono uppercase" value={v.registrationNo} onChange={set("registrationNo")} autoFocus={!vehicle} />
        </Field>
        <Field id="label" label="Make and model" hint="e.g. Tata Ace Gold" error={err("label")}>
          <Input autoComplete="off" value={v.label} onChange={set("label")} />
        </Field>
        <Field id="type" label="Type" required error={err("type")}>
          <Select value={v.type} onChange={set("type")} options={Object.entries(vehicleTypeLabels).map(([value, label]) => ({ value, label }))} />
        </Field>
        <Field id="homeWarehouseId" label="Home depot" hint="Where it starts and ends its trips" error={err("homeWarehouseId")}>
          <Select value={v.homeWarehouseId} onChange={set("homeWarehouseId")} placeholder="—" options={warehouses.map((w) => ({ value: w.id, label: `${w.name} (${w.code})` }))} />
        </Field>
        <Field id="ownership" label="Owned or hired" required error={err("ownership")}>
          <Select value={v.ownership} onChange={set("ownership")} options={Object.entries(ownershipLabels).map(([value, label]) => ({ value, label }))} />
        </Field>
        {hired && (
          <>
            <Field id="transporterName" label="Transporter" required error={err("transporterName")}>
              <Input autoComplete="off" value={v.transporterName} onChange={set("transporterName")} />
            </Field>
            <Field id="transporterId" label="Transporter GSTIN / TRANSIN" hint="15 characters; goes on the e-way bill" error={err("transporterId")}>
              <Input autoComplete="off" className="font-mono uppercase" maxLength={20} value={v.transporterId} onChange={set("transporterId")} />
            </Field>
          </>
        )}
      </FormSection>
      <FormSection title="Capacity and cost" description="Trips are checked against the capacity; cost per km and per trip price the own-fleet option beside courier rates.">
        <Field id="capacityKg" label="Capacity (kg)" required error={err("capacityKg")}>
          <Input inputMode="decimal" value={v.capacityKg} onChange={set("capacityKg")} />
        </Field>
        <Field id="capacityM3" label="Capacity (m³)" required error={err("capacityM3")}>
          <Input inputMode="decimal" value={v.capacityM3} onChange={set("capacityM3")} />
        </Field>
        <Field id="capacityCrates" label="Crates" hint="If you count loads in crates" error={err("capacityCrates")}>
          <Input inputMode="numeric" value={v.capacityCrates} onChange={set("capacityCrates")} />
        </Field>
        <Field id="costPerKm" label="Cost per km (₹)" error={err("costPerKm")}>
          <Input inputMode="decimal" value={v.costPerKm} onChange={set("costPerKm")} />
        </Field>
        <Field id="costPerTrip" label="Cost per trip (₹)" hint="Driver bata, loading, a hired vehicle's fixed charge" error={err("costPerTrip")}>
          <Input inputMode="decimal" value={v.costPerTrip} onChange={set("costPerTrip")} />
        </Field>
      </FormSection>
      <FormSection title="Papers" description="The last day each is valid. A trip with a lapsed paper is flagged.">
        {DOCS.map(([k, label]) => (
          <Field key={k} id={k} label={label} error={err(k)}>
            <DateInput value={v[k]} onChange={set(k)} />
          </Field>
        ))}
        <Field id="notes" label="Notes" error={err("notes")} className="sm:col-span-2">
          <Textarea rows={2} value={v.notes} onChange={set("notes")} />
        </Field>
      </FormSection>
      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href="/fleet" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          {vehicle ? "Save changes" : "Add vehicle"}
        </Button>
      </div>
    </form>
  );
}
