"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/app/(auth)/account-actions";
import type { AuthFormState } from "@/app/(auth)/actions";

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<AuthFormState, FormData>(changePasswordAction, { status: "idle" });
  const fe = state.fieldErrors ?? {};
  // A new key after each answer empties the password fields.
  const k = `${state.status}|${state.message ?? ""}|${JSON.stringify(fe)}`;
  return (
    <form action={formAction} noValidate className="max-w-sm space-y-4">
      {state.error && <Alert tone="danger">{state.error}</Alert>}
      {state.status === "done" && <Alert tone="success">{state.message}</Alert>}
      <Field id="currentPassword" label="Current password" error={fe.currentPassword?.[0]}>
        <Input key={`c${k}`} name="currentPassword" type="password" autoComplete="current-password" />
      </Field>
      <Field id="newPassword" label="New password" hint="At least 8 characters" error={fe.newPassword?.[0]}>
        <Input key={`n${k}`} name="newPassword" type="password" autoComplete="new-password" />
      </Field>
      <Field id="confirm" label="Confirm new password" error={fe.confirm?.[0]}>
        <Input key={`r${k}`} name="confirm" type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" loading={pending}>
        Change password
      </Button>
    </form>
  );
}
