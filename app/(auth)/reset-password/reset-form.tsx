"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetPasswordAction, type AuthFormState } from "../actions";

export function ResetForm({ defaultEmail }: { defaultEmail: string }) {
  const [state, formAction, pending] = useActionState<AuthFormState, FormData>(resetPasswordAction, { status: "idle", values: { email: defaultEmail } });
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};

  if (state.status === "done") {
    return (
      <div className="space-y-5">
        <Alert tone="success" title="Password changed">
          Your new password is set. Other devices signed in to your account have been signed out.
        </Alert>
        <Link href={`/login?reset=1&email=${encodeURIComponent(v.email ?? "")}`} className={buttonClasses({ className: "w-full" })}>
          Sign in
        </Link>
      </div>
    );
  }

  // Inputs are keyed on the last submitted values so they show them again after an error.
  const k = `${v.email ?? ""}|${v.code ?? ""}|${state.status}|${JSON.stringify(fe)}`;
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.error && <Alert tone="danger">{state.error}</Alert>}
      <Field id="email" label="Email" error={fe.email?.[0]}>
        <Input key={`e${k}`} name="email" type="email" autoComplete="username" inputMode="email" autoFocus={!defaultEmail} defaultValue={v.email ?? ""} />
      </Field>
      <Field id="code" label="Code" hint="6 digits from the email, valid for 10 minutes" error={fe.code?.[0]}>
        <Input
          key={`c${k}`}
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          autoFocus={!!defaultEmail}
          placeholder="123456"
          className="font-mono tracking-[0.3em]"
          defaultValue={v.code ?? ""}
        />
      </Field>
      <Field id="password" label="New password" hint="At least 8 characters" error={fe.password?.[0]}>
        <Input name="password" type="password" autoComplete="new-password" />
      </Field>
      <Field id="confirm" label="Confirm password" error={fe.confirm?.[0]}>
        <Input name="confirm" type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Set new password
      </Button>
      <p className="text-center text-sm text-slate-500">
        Need a new code?{" "}
        <Link href={`/forgot-password${v.email ? `?email=${encodeURIComponent(v.email)}` : ""}`} className="font-medium text-brand-600 hover:text-brand-700">
          Send another
        </Link>
      </p>
    </form>
  );
}
