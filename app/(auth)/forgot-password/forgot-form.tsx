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
import { requestResetAction } from "../actions";

const schema = z.object({ email: z.string().trim().min(1, "Enter your email").email("Enter a valid email address") });
type Values = z.infer<typeof schema>;

export function ForgotForm({ defaultEmail }: { defaultEmail: string }) {
  const [sent, setSent] = useState<{ email: string; message: string } | null>(null);
  const [error, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: defaultEmail },
  });

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const res = await requestResetAction(values);
      if (res.ok) {
        setSent({ email: values.email.trim().toLowerCase(), message: res.data.message });
      } else {
        const rest = applyFieldErrors(setError, res.fieldErrors, ["email"]);
        if (!res.fieldErrors || rest.length) setFormError(res.error);
      }
    }),
  );

  if (sent) {
    return (
      <div className="space-y-5">
        <Alert tone="success" title="Check your email">
          {sent.message}
        </Alert>
        <Link href={`/reset-password?email=${encodeURIComponent(sent.email)}`} className={buttonClasses({ className: "w-full" })}>
          Enter the code
        </Link>
        <p className="text-center text-sm text-slate-500">
          No email after a few minutes?{" "}
          <button type="button" className="font-medium text-brand-600 hover:text-brand-700" onClick={() => setSent(null)}>
            Try again
          </button>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <Field id="email" label="Email" error={formState.errors.email?.message}>
        <Input type="email" autoComplete="email" inputMode="email" autoFocus placeholder="you@business.in" {...register("email")} />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Send code
      </Button>
      <p className="text-center text-sm text-slate-500">
        Already have a code?{" "}
        <Link href="/reset-password" className="font-medium text-brand-600 hover:text-brand-700">
          Enter it here
        </Link>
      </p>
    </form>
  );
}
