"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyFieldErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetPasswordAction } from "../actions";

const schema = z
  .object({
    email: z.string().trim().min(1, "Enter your email").email("Enter a valid email address"),
    code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
    password: z.string().min(8, "Use at least 8 characters").max(128, "Use at most 128 characters"),
    confirm: z.string().min(1, "Type the new password again"),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });
type Values = z.infer<typeof schema>;

export function ResetForm({ defaultEmail }: { defaultEmail: string }) {
  const [done, setDone] = useState<string | null>(null);
  const [error, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: defaultEmail, code: "", password: "", confirm: "" },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const res = await resetPasswordAction({ email: values.email, code: values.code, password: values.password });
      if (res.ok) {
        setDone(values.email.trim().toLowerCase());
        return;
      }
      const rest = applyFieldErrors(setError, res.fieldErrors, ["email", "code", "password"]);
      if (!res.fieldErrors || rest.length) setFormError(res.error);
    }),
  );

  if (done) {
    return (
      <div className="space-y-5">
        <Alert tone="success" title="Password changed">
          Your new password is set. Other devices signed in to your account have been signed out.
        </Alert>
        <Link href={`/login?reset=1&email=${encodeURIComponent(done)}`} className={buttonClasses({ className: "w-full" })}>
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="username" inputMode="email" autoFocus={!defaultEmail} {...register("email")} />
      </Field>
      <Field id="code" label="Code" hint="6 digits, valid for 10 minutes" error={errors.code?.message}>
        <Input
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          autoFocus={!!defaultEmail}
          placeholder="123456"
          className="font-mono tracking-[0.3em]"
          {...register("code")}
        />
      </Field>
      <Field id="password" label="New password" hint="At least 8 characters" error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...register("password")} />
      </Field>
      <Field id="confirm" label="Confirm password" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...register("confirm")} />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Set new password
      </Button>
      <p className="text-center text-sm text-slate-500">
        Need a new code?{" "}
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:text-brand-700">
          Send another
        </Link>
      </p>
    </form>
  );
}
