"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyFieldErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { loginAction } from "../actions";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email").email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});
type Values = z.infer<typeof schema>;

export function LoginForm({ passwordChanged, defaultEmail }: { passwordChanged?: boolean; defaultEmail?: string }) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, watch, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: defaultEmail ?? "", password: "" },
  });
  const email = watch("email");

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const res = await loginAction(values);
      // On success the action redirects; we only get here on failure.
      if (res && !res.ok) {
        applyFieldErrors(setError, res.fieldErrors, ["email", "password"]);
        setFormError(res.error);
      }
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {passwordChanged && !error && (
        <Alert tone="success" title="Password changed">
          Sign in with your new password.
        </Alert>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
      <Field id="email" label="Email" error={formState.errors.email?.message}>
        <Input type="email" autoComplete="username" inputMode="email" autoFocus={!defaultEmail} placeholder="you@business.in" {...register("email")} />
      </Field>
      <Field
        id="password"
        label="Password"
        error={formState.errors.password?.message}
        labelAside={
          <Link
            href={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ""}`}
            className="font-medium text-brand-600 hover:text-brand-700"
          >
            Forgot password?
          </Link>
        }
      >
        <Input type="password" autoComplete="current-password" autoFocus={!!defaultEmail} {...register("password")} />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-xs text-slate-500">
        New employee? Use <span className="font-medium text-slate-700">Forgot password</span> with the email your company added to
        set a password — or enter the code from your invitation email.
      </p>
    </form>
  );
}
