"use client";
// The actions on a generated e-way bill: update Part B (with the reason), change the transporter, extend the
// validity, cancel. Each is one small form; the server checks the rules and queues the call to the e-way bill
// system, so after a success the page shows the request as waiting until the answer is stored.
import { DateInput } from "@/components/ui/date-input";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { cancelEwayBillAction, extendValidityAction, updatePartBAction, updateTransporterAction } from "@/app/(vendor)/eway-bills/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Mode = "partB" | "transporter" | "extend" | "cancel" | null;
type Result = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function EwayBillActions({ id, canPartB, canExtend, canCancel, fromPlace }: { id: string; canPartB: boolean; canExtend: boolean; canCancel: boolean; fromPlace: string }) {
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const router = useRouter();

  const submit = (fn: (id: string, input: unknown) => Promise<Result>) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = Object.fromEntries([...new FormData(e.currentTarget).entries()].filter(([, v]) => v !== ""));
    start(async () => {
      const res = await fn(id, input);
      if (!res.ok) {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? {});
        return;
      }
      setMode(null);
      setError(null);
      setFieldErrors({});
      router.refresh();
    });
  };
  const fe = (k: string) => fieldErrors[k]?.[0];
  const open = (m: Mode) => {
    setMode(m);
    setError(null);
    setFieldErrors({});
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {canPartB && (
          <Button variant={mode === "partB" ? "primary" : "secondary"} onClick={() => open("partB")}>
            Update Part B
          </Button>
        )}
        {canPartB && (
          <Button variant={mode === "transporter" ? "primary" : "secondary"} onClick={() => open("transporter")}>
            Change transporter
          </Button>
        )}
        {canExtend && (
          <Button variant={mode === "extend" ? "primary" : "secondary"} onClick={() => open("extend")}>
            Extend validity
          </Button>
        )}
        {canCancel && (
          <Button variant={mode === "cancel" ? "danger" : "secondary"} onClick={() => open("cancel")}>
            Cancel e-way bill
          </Button>
        )}
      </div>
      {mode && (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          {error && (
            <Alert tone="danger" className="mb-3">
              {error}
            </Alert>
          )}
          {mode === "partB" && (
            <form onSubmit={submit(updatePartBAction)} className="grid gap-3 sm:grid-cols-2" aria-label="Update Part B">
              <Field id="pb-vehicleNo" label="Vehicle number" required error={fe("vehicleNo")}>
                <Input name="vehicleNo" placeholder="MH12AB1234" className="uppercase" />
              </Field>
              <Field id="pb-reasonCode" label="Reason" required error={fe("reasonCode")}>
                <Select name="reasonCode" defaultValue="1" options={[{ value: "1", label: "1 · Break down" }, { value: "2", label: "2 · Trans-shipment" }, { value: "3", label: "3 · Others" }, { value: "4", label: "4 · First time" }]} />
              </Field>
              <Field id="pb-reasonRem" label="Remark" required error={fe("reasonRem")}>
                <Input name="reasonRem" maxLength={50} placeholder="e.g. Breakdown near Lonavala" />
              </Field>
              <Field id="pb-fromPlace" label="From place" error={fe("fromPlace")}>
                <Input name="fromPlace" defaultValue={fromPlace} maxLength={50} />
              </Field>
              <Field id="pb-transDocNo" label="LR / document no." error={fe("transDocNo")}>
                <Input name="transDocNo" maxLength={15} />
              </Field>
              <Field id="pb-transDocDate" label="LR date" error={fe("transDocDate")}>
                <DateInput name="transDocDate" />
              </Field>
              <div className="flex justify-end gap-2 sm:col-span-2">
                <Button variant="ghost" onClick={() => setMode(null)}>
                  Close
                </Button>
                <Button type="submit" loading={pending}>
                  Send Part B
                </Button>
              </div>
            </form>
          )}
          {mode === "transporter" && (
            <form onSubmit={submit(updateTransporterAction)} className="grid gap-3 sm:grid-cols-2" aria-label="Change transporter">
              <Field id="tr-transporterId" label="Transporter id (GSTIN / TRANSIN)" required error={fe("transporterId")}>
                <Input name="transporterId" maxLength={15} className="uppercase" />
              </Field>
              <Field id="tr-transporterName" label="Transporter name" error={fe("transporterName")}>
                <Input name="transporterName" maxLength={100} />
              </Field>
              <div className="flex justify-end gap-2 sm:col-span-2">
                <Button variant="ghost" onClick={() => setMode(null)}>
                  Close
                </Button>
                <Button type="submit" loading={pending}>
                  Change transporter
                </Button>
              </div>
            </form>
          )}
          {mode === "extend" && (
            <form onSubmit={submit(extendValidityAction)} className="grid gap-3 sm:grid-cols-2" aria-label="Extend validity">
              <Field id="ex-remainingDistance" label="Remaining distance (km)" required error={fe("remainingDistance")}>
                <Input name="remainingDistance" inputMode="numeric" />
              </Field>
              <Field id="ex-reasonCode" label="Reason" required error={fe("reasonCode")}>
                <Select name="reasonCode" defaultValue="5" options={[{ value: "1", label: "1 · Natural calamity" }, { value: "2", label: "2 · Law and order" }, { value: "4", label: "4 · Transshipment" }, { value: "5", label: "5 · Accident" }, { value: "99", label: "99 · Others" }]} />
              </Field>
              <Field id="ex-remarks" label="Remark" required error={fe("remarks")}>
                <Input name="remarks" maxLength={50} />
              </Field>
              <Field id="ex-consignmentStatus" label="The goods are" required error={fe("consignmentStatus")}>
                <Select name="consignmentStatus" defaultValue="M" options={[{ value: "M", label: "In movement (on a vehicle)" }, { value: "T", label: "In transit (kept somewhere)" }]} />
              </Field>
              <Field id="ex-vehicleNo" label="Vehicle (if changed)" error={fe("vehicleNo")}>
                <Input name="vehicleNo" className="uppercase" />
              </Field>
              <Field id="ex-fromPlace" label="Now at (place)" error={fe("fromPlace")}>
                <Input name="fromPlace" defaultValue={fromPlace} maxLength={50} />
              </Field>
              <Field id="ex-fromPincode" label="Now at (PIN)" error={fe("fromPincode")}>
                <Input name="fromPincode" inputMode="numeric" maxLength={6} />
              </Field>
              <Field id="ex-transitType" label="Kept in (if in transit)" error={fe("transitType")}>
                <Select name="transitType" placeholder="—" options={[{ value: "R", label: "Road" }, { value: "W", label: "Warehouse" }, { value: "O", label: "Others" }]} />
              </Field>
              <Field id="ex-addressLine1" label="Address (if in transit)" error={fe("addressLine1")} className="sm:col-span-2">
                <Input name="addressLine1" maxLength={120} />
              </Field>
              <div className="flex justify-end gap-2 sm:col-span-2">
                <Button variant="ghost" onClick={() => setMode(null)}>
                  Close
                </Button>
                <Button type="submit" loading={pending}>
                  Extend
                </Button>
              </div>
            </form>
          )}
          {mode === "cancel" && (
            <form onSubmit={submit(cancelEwayBillAction)} className="grid gap-3 sm:grid-cols-2" aria-label="Cancel e-way bill">
              <Field id="cn-reasonCode" label="Reason" required error={fe("reasonCode")}>
                <Select name="reasonCode" defaultValue="2" options={[{ value: "1", label: "1 · Duplicate" }, { value: "2", label: "2 · Order cancelled" }, { value: "3", label: "3 · Data entry mistake" }, { value: "4", label: "4 · Others" }]} />
              </Field>
              <Field id="cn-remark" label="Remark" required error={fe("remark")}>
                <Input name="remark" maxLength={50} />
              </Field>
              <div className="flex justify-end gap-2 sm:col-span-2">
                <Button variant="ghost" onClick={() => setMode(null)}>
                  Close
                </Button>
                <Button type="submit" variant="danger" loading={pending}>
                  Cancel e-way bill
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
