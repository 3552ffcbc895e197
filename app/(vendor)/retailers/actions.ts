"use server";
// Doors for the retailer-network screens of the vendor dashboard. Rules live in lib/network.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { setDeliveryLocation } from "@/lib/logistics/geo/delivery-location";
import { changeConnectionStatus, updateConnectionTerms } from "@/lib/network/connections";
import { createInvitation, resendInvitation, revokeInvitation } from "@/lib/network/invitations";
import { approveJoinRequest, rejectJoinRequest } from "@/lib/network/join-requests";

export async function inviteRetailerAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => createInvitation(ctx, input));
  if (!res.ok) return res;
  revalidatePath("/retailers", "layout");
  redirect(`/retailers/invitations?sent=${encodeURIComponent(res.data.email)}`);
}

export async function resendInvitationAction(id: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => resendInvitation(ctx, String(id)));
  revalidatePath("/retailers/invitations");
  return res.ok ? { ok: true, data: null } : res;
}

export async function revokeInvitationAction(id: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => revokeInvitation(ctx, String(id)));
  revalidatePath("/retailers/invitations");
  return res.ok ? { ok: true, data: null } : res;
}

export async function approveJoinRequestAction(id: string, terms: unknown): Promise<ActionResult<{ connectionId: string }>> {
  const res = await runAction(async (ctx) => {
    const r = await approveJoinRequest(ctx, String(id), terms);
    return { connectionId: r.id };
  });
  revalidatePath("/retailers", "layout");
  return res;
}

export async function rejectJoinRequestAction(id: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => rejectJoinRequest(ctx, String(id), input));
  revalidatePath("/retailers", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function updateTermsAction(connectionId: string, terms: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => updateConnectionTerms(ctx, String(connectionId), terms));
  revalidatePath(`/retailers/${connectionId}`);
  return res.ok ? { ok: true, data: null } : res;
}

export async function changeStatusAction(connectionId: string, action: "suspend" | "reactivate" | "end"): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => changeConnectionStatus(ctx, String(connectionId), action));
  revalidatePath("/retailers", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function setDeliveryLocationAction(connectionId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setDeliveryLocation(ctx, String(connectionId), input));
  if (res.ok) revalidatePath(`/retailers/${connectionId}`);
  return res.ok ? { ok: true, data: null } : res;
}
