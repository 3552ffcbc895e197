"use client";
// Generate an e-way bill for one document of a shipment: distance, and the vehicle (the trip's by default; blank
// with a transporter id for Part A only). The server builds and checks the JSON; problems land on their fields.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { requestEwayBillAction } from "@/app/(vendor)/eway-bills/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function EwayBillGenerateForm({ shipmentId, invoiceId, challanId, docNo, defaultVehicle }: { shipmentId: string; invoiceId: string | null; challanId: string | null; docNo: string; defaultVehicle: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const router = useRouter();
  const slug = docNo.replace(/[^A-Za-z0-9]/g, "");
  return (
    <form
      aria-label={`Generate e-way bill for ${docNo}`}
      className="grid gap-3 sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = Object.fromEntries([...new FormData(e.currentTarget).entries()].filter(([, v]) => v !== ""));
        start(async () => {
          const res = await requestEwayBillAction({ shipmentId, ...(invoiceId ? { invoiceId } : { challanId }), ...form });
          if (!res.ok) {
            // Problems with the fields of this form show at the fields; others (the document, the JSON) above them.
            const own = ["distanceKm", "vehicleNo", "transporterId"];
            const keys = Object.keys(res.fieldErrors ?? {});
            setError(keys.length && keys.every((k) => own.includes(k)) ? null : res.error);
            setFieldErrors(res.fieldErrors ?? {});
            return;
          }
          setError(null);
          setFieldErrors({});
          router.refresh();
        });
      }}
    >
      {error && (
        <Alert tone="danger" className="sm:col-span-3">
          {error}
        </Alert>
      )}
      <Field id={`ewb-distance-${slug}`} label="Distance (km)" required error={fieldErrors.distanceKm?.[0]}>
        <Input name="distanceKm" inputMode="numeric" />
      </Field>
      <Field id={`ewb-vehicle-${slug}`} label="Vehicle number" error={fieldErrors.vehicleNo?.[0]}>
        <Input name="vehicleNo" defaultValue={defaultVehicle} className="uppercase" />
      </Field>
      <Field id={`ewb-transporter-${slug}`} label="Transporter id" hint="Only if a transporter fills Part B" error={fieldErrors.transporterId?.[0]}>
        <Input name="transporterId" maxLength={15} className="uppercase" />
      </Field>
      <div className="flex justify-end sm:col-span-3">
        <Button type="submit" loading={pending}>
          Generate e-way bill
        </Button>
      </div>
    </form>
  );
}
