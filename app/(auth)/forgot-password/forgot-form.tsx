"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requestResetAction, type AuthFormState } from "../actions";

export function ForgotForm({ defaultEmail }: { defaultEmail: string }) {
  const [state, formAction, pending] = useActionState<AuthFormState, FormData>(requestResetAction, { status: "idle", values: { email: defaultEmail } });
  const sentTo = state.status === "done" ? state.values?.email : undefined;

  if (sentTo) {
    return (
      <div className="space-y-5">
        <Alert tone="success" title="Check your email">
          {state.message}
        </Alert>
        <Link href={`/reset-password?email=${encodeURIComponent(sentTo)}`} className={buttonClasses({ className: "w-full" })}>
          Enter the code
        </Link>
        <p className="text-center text-sm text-slate-500">
          No email after a few minutes?{" "}
          {/* A full load (not a client navigation) starts the form afresh. */}
          <a href={`/forgot-password?email=${encodeURIComponent(sentTo)}`} className="font-medium text-brand-600 hover:text-brand-700">
            Try again
          </a>
        </p>
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.error && <Alert tone="danger">{state.error}</Alert>}
      <Field id="email" label="Email" error={state.fieldErrors?.email?.[0]}>
        <Input
          key={`email-${state.values?.email ?? ""}`}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoFocus
          placeholder="you@business.in"
          defaultValue={state.values?.email ?? ""}
        />
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
