"use client";
// Add or edit a driver: an employee (linked staff member, or a new one invited with the DRIVER role) or an
// external driver of a hired transporter. The server's errors are shown next to their fields.
import { DateInput } from "@/components/ui/date-input";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LICENCE_HINT } from "@/lib/logistics/fleet/formats";
import type { DriverView } from "@/lib/logistics/fleet/views";
import { saveDriverAction } from "../actions";

type Kind = "INVITE" | "STAFF" | "EXTERNAL";

export function DriverForm({ driver, staff, canInvite }: { driver?: DriverView; staff: { userId: string; name: string; email: string }[]; canInvite: boolean }) {
  const [kind, setKind] = useState<Kind>(driver ? (driver.kind === "EMPLOYEE" ? "STAFF" : "EXTERNAL") : canInvite ? "INVITE" : "EXTERNAL");
  const [v, setV] = useState({ name: driver?.name ?? "", phone: driver?.phone ?? "", licenceNo: driver?.licenceNo ?? "", licenceExpiry: driver?.licenceExpiry ?? "", userId: "", inviteEmail: "", transporterName: driver?.transporterName ?? "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value }));
  const err = (k: string) => errors[k]?.[0];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setFormError(null);
      const common = { phone: v.phone, licenceNo: v.licenceNo, licenceExpiry: v.licenceExpiry || (driver ? null : undefined) };
      const body = driver
        ? { ...common, name: v.name, ...(driver.kind === "EXTERNAL" ? { transporterName: v.transporterName } : {}) }
        : kind === "STAFF"
          ? { ...common, userId: v.userId }
          : kind === "INVITE"
            ? { ...common, name: v.name, inviteEmail: v.inviteEmail }
            : { ...common, name: v.name, transporterName: v.transporterName };
      const res = await saveDriverAction(driver?.id ?? null, body);
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
      <FormSection title="Driver" description={driver ? undefined : "An employee signs in to the driver pages and sees only their own trips."}>
        {!driver && (
          <Field id="kind" label="Who drives" required className="sm:col-span-2">
            <Select
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              options={[
                ...(canInvite ? [{ value: "INVITE", label: "New employee (invite with the Driver role)" }] : []),
                { value: "STAFF", label: "An existing staff member" },
                { value: "EXTERNAL", label: "External driver of a hired transporter" },
              ]}
            />
          </Field>
        )}
        {!driver && kind === "STAFF" ? (
          <Field id="userId" label="Staff member" required error={err("userId")} className="sm:col-span-2">
            <Select value={v.userId} onChange={set("userId")} placeholder="Choose…" options={staff.map((s) => ({ value: s.userId, label: `${s.name} (${s.email})` }))} />
          </Field>
        ) : (
          <Field id="name" label="Name" required error={err("name")}>
            <Input autoComplete="off" value={v.name} onChange={set("name")} />
          </Field>
        )}
        {!driver && kind === "INVITE" && (
          <Field id="inviteEmail" label="Email" required hint="They get an email with a code to set a password" error={err("inviteEmail")}>
            <Input type="email" autoComplete="off" value={v.inviteEmail} onChange={set("inviteEmail")} />
          </Field>
        )}
        {(driver ? driver.kind === "EXTERNAL" : kind === "EXTERNAL") && (
          <Field id="transporterName" label="Transporter" required error={err("transporterName")}>
            <Input autoComplete="off" value={v.transporterName} onChange={set("transporterName")} />
          </Field>
        )}
        <Field id="phone" label="Mobile number" required hint="10 digits, e.g. 98220 12345" error={err("phone")}>
          <Input type="tel" inputMode="tel" autoComplete="off" value={v.phone} onChange={set("phone")} />
        </Field>
      </FormSection>
      <FormSection title="Driving licence" description="Owners and managers are reminded before it lapses.">
        <Field id="licenceNo" label="Licence number" required hint={LICENCE_HINT} error={err("licenceNo")}>
          <Input autoComplete="off" className="font-mono uppercase" value={v.licenceNo} onChange={set("licenceNo")} />
        </Field>
        <Field id="licenceExpiry" label="Valid till" error={err("licenceExpiry")}>
          <DateInput value={v.licenceExpiry} onChange={set("licenceExpiry")} />
        </Field>
      </FormSection>
      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href="/fleet/drivers" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          {driver ? "Save changes" : "Add driver"}
        </Button>
      </div>
    </form>
  );
}
