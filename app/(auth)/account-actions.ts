"use server";
// Doors for a signed-in user's own account: change password, end a session, sign out everywhere.
// The rules live in lib/auth (change-password.ts, my-sessions.ts).
import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { endMySession, signOutEverywhere } from "@/lib/auth/my-sessions";
import { runAction } from "@/lib/http/action";
import type { AuthFormState } from "./actions";

export async function changePasswordAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const currentPassword = str(form, "currentPassword");
  const newPassword = str(form, "newPassword");
  if (newPassword && str(form, "confirm") !== newPassword) {
    return { status: "error", fieldErrors: { confirm: ["The new passwords do not match"] } };
  }
  const r = await runAction((ctx) => changePassword(ctx, { currentPassword, newPassword }));
  if (!r.ok) return { status: "error", error: r.fieldErrors ? undefined : r.error, fieldErrors: r.fieldErrors };
  revalidatePath("/account");
  revalidatePath("/portal/account");
  const n = r.data.endedSessions;
  return { status: "done", message: n ? `Password changed. ${n} other session${n === 1 ? " was" : "s were"} signed out.` : "Password changed." };
}

export async function endSessionAction(form: FormData): Promise<void> {
  await runAction((ctx) => endMySession(ctx, str(form, "sessionId")));
  revalidatePath("/account");
  revalidatePath("/portal/account");
}

export async function signOutEverywhereAction(): Promise<void> {
  await runAction((ctx) => signOutEverywhere(ctx));
  await signOut({ redirectTo: "/login?signedOut=everywhere" });
}

function str(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}
