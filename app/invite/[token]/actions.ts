"use server";
// Public door (no session yet): accept an invitation, then sign the new or existing retailer in.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { prisma } from "@/lib/db/client";
import { actionError, type ActionResult } from "@/lib/http/action";
import { acceptInvitation } from "@/lib/network/accept-invitation";

export async function acceptInvitationAction(input: unknown): Promise<ActionResult<null>> {
  const requestId = randomUUID();
  let accepted;
  try {
    accepted = await acceptInvitation(prisma, input, { requestId });
  } catch (err) {
    return actionError(err, requestId);
  }
  const password = (input as { password?: unknown })?.password;
  try {
    await signIn("credentials", { email: accepted.email, password: String(password ?? ""), redirect: false });
  } catch {
    // The invitation is accepted; only the automatic sign-in failed. Let them sign in by hand.
    redirect(`/login?email=${encodeURIComponent(accepted.email)}`);
  }
  redirect("/portal");
}
