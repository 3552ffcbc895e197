"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useEffect, useState, useTransition } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { applyServerErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { activeGstStates, stateName } from "@/lib/integrations/gst/states";
import { acceptInvitationInput } from "@/lib/network/network.schemas";
import { acceptInvitationAction } from "./actions";

const [newAccountSchema, existingAccountSchema] = acceptInvitationInput.options;
const stateOptions = activeGstStates.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

type Props = { token: string; account: "new" | "retailer"; email: string; defaults: { name: string; phone: string; legalName: string } };

export function AcceptForm(props: Props) {
  return props.account === "new" ? <NewAccountForm {...props} /> : <ExistingAccountForm {...props} />;
}

type NewValues = {
  token: string;
  name: string;
  password: string;
  phone: string;
  business: { legalName: string; tradeName: string; gstin: string; stateCode: string; addressLine1: string; city: string; pincode: string };
};
const newFields = ["name", "password", "phone", "business.legalName", "business.tradeName", "business.gstin", "business.stateCode", "business.addressLine1", "business.city", "business.pincode"] as const;

function NewAccountForm({ token, email, defaults }: Props) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, setValue, control, formState } = useForm<NewValues>({
    resolver: zodResolver(newAccountSchema) as unknown as Resolver<NewValues>,
    defaultValues: {
      token,
      name: defaults.name,
      password: "",
      phone: defaults.phone,
      business: { legalName: defaults.legalName, tradeName: "", gstin: "", stateCode: "", addressLine1: "", city: "", pincode: "" },
    },
  });
  const e = formState.errors;

  const gstin = useWatch({ control, name: "business.gstin" });
  const gstinState = isValidGstin(gstin?.trim().toUpperCase()) ? gstin.trim().toUpperCase().slice(0, 2) : null;
  useEffect(() => {
    if (gstinState) setValue("business.stateCode", gstinState, { shouldValidate: formState.isSubmitted });
  }, [gstinState, setValue, formState.isSubmitted]);

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await acceptInvitationAction(values);
      if (res && !res.ok) {
        setFormError(applyServerErrors(setError, res, newFields));
      }
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      {error && <Alert tone="danger">{error}</Alert>}
      <fieldset className="space-y-4">
        <legend className="text-[15px] font-semibold text-slate-900">About you</legend>
        <p className="-mt-2 text-sm text-slate-500">
          You will sign in with <span className="font-medium text-slate-700">{email}</span>.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="name" label="Your name" required error={e.name?.message} className="sm:col-span-2">
            <Input autoComplete="name" {...register("name")} />
          </Field>
          <Field id="password" label="Password" required hint="At least 8 characters." error={e.password?.message}>
            <Input type="password" autoComplete="new-password" {...register("password")} />
          </Field>
          <Field id="phone" label="Phone" error={e.phone?.message}>
            <Input type="tel" inputMode="tel" autoComplete="tel" placeholder="+91 98765 43210" {...register("phone")} />
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-[15px] font-semibold text-slate-900">Your business</legend>
        <p className="-mt-2 text-sm text-slate-500">Printed on the GST invoices you receive. Your GSTIN fills in the state.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="legalName" label="Legal name" required error={e.business?.legalName?.message}>
            <Input autoComplete="organization" {...register("business.legalName")} />
          </Field>
          <Field id="tradeName" label="Trade name" hint="Shop name, if different." error={e.business?.tradeName?.message}>
            <Input {...register("business.tradeName")} />
          </Field>
          <Field id="gstin" label="GSTIN" hint="Leave empty if you are not registered." error={e.business?.gstin?.message}>
            <Input className="font-mono uppercase" maxLength={15} autoComplete="off" {...register("business.gstin")} />
          </Field>
          <Field id="stateCode" label="State" required hint={gstinState ? `From your GSTIN: ${stateName(gstinState)}` : undefined} error={e.business?.stateCode?.message}>
            <Select placeholder="Select a state" options={stateOptions} {...register("business.stateCode")} />
          </Field>
          <Field id="addressLine1" label="Address" required error={e.business?.addressLine1?.message} className="sm:col-span-2">
            <Input autoComplete="street-address" placeholder="Shop number, street, area" {...register("business.addressLine1")} />
          </Field>
          <Field id="city" label="City" required error={e.business?.city?.message}>
            <Input autoComplete="address-level2" {...register("business.city")} />
          </Field>
          <Field id="pincode" label="PIN code" required error={e.business?.pincode?.message}>
            <Input inputMode="numeric" maxLength={6} autoComplete="postal-code" className="tabular-nums" {...register("business.pincode")} />
          </Field>
        </div>
      </fieldset>
      <div className="flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-slate-500">
          Already have an account?{" "}
          <Link href={`/login?email=${encodeURIComponent(email)}`} className="font-medium text-brand-600 hover:text-brand-700">
            Sign in
          </Link>
        </p>
        <Button type="submit" loading={pending}>
          Accept and create account
        </Button>
      </div>
    </form>
  );
}

type ExistingValues = { token: string; password: string };

function ExistingAccountForm({ token, email }: Props) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<ExistingValues>({
    resolver: zodResolver(existingAccountSchema) as unknown as Resolver<ExistingValues>,
    defaultValues: { token, password: "" },
  });
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await acceptInvitationAction(values);
      if (res && !res.ok) {
        setFormError(applyServerErrors(setError, res, ["password"]));
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <p className="text-sm text-slate-600">
        You already have a retailer account with <span className="font-medium text-slate-900">{email}</span>. Enter its password to connect your business to this vendor.
      </p>
      <Field
        id="password"
        label="Password"
        error={formState.errors.password?.message}
        labelAside={
          <Link href={`/forgot-password?email=${encodeURIComponent(email)}`} className="font-medium text-brand-600 hover:text-brand-700">
            Forgot password?
          </Link>
        }
      >
        <Input type="password" autoComplete="current-password" autoFocus {...register("password")} />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Accept invitation
      </Button>
    </form>
  );
}
