"use server";
// Doors for the sign-in screens. The rules (rate limits, OTP checks) live in lib/auth.
import { randomUUID } from "node:crypto";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { actionError, type ActionResult } from "@/lib/http/action";

const loginMessages: Record<string, string> = {
  invalid_credentials: "Email or password is incorrect.",
  rate_limited: "Too many sign-in attempts. Wait a few minutes and try again.",
  forbidden: "This account cannot sign in.",
};

export async function loginAction(input: { email: string; password: string }): Promise<ActionResult> {
  const email = String(input?.email ?? "").trim().toLowerCase();
  const password = String(input?.password ?? "");
  const fieldErrors: Record<string, string[]> = {};
  if (!email) fieldErrors.email = ["Enter your email"];
  if (!password) fieldErrors.password = ["Enter your password"];
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Enter your email and password.", code: "validation", fieldErrors };

  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code ?? "invalid_credentials";
      // Auth.js appends "Read more at https://errors.authjs.dev#…" to every message.
      const text = err.message.replace(/\.?\s*Read more at https:\/\/errors\.authjs\.dev\S*$/, "").trim();
      const error = code === "invalid_credentials" ? loginMessages.invalid_credentials : text || loginMessages[code] || loginMessages.invalid_credentials;
      return { ok: false, error: error.endsWith(".") ? error : `${error}.`, code };
    }
    throw err;
  }
  const user = await prisma.user.findUnique({ where: { email }, select: { kind: true } });
  redirect(user?.kind === "RETAILER" ? "/portal" : "/dashboard");
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export async function requestResetAction(input: { email: string }): Promise<ActionResult<{ message: string }>> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || undefined;
  try {
    return { ok: true, data: await requestPasswordReset(prisma, { email: input?.email }, { ip }) };
  } catch (err) {
    return actionError(err, randomUUID());
  }
}

export async function resetPasswordAction(input: { email: string; code: string; password: string }): Promise<ActionResult> {
  try {
    await resetPassword(prisma, { email: input?.email, code: input?.code, password: input?.password });
    return { ok: true, data: null };
  } catch (err) {
    return actionError(err, randomUUID());
  }
}
