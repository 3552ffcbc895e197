"use server";
// Doors for the sign-in screens. The rules (rate limits, OTP checks) live in lib/auth.
// The forms post straight to these actions (useActionState), so they work before hydration.
import { randomUUID } from "node:crypto";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { actionError } from "@/lib/http/action";
import { clientAddress } from "@/lib/http/client-address";

export type AuthFormState = {
  status: "idle" | "error" | "done";
  error?: string;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the user typed, so the form can show it again after an error. */
  values?: Record<string, string>;
};

const loginMessages: Record<string, string> = {
  invalid_credentials: "Email or password is incorrect.",
  rate_limited: "Too many sign-in attempts. Wait a few minutes and try again.",
  reset_required: "Too many failed sign-ins for this account. Request a code by email (Forgot password) and set a new password.",
  forbidden: "This account cannot sign in.",
};

export async function loginAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = str(form, "email").trim().toLowerCase();
  const password = str(form, "password");
  const values = { email };
  const fieldErrors: Record<string, string[]> = {};
  if (!email) fieldErrors.email = ["Enter your email"];
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fieldErrors.email = ["Enter a valid email address"];
  if (!password) fieldErrors.password = ["Enter your password"];
  if (Object.keys(fieldErrors).length) return { status: "error", fieldErrors, values };

  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code ?? "invalid_credentials";
      // Auth.js appends "Read more at https://errors.authjs.dev#…" to every message.
      const text = err.message.replace(/\.?\s*Read more at https:\/\/errors\.authjs\.dev\S*$/, "").trim();
      const error = code === "invalid_credentials" || !text ? (loginMessages[code] ?? loginMessages.invalid_credentials) : text;
      return { status: "error", error: /[.!?]$/.test(error) ? error : `${error}.`, values };
    }
    throw err;
  }
  const user = await prisma.user.findUnique({ where: { email }, select: { kind: true } });
  redirect(user?.kind === "RETAILER" ? "/portal" : "/dashboard");
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export async function requestResetAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = str(form, "email").trim().toLowerCase();
  const values = { email };
  if (!email) return { status: "error", fieldErrors: { email: ["Enter your email"] }, values };
  const ip = clientAddress(await headers());
  try {
    const { message } = await requestPasswordReset(prisma, { email }, { ip });
    return { status: "done", message, values };
  } catch (err) {
    const e = actionError(err, randomUUID());
    return { status: "error", error: e.fieldErrors ? undefined : e.error, fieldErrors: e.fieldErrors, values };
  }
}

export async function resetPasswordAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = str(form, "email").trim().toLowerCase();
  const code = str(form, "code").trim();
  const password = str(form, "password");
  const confirm = str(form, "confirm");
  const values = { email, code };
  if (password && confirm !== password) {
    return { status: "error", fieldErrors: { confirm: [confirm ? "The passwords do not match" : "Type the new password again"] }, values };
  }
  try {
    await resetPassword(prisma, { email, code, password });
    return { status: "done", values: { email } };
  } catch (err) {
    const e = actionError(err, randomUUID());
    return { status: "error", error: e.fieldErrors ? undefined : e.error, fieldErrors: e.fieldErrors, values };
  }
}

function str(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}
