"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { loginAction, type AuthFormState } from "../actions";

export function LoginForm({ passwordChanged, defaultEmail }: { passwordChanged?: boolean; defaultEmail?: string }) {
  const [state, formAction, pending] = useActionState<AuthFormState, FormData>(loginAction, { status: "idle", values: { email: defaultEmail ?? "" } });
  const [email, setEmail] = useState(state.values?.email ?? "");
  const fe = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate className="space-y-5">
      {passwordChanged && state.status === "idle" && (
        <Alert tone="success" title="Password changed">
          Sign in with your new password.
        </Alert>
      )}
      {state.error && <Alert tone="danger">{state.error}</Alert>}
      <Field id="email" label="Email" error={fe.email?.[0]}>
        <Input
          key={`email-${state.values?.email ?? ""}`}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus={!defaultEmail}
          placeholder="you@business.in"
          defaultValue={state.values?.email ?? ""}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field
        id="password"
        label="Password"
        error={fe.password?.[0]}
        labelAside={
          <Link
            href={`/forgot-password${email ? `?email=${encodeURIComponent(email.trim())}` : ""}`}
            className="font-medium text-brand-600 hover:text-brand-700"
          >
            Forgot password?
          </Link>
        }
      >
        <Input name="password" type="password" autoComplete="current-password" autoFocus={!!defaultEmail} />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-xs leading-5 text-slate-500">
        Invited by your company? Use the code from the invitation email on{" "}
        <Link href="/reset-password" className="font-medium text-slate-700 underline decoration-slate-300 underline-offset-2 hover:text-slate-900">
          set a password
        </Link>
        .
      </p>
    </form>
  );
}
