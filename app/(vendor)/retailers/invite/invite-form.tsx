"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createInvitationInput } from "@/lib/network/network.schemas";
import { inviteRetailerAction } from "../actions";

type Values = z.input<typeof createInvitationInput>;
const fields = ["email", "phone", "businessName", "contactName", "customerCode", "creditLimit", "paymentTermsDays"] as const;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export function InviteForm() {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(createInvitationInput) as unknown as Resolver<Values>,
    defaultValues: { email: "", phone: "", businessName: "", contactName: "", customerCode: "", creditLimit: "", paymentTermsDays: undefined },
  });
  const err = (k: (typeof fields)[number]) => formState.errors[k]?.message as string | undefined;

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await inviteRetailerAction(values);
      if (res && !res.ok) {
        setFormError(applyServerErrors(setError, res, fields));
      }
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="divide-y divide-slate-200">
      {error && (
        <Alert tone="danger" className="mb-6">
          {error}
        </Alert>
      )}
      <FormSection title="Who to invite" description="The invitation goes to this email. Business and contact names pre-fill their sign-up form.">
        <Field id="email" label="Email" required error={err("email")} className="sm:col-span-2">
          <Input type="email" inputMode="email" autoComplete="off" placeholder="owner@shop.in" autoFocus {...register("email")} />
        </Field>
        <Field id="phone" label="Phone" error={err("phone")}>
          <Input type="tel" inputMode="tel" autoComplete="off" placeholder="+91 98765 43210" {...register("phone")} />
        </Field>
        <Field id="contactName" label="Contact name" error={err("contactName")}>
          <Input autoComplete="off" {...register("contactName")} />
        </Field>
        <Field id="businessName" label="Business name" error={err("businessName")} className="sm:col-span-2">
          <Input autoComplete="off" {...register("businessName")} />
        </Field>
      </FormSection>
      <FormSection title="Terms" description="Optional. You can change these at any time from the retailer's page.">
        <Field id="customerCode" label="Customer code" hint="Your own code for them, e.g. R-0042." error={err("customerCode")}>
          <Input autoComplete="off" className="font-mono uppercase" {...register("customerCode")} />
        </Field>
        <Field id="creditLimit" label="Credit limit (₹)" hint="Rupees, e.g. 50000 or 50000.50." error={err("creditLimit")}>
          <Input inputMode="decimal" autoComplete="off" className="tabular-nums" {...register("creditLimit", { setValueAs: blankToUndefined })} />
        </Field>
        <Field id="paymentTermsDays" label="Payment terms (days)" hint="0 means payment on delivery." error={err("paymentTermsDays")}>
          <Input type="number" inputMode="numeric" min={0} max={365} step={1} {...register("paymentTermsDays", { setValueAs: blankToUndefined })} />
        </Field>
      </FormSection>
      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href="/retailers" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          Send invitation
        </Button>
      </div>
    </form>
  );
}
