"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { roleLabels } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";
import { Role } from "@/lib/generated/prisma/enums";
import { addEmployeeInput } from "@/lib/people/people.schemas";
import { addEmployeeAction } from "../actions";
import { roleDescriptions } from "../roles";

type Values = { name: string; email: string; phone: string; role: Role | ""; title: string };
type Output = z.output<typeof addEmployeeInput>;
const FIELDS = ["name", "email", "phone", "role", "title"] as const;

export function AddEmployeeForm({ canManageAdmins }: { canManageAdmins: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, watch, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(addEmployeeInput) as unknown as Resolver<Values, unknown, Output>,
    defaultValues: { name: "", email: "", phone: "", role: "SALES", title: "" },
    mode: "onTouched",
  });
  const errors = formState.errors;
  const role = watch("role");

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      // On success the action redirects to the list.
      const res = await addEmployeeAction(values);
      if (res && !res.ok) {
        const rest = applyFieldErrors(setError, res.fieldErrors, FIELDS);
        if (!res.fieldErrors || rest.length) setFormError(res.error);
      }
    }),
  );

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label="Add employee">
      <Card>
        <CardBody className="space-y-5 py-6">
          {error && <Alert tone="danger">{error}</Alert>}
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="name" label="Name" required error={errors.name?.message} className="sm:col-span-2">
              <Input autoComplete="off" autoFocus placeholder="e.g. Priya Deshmukh" {...register("name")} />
            </Field>
            <Field id="email" label="Email" required hint="The invitation goes here; it is also their sign-in." error={errors.email?.message}>
              <Input type="email" inputMode="email" autoComplete="off" placeholder="priya@yourbusiness.in" {...register("email")} />
            </Field>
            <Field id="phone" label="Phone" error={errors.phone?.message}>
              <Input type="tel" inputMode="tel" autoComplete="off" placeholder="+91 98765 43210" {...register("phone")} />
            </Field>
            <Field id="title" label="Title" hint="Optional, e.g. Area sales executive" error={errors.title?.message} className="sm:col-span-2">
              <Input autoComplete="off" {...register("title")} />
            </Field>
          </div>

          <Field id="role" label="Role" required hint={role ? roleDescriptions[role] : undefined} error={errors.role?.message}>
            <Select
              {...register("role")}
              options={Object.values(Role).map((r) => ({
                value: r,
                label: !canManageAdmins && (r === "OWNER" || r === "ADMIN") ? `${roleLabels[r]} (owners only)` : roleLabels[r],
                disabled: !canManageAdmins && (r === "OWNER" || r === "ADMIN"),
              }))}
            />
          </Field>
          <details className="group rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3 text-sm">
            <summary className="cursor-pointer font-medium text-slate-700 select-none">What each role can do</summary>
            <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[7rem_1fr]">
              {Object.values(Role).map((r) => (
                <div key={r} className={cn("contents", role === r && "font-medium")}>
                  <dt className={cn("text-slate-900", role === r && "text-brand-700")}>{roleLabels[r]}</dt>
                  <dd className="text-slate-600">{roleDescriptions[r]}</dd>
                </div>
              ))}
            </dl>
          </details>
        </CardBody>
        <CardFooter className="flex-col-reverse sm:flex-row">
          <Link href="/employees" className={buttonClasses({ variant: "ghost", className: "w-full sm:w-auto" })}>
            Cancel
          </Link>
          <Button type="submit" loading={pending} className="w-full sm:w-auto">
            Add employee
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
